package io.stageline.modules.httplogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpLoggingModuleTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock("2026-03-14T12:00:00Z");
    private final LoggingFixture f = new LoggingFixture(clock);

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> records(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void aLineAfterMidnightGoesToTheNextDaysFileWithItsOwnHeader() throws IOException {
        clock.set("2026-03-14T23:59:59.500Z");
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir));
        f.run(p, "GET", "/hello.html", null, 1);
        clock.set("2026-03-15T00:00:00.200Z");
        f.run(p, "GET", "/hello.html", null, 1);
        p.close();
        List<String> first = lines("u_ex260314.log");
        List<String> second = lines("u_ex260315.log");
        assertEquals(List.of("2026-03-14 23:59:59"), records(first).stream().map(l -> l.substring(0, 19)).toList());
        assertEquals(List.of("2026-03-15 00:00:00"), records(second).stream().map(l -> l.substring(0, 19)).toList());
        assertEquals(List.of("#Software: Stageline test", "#Version: 1.0", "#Date: 2026-03-15 00:00:00"),
                second.subList(0, 3));
        assertTrue(second.get(3).startsWith("#Fields: date time "));
    }

    @Test
    void localTimeRolloverNamesFilesByTheLocalDayButKeepsUtcTimesInside() throws IOException {
        clock.zone = ZoneId.of("Asia/Tokyo");
        clock.set("2026-03-14T15:30:00Z");
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir, "localTimeRollover", true));
        f.run(p, "GET", "/hello.html", null, 1);
        p.close();
        assertTrue(records(lines("u_ex260315.log")).get(0).startsWith("2026-03-14 15:30:00 "));
    }

    @Test
    void selectiveLoggingKeepsOnlySuccessesOrOnlyErrors() throws IOException {
        for (String mode : List.of("LogSuccessful", "LogError", "LogAll")) {
            Path sub = dir.resolve(mode);
            CompiledPipeline p = f.pipeline(LoggingFixture.settings(sub, "selectiveLogging", mode));
            f.run(p, "GET", "/hello.html", null, 1);
            f.run(p, "GET", "/missing.html", null, 1);
            p.close();
            List<String> statuses = records(Files.readAllLines(sub.resolve("u_ex260314.log"))).stream()
                    .map(l -> l.split(" ")[11]).toList();
            List<String> expected = switch (mode) {
                case "LogSuccessful" -> List.of("200");
                case "LogError" -> List.of("404");
                default -> List.of("200", "404");
            };
            assertEquals(expected, statuses, mode);
        }
    }

    @Test
    void dontLogAtALocationSkipsOnlyThatLocation() throws IOException {
        CompiledPipeline p = f.builder(LoggingFixture.settings(dir))
                .location("/legacy", null, Map.of(HttpLoggingModule.NAME,
                        ModuleSettings.of(LoggingFixture.settings(dir, "dontLog", true))))
                .build();
        f.run(p, "GET", "/legacy/report", null, 1);
        f.run(p, "GET", "/hello.html", null, 1);
        p.close();
        List<String> recs = records(lines("u_ex260314.log"));
        assertEquals(1, recs.size(), recs.toString());
        assertTrue(recs.get(0).contains(" /hello.html "));
    }

    @Test
    void childRequestsAreNotLoggedTheirParentIs() throws IOException {
        f.app.file("/docs/index.html");
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir));
        f.run(p, "GET", "/docs/", null, 1);
        p.close();
        List<String> recs = records(lines("u_ex260314.log"));
        assertEquals(1, recs.size(), recs.toString());
        assertTrue(recs.get(0).contains(" /docs/ "));
    }

    @Test
    void fieldsFollowTheCanonicalOrderWhateverOrderTheSettingGives() throws IOException {
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir, "logExtFileFlags",
                "TimeTaken, BytesSent, Host, ProtocolVersion, Cookie, HttpStatus, Method, UriStem, SiteName"));
        f.run(p, "GET", "/hello.html", null, 12, "Host", "example.com", "Cookie", "a=1; b=2");
        p.close();
        List<String> l = lines("u_ex260314.log");
        assertEquals("#Fields: s-sitename cs-method cs-uri-stem cs-version cs(Cookie) cs-host sc-status sc-bytes time-taken",
                l.get(3));
        assertEquals("/ GET /hello.html HTTP/1.1 a=1;+b=2 example.com 200 18 12", l.get(4));
    }

    @Test
    void fieldsMayBeGivenAsW3cTokens() throws IOException {
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir, "fields", "sc-status date cs-method"));
        f.run(p, "GET", "/hello.html", null, 1);
        p.close();
        assertEquals("#Fields: date cs-method sc-status", lines("u_ex260314.log").get(3));
    }

    @Test
    void aNewPipelineWithOtherFieldsReEmitsTheHeaderInTheSameFile() throws IOException {
        CompiledPipeline first = f.pipeline(LoggingFixture.settings(dir));
        CompiledPipeline second = f.pipeline(LoggingFixture.settings(dir, "fields", "date time cs-method"));
        f.run(first, "GET", "/hello.html", null, 1);
        f.run(second, "GET", "/hello.html", null, 1);
        first.close();
        second.close();
        List<String> fields = lines("u_ex260314.log").stream().filter(l -> l.startsWith("#Fields:")).toList();
        assertEquals(2, fields.size(), fields.toString());
        assertEquals("#Fields: date time cs-method", fields.get(1));
    }

    @Test
    void closingThePipelineWritesEveryQueuedLine() throws IOException {
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir));
        int n = 3_000;
        for (int i = 0; i < n; i++) {
            f.run(p, "GET", "/hello.html", "i=" + i, 1);
        }
        p.close();
        List<String> recs = records(lines("u_ex260314.log"));
        assertEquals(n, recs.size());
        assertTrue(recs.get(n - 1).contains(" i=" + (n - 1) + " "));
    }

    @Test
    void aFullQueueDropsLinesWithoutBlockingAndTheLogSaysHowMany() throws Exception {
        LogWriter w = new LogWriter(dir, 2);
        long t = clock.millis;
        for (int i = 0; i < 5; i++) {
            w.offer(new LogWriter.Entry("u_ex260314.log", "Stageline test", "date", t, "line" + i, null));
        }
        assertEquals(3, w.droppedLines());
        w.start();
        assertTrue(w.flush(5_000));
        w.offer(new LogWriter.Entry("u_ex260314.log", "Stageline test", "date", t, "after", null));
        w.close(5_000);
        List<String> l = lines("u_ex260314.log");
        assertEquals(List.of("line0", "line1", "after"), records(l));
        assertTrue(l.contains("#Remark: Stageline dropped 3 log lines: the log queue was full"), l.toString());
    }

    @Test
    void dontLogAndDisabledWriteNothing() {
        CompiledPipeline p = f.pipeline(LoggingFixture.settings(dir, "dontLog", true));
        f.run(p, "GET", "/hello.html", null, 1);
        p.close();
        CompiledPipeline off = f.pipeline(LoggingFixture.settings(dir, "enabled", false));
        f.run(off, "GET", "/hello.html", null, 1);
        off.close();
        assertFalse(Files.exists(dir.resolve("u_ex260314.log")));
    }

    @Test
    void badSettingsFailTheBuildNamingTheModuleAndTheSetting() {
        for (Object[] bad : new Object[][] {
            {"period", "Hourly", "setting 'period' is 'Hourly'; Stageline supports only Daily"},
            {"selectiveLogging", "Some", "setting 'selectiveLogging' is 'Some', expected LogAll, LogSuccessful or LogError"},
            {"logExtFileFlags", "Date, Colour", "setting 'logExtFileFlags': unknown field 'Colour'"},
            {"logFormat", "NCSA", "setting 'logFormat' is 'NCSA'; Stageline supports only W3C"},
            {"rotate", "yes", "unknown setting rotate for module HttpLogging"},
        }) {
            PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                    () -> f.pipeline(LoggingFixture.settings(dir, bad[0], bad[1])));
            assertTrue(e.getMessage().contains("module 'HttpLogging'") && e.getMessage().contains((String) bad[2]),
                    e.getMessage());
        }
    }
}
