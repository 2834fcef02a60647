package io.stageline.modules.httplogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stageline.engine.CompiledPipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing W3C tool reads our files: GoAccess ({@code apt-get install goaccess}) with its W3C log format. Skipped
 * only when the {@code goaccess} command is absent (CI machines do not have it; the golden-file test is the CI guard).
 */
class GoAccessCompatibilityTest {
    @TempDir
    Path dir;

    private static boolean goaccessInstalled() {
        try {
            Process p = new ProcessBuilder("goaccess", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void goaccessParsesEveryLineOfAGeneratedLog() throws Exception {
        assumeTrue(goaccessInstalled(), "goaccess is not installed");
        FakeClock clock = new FakeClock("2026-03-14T09:26:53.250Z");
        LoggingFixture f = new LoggingFixture(clock);
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir));
        HttpLoggingGoldenTest.writeGoldenRequests(f, p, clock);
        p.close();
        Path log = dir.resolve("u_ex260314.log");
        Path csv = dir.resolve("report.csv");
        Process run = new ProcessBuilder("goaccess", log.toString(), "--log-format=W3C", "--date-format=%Y-%m-%d",
                "--time-format=%H:%M:%S", "--no-global-config", "-o", csv.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "goaccess did not finish");
        assertEquals(0, run.exitValue(), output);
        List<String> report = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(report.contains("\"1\",,\"general\",,,,,,,,\"5\",\"total_requests\""), String.join("\n", report));
        assertTrue(report.contains("\"2\",,\"general\",,,,,,,,\"5\",\"valid_requests\""), String.join("\n", report));
        assertTrue(report.contains("\"3\",,\"general\",,,,,,,,\"0\",\"failed_requests\""), String.join("\n", report));
        assertTrue(report.stream().anyMatch(l -> l.contains("\"not_found\"") && l.endsWith("\"/data.unknownext?-\"")),
                String.join("\n", report));
    }
}
