package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.PipelineMode;
import io.stageline.samples.starter.StarterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void noArgumentsMeanJettyTheBundledSampleAtTheRootOnPort8080Integrated() throws UsageException {
        LaunchOptions o = LaunchOptions.parse();
        assertEquals(new LaunchOptions(Container.JETTY, null, null, "", 8080, null, "", false), o);
    }

    @Test
    void everyOptionIsReadInBothSpellings() throws Exception {
        Path webapp = webapp("app");
        Path config = Files.writeString(tmp.resolve("server.yaml"), "");
        LaunchOptions o = LaunchOptions.parse("--container", "tomcat", "--webapp=" + webapp, "--context-path", "/shop/v2",
                "--port=0", "--server-config", config.toString(), "--mode=classic");
        assertEquals(new LaunchOptions(Container.TOMCAT, webapp, null, "/shop/v2", 0, config, "classic", false), o);
    }

    @Test
    void sampleNamesABundledSample() throws UsageException {
        assertEquals(new LaunchOptions(Container.JETTY, null, Sample.FORMS_ALL, "", 8080, null, "", false),
                LaunchOptions.parse("--sample", "forms-all"));
        for (Sample s : Sample.values()) {
            assertEquals(s, LaunchOptions.parse("--sample=" + s.id()).sample());
            assertTrue(LaunchOptions.USAGE.contains("\n    " + s.id() + " "), LaunchOptions.USAGE);
        }
    }

    @Test
    void helpIsAFlag() throws UsageException {
        assertTrue(LaunchOptions.parse("--help").help());
        assertTrue(LaunchOptions.parse("--port", "0", "-h").help());
        assertFalse(LaunchOptions.parse("--port", "0").help());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus              | unknown option '--bogus' (see --help)",
        "-x                   | unknown option '-x' (see --help)",
        "extra                | unexpected argument 'extra' (see --help)",
        "--port               | option --port needs a value (see --help)",
        "--port 8080 --port 1 | option --port is given twice",
        "--port http          | bad port 'http': expected 0..65535 (0 = any free port)",
        "--port -1            | bad port '-1': expected 0..65535 (0 = any free port)",
        "--port 65536         | bad port '65536': expected 0..65535 (0 = any free port)",
        "--container undertow | unknown container 'undertow': expected jetty or tomcat",
        "--container Jetty    | unknown container 'Jetty': expected jetty or tomcat",
        "--mode mixed         | unknown mode 'mixed': expected integrated or classic",
        "--context-path app   | bad context path 'app': expected / or /name[/name...]",
        "--context-path /app/ | bad context path '/app/': expected / or /name[/name...]",
        "--context-path /a/.. | bad context path '/a/..': expected / or /name[/name...]",
        "--context-path //a   | bad context path '//a': expected / or /name[/name...]",
        "--server-config /nonexistent/server.yaml | server configuration '/nonexistent/server.yaml' is not a readable file",
        "--webapp /nonexistent/webapp | web application directory '/nonexistent/webapp' does not exist",
        "--sample nope | unknown sample 'nope': expected one of forms, forms-all, classic, type-in-classic, legacy-modules",
        "--sample forms --webapp /tmp | options --webapp and --sample exclude each other",
    })
    void badArgumentsAreOneLineUsageErrors(String args, String message) {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse(args.split(" ")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aDirectoryWithoutWebInfIsNotAWebApp() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse("--webapp", dir.toString()));
        assertEquals("'" + dir + "' is not a web application: it has no WEB-INF folder", e.getMessage());
    }

    @Test
    void controlCharactersInAValueAreEscapedSoTheErrorStaysOneLine() {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse("--mode", "a\nb"));
        assertEquals("unknown mode 'a\\u000ab': expected integrated or classic", e.getMessage());
    }

    @Test
    void starterSettingsCrossTheClassLoaderBoundaryIntact() throws Exception {
        Path webapp = webapp("app");
        LaunchOptions o = LaunchOptions.parse("--webapp", webapp.toString(), "--context-path", "/app", "--port", "0",
                "--mode", "classic");
        StarterSettings s = StarterSettings.from(o.starterSettings(webapp, tmp));
        assertEquals(new StarterSettings(webapp, "/app", 0, PipelineMode.CLASSIC, null, tmp), s);
        assertNull(StarterSettings.from(LaunchOptions.parse("--webapp", webapp.toString()).starterSettings(webapp, tmp))
                .mode(), "without --mode the configuration decides");
        assertNull(LaunchOptions.parse().webapp());
    }

    private Path webapp(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("WEB-INF"));
        return dir;
    }
}
