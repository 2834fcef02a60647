package io.stageline.servlet;

import io.stageline.servlet.RawHttp.Request;
import io.stageline.servlet.RawHttp.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The crafted requests of the hostile-URL suite, generated as targets × mutations: every mutation is applied to each
 * protected target ({@code /admin/secret.html}, {@code /admin/report}, {@code /admin/x.do}) and sent without valid
 * admin credentials. The credentials are a parameter ({@link Credentials}): the embedded suite uses the test
 * authorization module's header ({@link Credentials#TEST_MODULE}); the standalone suite in integration-tests uses Basic
 * credentials checked by the real modules. Public so that integration-tests can reuse it from the test jar.
 */
public final class HostileRequests {

    /** A protected resource: {@code /<dir>/<rest>}. */
    public record Target(String dir, String rest) {
        public String path() {
            return "/" + dir + "/" + rest;
        }
    }

    /** How one crafted request is sent; returns the response to judge. */
    @FunctionalInterface
    public interface Attempt {
        Response perform(URI base) throws IOException;
    }

    /**
     * One crafted request. {@code otherResource}: the mutation names a different, public resource (a decoded
     * {@code ?} or fullwidth slash in a segment, an override header on a public URL), so a 2xx without a marker is
     * a correct answer; every other probe must end in a 4xx.
     */
    public record Probe(String name, Attempt attempt, boolean otherResource) {
    }

    private record Mutation(String name, Function<Target, Attempt> make, boolean otherResource) {
    }

    /** A header line that must not open the admin area, and the name its probe carries. */
    public record Forged(String name, String header) {
    }

    /**
     * How the application under test recognises the admin: {@code authorized} is the header line of a valid admin
     * request (sent first on the keep-alive probes, whose second request must then be refused), {@code forged} the
     * header lines that look like credentials but are not an admin's (each one probe per target).
     */
    public record Credentials(String authorized, List<Forged> forged) {
        /** {@link AdminOnlyModule}'s header: {@code admin} opens the area, anything else does not. */
        public static final Credentials TEST_MODULE = new Credentials(AdminOnlyModule.USER_HEADER + ": admin", List.of(
                new Forged("wrong user", AdminOnlyModule.USER_HEADER + ": guest"),
                new Forged("user in upper case", AdminOnlyModule.USER_HEADER + ": ADMIN"),
                new Forged("user with a suffix", AdminOnlyModule.USER_HEADER + ": admin2"),
                new Forged("empty user", AdminOnlyModule.USER_HEADER + ":")));
    }

    public static final List<Target> TARGETS = List.of(new Target("admin", "secret.html"),
            new Target("admin", "report"), new Target("admin", "x.do"));

    private HostileRequests() {
    }

    /** Every mutation applied to every target, for {@link Credentials#TEST_MODULE}. */
    public static List<Probe> all() {
        return all(Credentials.TEST_MODULE);
    }

    /** Every mutation applied to every target, for an application that recognises its admin by {@code c}. */
    public static List<Probe> all(Credentials c) {
        List<Mutation> mutations = mutations(c);
        List<Probe> out = new ArrayList<>();
        for (Target t : TARGETS) {
            for (Mutation m : mutations) {
                out.add(new Probe(t.path() + " | " + m.name(), m.make().apply(t), m.otherResource()));
            }
        }
        return out;
    }

    /** The number of mutations (the suite reports targets × mutations). */
    public static int mutationCount() {
        return mutationCount(Credentials.TEST_MODULE);
    }

    /** The number of mutations for {@code c}. */
    public static int mutationCount(Credentials c) {
        return mutations(c).size();
    }

    private static List<Mutation> mutations(Credentials c) {
        List<Mutation> m = new ArrayList<>();
        pathParameters(m);
        dotSegments(m);
        separators(m);
        caseAndAliases(m);
        controlAndEncoding(m);
        absoluteForm(m);
        verbs(m);
        overrideHeaders(m);
        for (Forged f : c.forged()) {
            m.add(new Mutation(f.name(), t -> send("GET", t.path(), f.header()), false));
        }
        protocolAndConnections(m, c.authorized());
        return m;
    }

    private static void pathParameters(List<Mutation> m) {
        m.add(get("parameter on the directory", t -> "/" + t.dir() + ";x=y/" + t.rest()));
        m.add(get("parameter at the end", t -> t.path() + ";x=y"));
        m.add(get("empty parameter on the directory", t -> "/" + t.dir() + ";/" + t.rest()));
        m.add(get("session id on the directory", t -> "/" + t.dir() + ";jsessionid=ABC/" + t.rest()));
        m.add(get("parameter as a leading segment", t -> "/;x=y" + t.path()));
        m.add(get("..;/ from a sibling", t -> "/x/..;" + t.path()));
        m.add(get("..;/ from inside", t -> "/" + t.dir() + "/..;" + t.path()));
        m.add(get("..;x=y/ from a sibling", t -> "/x/..;x=y" + t.path()));
        m.add(get("encoded ; in the directory", t -> "/" + t.dir() + "%3bx=y/" + t.rest()));
        m.add(get("encoded ; after ..", t -> "/x/..%3B" + t.path()));
    }

    private static void dotSegments(List<Mutation> m) {
        m.add(get("../ from a sibling", t -> "/x/.." + t.path()));
        m.add(get("./ leading", t -> "/." + t.path()));
        m.add(get("./ inside", t -> "/" + t.dir() + "/./" + t.rest()));
        m.add(get("../ back into itself", t -> "/" + t.dir() + "/../" + t.dir() + "/" + t.rest()));
        m.add(get("%2e%2e", t -> "/x/%2e%2e" + t.path()));
        m.add(get("%2E%2E", t -> "/x/%2E%2E" + t.path()));
        m.add(get(".%2e", t -> "/x/.%2e" + t.path()));
        m.add(get("%2e leading", t -> "/%2e" + t.path()));
        m.add(get("%252e%252e double-encoded", t -> "/x/%252e%252e" + t.path()));
        m.add(get("%252e double-encoded", t -> "/%252e" + t.path()));
        m.add(get("..%2f", t -> "/x/..%2f" + t.dir() + "/" + t.rest()));
        m.add(get("%2e%2e%2f", t -> "/x/%2e%2e%2f" + t.dir() + "/" + t.rest()));
        m.add(get("overlong %c0%ae", t -> "/x/%c0%ae%c0%ae" + t.path()));
        m.add(get("overlong %e0%80%ae", t -> "/x/%e0%80%ae%e0%80%ae" + t.path()));
        m.add(get("overlong slash %c0%af", t -> "/x/..%c0%af" + t.dir() + "/" + t.rest()));
        m.add(get("backslash ..\\", t -> "/x\\..\\" + t.dir() + "\\" + t.rest()));
        m.add(get("encoded backslash ..%5c", t -> "/x%5c..%5c" + t.dir() + "/" + t.rest()));
        m.add(get("trailing /.", t -> t.path() + "/."));
        m.add(get("trailing /..", t -> t.path() + "/.."));
    }

    private static void separators(List<Mutation> m) {
        m.add(get("%2f", t -> "/" + t.dir() + "%2f" + t.rest()));
        m.add(get("%2F", t -> "/" + t.dir() + "%2F" + t.rest()));
        m.add(get("%252f double-encoded", t -> "/" + t.dir() + "%252f" + t.rest()));
        m.add(get("%5c", t -> "/" + t.dir() + "%5c" + t.rest()));
        m.add(get("%255c double-encoded", t -> "/" + t.dir() + "%255c" + t.rest()));
        m.add(get("raw backslash", t -> "/" + t.dir() + "\\" + t.rest()));
        m.add(get("// leading", t -> "/" + t.path()));
        m.add(get("// inside", t -> "/" + t.dir() + "//" + t.rest()));
        m.add(get("/// everywhere", t -> "//" + t.dir() + "///" + t.rest()));
        m.add(get("trailing /", t -> t.path() + "/"));
        m.add(new Mutation("fullwidth slash %ef%bc%8f", t -> send("GET", "/" + t.dir() + "%ef%bc%8f" + t.rest()), true));
        m.add(new Mutation("encoded ? in the directory", t -> send("GET", "/" + t.dir() + "%3f/" + t.rest()), true));
    }

    private static void caseAndAliases(List<Mutation> m) {
        m.add(get("upper-case directory", t -> "/" + t.dir().toUpperCase(Locale.ROOT) + "/" + t.rest()));
        m.add(get("mixed-case directory", t -> "/aDmIn/" + t.rest()));
        m.add(get("upper-case everything", t -> t.path().toUpperCase(Locale.ROOT)));
        m.add(get("encoded letter %61", t -> "/%61" + t.dir().substring(1) + "/" + t.rest()));
        m.add(get("encoded upper-case letters", t -> "/%41DMIN/" + t.rest()));
        m.add(get("trailing dot on the directory", t -> "/" + t.dir() + "./" + t.rest()));
        m.add(get("trailing dots on the directory", t -> "/" + t.dir() + "../" + t.rest()));
        m.add(get("trailing %2e on the directory", t -> "/" + t.dir() + "%2e/" + t.rest()));
        m.add(get("trailing space on the directory", t -> "/" + t.dir() + "%20/" + t.rest()));
        m.add(get("trailing dot-space on the directory", t -> "/" + t.dir() + ".%20/" + t.rest()));
        m.add(get("trailing dot on the file", t -> t.path() + "."));
        m.add(get("trailing space on the file", t -> t.path() + "%20"));
        m.add(get("NTFS stream ::$DATA", t -> t.path() + "::$DATA"));
        m.add(new Mutation("8.3 short name (another name on Linux)", t -> send("GET", "/ADMIN~1/" + t.rest()), true));
    }

    private static void controlAndEncoding(List<Mutation> m) {
        m.add(get("NUL in the directory", t -> "/" + t.dir() + "%00/" + t.rest()));
        m.add(get("NUL at the end", t -> t.path() + "%00"));
        m.add(get("NUL before an extension", t -> t.path() + "%00.html"));
        m.add(get("tab in the directory", t -> "/" + t.dir() + "%09/" + t.rest()));
        m.add(get("newline in the directory", t -> "/" + t.dir() + "%0a/" + t.rest()));
        m.add(get("DEL in the directory", t -> "/" + t.dir() + "%7f/" + t.rest()));
        m.add(get("invalid escape", t -> "/" + t.dir() + "%zz/" + t.rest()));
        m.add(get("truncated escape", t -> t.path() + "%2"));
        m.add(get("latin-1 byte", t -> "/" + t.dir() + "%e9/" + t.rest()));
        m.add(get("fragment", t -> t.path() + "#frag"));
        m.add(get("plus sign", t -> "/" + t.dir() + "+/" + t.rest()));
    }

    private static void absoluteForm(List<Mutation> m) {
        m.add(get("absolute-form", t -> "http://localhost" + t.path()));
        m.add(get("absolute-form, other host", t -> "http://evil.example" + t.path()));
        m.add(get("absolute-form with ../", t -> "http://localhost/x/.." + t.path()));
        m.add(get("absolute-form with ..;/", t -> "http://localhost/x/..;" + t.path()));
    }

    private static void verbs(List<Mutation> m) {
        for (String verb : List.of("HEAD", "get", "Get", "PUT", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO")) {
            m.add(new Mutation("verb " + verb, t -> send(verb, t.path()), false));
        }
        m.add(new Mutation("POST with a body", t -> base -> RawHttp.send(base,
                new Request("POST", t.path(), List.of("Content-Type: text/plain"), "x")), false));
        m.add(new Mutation("X-HTTP-Method-Override", t -> send("POST", t.path(), "X-HTTP-Method-Override: GET"), false));
        m.add(new Mutation("X-HTTP-Method", t -> send("POST", t.path(), "X-HTTP-Method: GET"), false));
        m.add(new Mutation("X-Method-Override on an unknown verb", t -> send("FOO", t.path(), "X-Method-Override: GET"),
                false));
    }

    private static void overrideHeaders(List<Mutation> m) {
        m.add(new Mutation("X-Original-URL pointing away", t -> send("GET", t.path(), "X-Original-URL: /hello.html"),
                false));
        m.add(new Mutation("X-Rewrite-URL pointing away", t -> send("GET", t.path(), "X-Rewrite-URL: /hello.html"),
                false));
        m.add(new Mutation("X-Original-URL from a public page", t -> send("GET", "/hello.html",
                "X-Original-URL: " + t.path()), true));
        m.add(new Mutation("X-Rewrite-URL from a public page", t -> send("GET", "/hello.html",
                "X-Rewrite-URL: " + t.path()), true));
        m.add(new Mutation("X-Forwarded-Prefix", t -> send("GET", t.path(), "X-Forwarded-Prefix: /public"), false));
        m.add(new Mutation("X-Forwarded-For loopback", t -> send("GET", t.path(), "X-Forwarded-For: 127.0.0.1"), false));
    }

    private static void protocolAndConnections(List<Mutation> m, String authorized) {
        m.add(new Mutation("HTTP/1.0 without Host", t -> base -> RawHttp.sendRaw(base,
                "GET " + t.path() + " HTTP/1.0\r\n\r\n"), false));
        m.add(new Mutation("two spaces in the request line", t -> base -> RawHttp.sendRaw(base,
                "GET  " + t.path() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), false));
        m.add(new Mutation("duplicate Host", t -> send("GET", t.path(), "Host: localhost", "Host: evil.example"), false));
        m.add(new Mutation("keep-alive: authorized, then unauthorized", t -> keepAlive(
                new Request("GET", t.path(), authorized), new Request("GET", t.path()), false), false));
        m.add(new Mutation("pipelined: authorized, then unauthorized", t -> keepAlive(
                new Request("GET", t.path(), authorized), new Request("GET", t.path()), true), false));
        m.add(new Mutation("keep-alive: authorized HEAD, then unauthorized GET", t -> keepAlive(
                new Request("HEAD", t.path(), authorized), new Request("GET", t.path()), false), false));
        m.add(new Mutation("keep-alive: authorized elsewhere, then unauthorized", t -> keepAlive(
                new Request("GET", "/admin/report", authorized), new Request("GET", t.path()), false), false));
    }

    private static Mutation get(String name, Function<Target, String> target) {
        return new Mutation(name, t -> send("GET", target.apply(t)), false);
    }

    private static Attempt send(String method, String target, String... headers) {
        return base -> RawHttp.send(base, new Request(method, target, headers));
    }

    /** Sends both on one connection; returns the second response, after checking the first was served. */
    private static Attempt keepAlive(Request authorized, Request hostile, boolean pipelined) {
        return base -> {
            List<Response> r = RawHttp.exchange(base, List.of(authorized, hostile), pipelined);
            if (r.get(0).status() != 200) {
                throw new AssertionError("the authorized request before the hostile one failed: " + r.get(0).status());
            }
            return r.get(1);
        };
    }
}
