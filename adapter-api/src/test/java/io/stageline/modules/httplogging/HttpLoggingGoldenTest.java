package io.stageline.modules.httplogging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stageline.engine.CompiledPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI guard for the W3C format: a fixed set of requests on a fixed clock must produce exactly the committed file
 * {@code golden-u_ex260314.log}, byte for byte (CRLF line ends, UTC, {@code -} and {@code +}, substatus, time-taken).
 */
class HttpLoggingGoldenTest {
    static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @TempDir
    Path dir;

    @Test
    void aSetOfRequestsProducesTheGoldenFileByteForByte() throws IOException {
        FakeClock clock = new FakeClock("2026-03-14T09:26:53.250Z");
        LoggingFixture f = new LoggingFixture(clock);
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir));
        writeGoldenRequests(f, p, clock);
        p.close();
        byte[] actual = Files.readAllBytes(dir.resolve("u_ex260314.log"));
        byte[] expected;
        try (InputStream in = getClass().getResourceAsStream("golden-u_ex260314.log")) {
            expected = in.readAllBytes();
        }
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
        assertEquals(expected.length, actual.length);
    }

    /** The requests of the golden file (also used by the GoAccess check). */
    static void writeGoldenRequests(LoggingFixture f, CompiledPipeline p, FakeClock clock) {
        // a static file, anonymous, a user agent with spaces and a referer
        f.run(p, "GET", "/hello.html", null, 3, "User-Agent", UA, "Referer", "http://example.com/start page");
        clock.millis += 1_500;
        // a legacy servlet, an authenticated user, a query string
        f.run(p, "GET", "/legacy/report", "year=2026&q=two+words", 42, "User-Agent", "curl/8.5.0",
                "X-Test-User", "alice");
        clock.millis += 2_000;
        // an error with a substatus: the extension is not in the MIME map (404.3)
        f.run(p, "GET", "/data.unknownext", null, 1, "User-Agent", "curl/8.5.0");
        clock.millis += 250;
        // nothing there (404.0), a POST, a user name with a space
        f.run(p, "POST", "/missing.html", null, 0, "X-Test-User", "Bob Smith");
        clock.millis += 61_000;
        // a type handler
        f.run(p, "GET", "/hello-handler", "", 7);
    }
}
