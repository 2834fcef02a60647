package io.stageline.modules.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference §6.9: the user-mode restrictions, and the kernel ones for kernelCachePolicy-only profiles. */
class CacheRulesTest {

    private static Function<String, String> headers(String... nameValue) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i].toLowerCase(java.util.Locale.ROOT), nameValue[i + 1]);
        }
        return n -> m.get(n.toLowerCase(java.util.Locale.ROOT));
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                // method, path, query, protocol, authenticated, cacheAuthenticated, kernelOnly, headers, refusal
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, false, new String[0], null),
                Arguments.of("HEAD", "/a.html", null, "HTTP/1.1", false, false, false, new String[0], null),
                Arguments.of("POST", "/a.html", null, "HTTP/1.1", false, false, false, new String[0], CacheRules.VERB),
                Arguments.of("get", "/a.html", null, "HTTP/1.1", false, false, false, new String[0], CacheRules.VERB),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", true, false, false, new String[0],
                        CacheRules.AUTHENTICATED),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", true, true, false, new String[0], null),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", true, true, true, new String[0],
                        CacheRules.AUTHENTICATED),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, false, new String[] {"Range", "bytes=0-1"},
                        CacheRules.RANGE),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, false, new String[] {"If-Range", "x"},
                        CacheRules.RANGE),
                Arguments.of("GET", "/docs/", null, "HTTP/1.1", false, false, false, new String[0], CacheRules.DIRECTORY),
                Arguments.of("GET", "/a.html", "x=1", "HTTP/1.1", false, false, false, new String[0], null),
                Arguments.of("GET", "/a.html", "x=1", "HTTP/1.1", false, false, true, new String[0], CacheRules.QUERY),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, true, new String[] {"Content-Length", "3"},
                        CacheRules.REQUEST_BODY),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, true, new String[] {"Content-Length", "0"},
                        null),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, true, new String[] {"Translate", "f"},
                        CacheRules.TRANSLATE),
                Arguments.of("GET", "/a.html", null, "HTTP/1.1", false, false, true,
                        new String[] {"Expect", "100-continue"}, CacheRules.EXPECT),
                Arguments.of("GET", "/a.html", null, "HTTP/2.0", false, false, true, new String[0], CacheRules.PROTOCOL),
                Arguments.of("GET", "/a.html", null, "HTTP/2.0", false, false, false, new String[0], null),
                Arguments.of("GET", "/a.html", null, "HTTP/1.0", false, false, true, new String[0], null));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}?{2} auth={4}/{5} kernelOnly={6} -> {8}")
    @MethodSource("requests")
    void requestRules(String method, String path, String query, String protocol, boolean authenticated,
                      boolean cacheAuthenticated, boolean kernelOnly, String[] headers, String refusal) {
        assertEquals(refusal, CacheRules.request(method, path, query, protocol, authenticated, cacheAuthenticated,
                kernelOnly, headers(headers)));
    }

    static Stream<Arguments> responses() {
        byte[] small = new byte[10];
        byte[] big = new byte[300_000];
        return Stream.of(
                // status, headers, body, maxResponseSize, kernelOnly, own Cache-Control, refusal
                Arguments.of(200, new String[0], small, 262_144L, false, null, null),
                Arguments.of(404, new String[0], small, 262_144L, false, null, CacheRules.STATUS),
                Arguments.of(206, new String[0], small, 262_144L, false, null, CacheRules.STATUS),
                Arguments.of(304, new String[0], small, 262_144L, false, null, CacheRules.STATUS),
                Arguments.of(200, new String[] {"Set-Cookie", "a=b"}, small, 262_144L, false, null,
                        CacheRules.SET_COOKIE),
                Arguments.of(200, new String[0], null, 262_144L, false, null, CacheRules.NOT_CAPTURED),
                Arguments.of(200, new String[0], big, 262_144L, false, null, CacheRules.TOO_LARGE),
                Arguments.of(200, new String[0], big, 1_000_000L, false, null, null),
                Arguments.of(200, new String[0], big, 1_000_000L, true, null, CacheRules.TOO_LARGE),
                Arguments.of(200, new String[0], new byte[0], 262_144L, false, null, null),
                Arguments.of(200, new String[0], new byte[0], 262_144L, true, null, CacheRules.EMPTY),
                Arguments.of(200, new String[] {"Cache-Control", "no-store"}, small, 262_144L, false, "no-cache",
                        CacheRules.NO_STORE),
                Arguments.of(200, new String[] {"Cache-Control", "private"}, small, 262_144L, false, "no-cache",
                        CacheRules.NO_STORE),
                Arguments.of(200, new String[] {"Cache-Control", "private, max-age=30"}, small, 262_144L, false,
                        "private, max-age=30", null),
                Arguments.of(200, new String[] {"Vary", "*"}, small, 262_144L, false, null, CacheRules.VARY_ALL),
                Arguments.of(200, new String[] {"Vary", "Accept"}, small, 262_144L, false, null, null));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {6}")
    @MethodSource("responses")
    void responseRules(int status, String[] headers, byte[] body, long max, boolean kernelOnly, String own,
                       String refusal) {
        assertEquals(refusal, CacheRules.response(status, headers(headers), body, max, kernelOnly, own));
    }
}
