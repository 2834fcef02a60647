package io.stageline.cli;

import static io.stageline.cli.CliFixtures.FIX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stageline.cli.CliFixtures.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {
    @TempDir
    Path dir;
    private CliFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CliFixtures(dir);
    }

    @Test
    void aValidWebApplicationPrintsOneSummaryLineAndExitsZero() {
        fx.write("web/WEB-INF/stageline.yaml", """
                directoryBrowse: { enabled: true }
                handlers:
                  list:
                    - add: Hello
                      path: /hello
                      verb: GET
                      type: %sHelloHandler
                """.formatted(FIX));

        Result r = fx.run("validate", fx.p("web"));

        assertEquals(0, r.exit());
        assertEquals(List.of("web/WEB-INF/stageline.yaml: valid in integrated mode (0 errors, 0 warnings)"),
                r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void everyProblemIsPrintedWithPlaceCodeSeverityAndHintAndTheExitIsOne() {
        fx.write("app.yaml", """
                directoryBrowse:
                  enabled: true
                  showFlags: Date
                pipelineMode: classic
                pipelineMode: integrated
                """);

        Result r = fx.run("validate", fx.p("app.yaml"));

        assertEquals(1, r.exit());
        assertEquals(List.of(
                "app.yaml:3:3 SL-CFG-004 error: unknown key 'showFlags' in 'directoryBrowse'",
                "    hint: known keys: enabled",
                "app.yaml:5:1 SL-CFG-003 error: duplicate key 'pipelineMode'",
                "    hint: first defined at 4:1; keep one",
                "app.yaml: invalid (2 errors, 0 warnings)"), r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void warningsAloneLeaveTheConfigurationValidAndAreMarkedAsWarnings() {
        fx.write("app.yaml", """
                pipelineMode: classic
                modules:
                  list:
                    - add: Timing
                      type: %sTimingModule
                      preCondition: managedhandler
                """.formatted(FIX));

        Result r = fx.run("validate", fx.p("app.yaml"));

        assertEquals(0, r.exit());
        assertEquals(List.of(
                "app.yaml:6:21 SL-CFG-023 warning: precondition 'managedhandler' is spelled 'managedHandler'",
                "    hint: write managedHandler",
                "- SL-CFG-021 warning: classic mode ignores the managed modules in 'modules:' (configure them in "
                        + "legacy.httpModules): Timing",
                "app.yaml: valid in classic mode (0 errors, 2 warnings)"), r.outLines());
    }

    @Test
    void modeOptionValidatesTheOtherMode() {
        fx.write("app.yaml", """
                modules:
                  list:
                    - add: Timing
                      type: %sTimingModule
                """.formatted(FIX));

        Result r = fx.run("validate", "--mode", "classic", fx.p("app.yaml"));

        assertEquals(0, r.exit());
        assertEquals("app.yaml: valid in classic mode (0 errors, 1 warning)", r.outLines().get(1));
    }

    @Test
    void problemsOfTheServerFileAreReportedWithItsName() {
        fx.write("server.yaml", "pipelineMode: hybrid\n");
        fx.write("web/WEB-INF/stageline.yaml", "directoryBrowse: { enabled: true }\n");

        Result r = fx.run("validate", "--server", fx.p("server.yaml"), fx.p("web/WEB-INF/stageline.yaml"));

        assertEquals(1, r.exit());
        assertEquals(List.of("server.yaml:1:15 SL-CFG-007 error: pipelineMode 'hybrid' is not a pipeline mode",
                "    hint: write integrated or classic",
                "web/WEB-INF/stageline.yaml: invalid (1 error, 0 warnings)"), r.outLines());
    }

    @Test
    void aMissingFileIsAnUnreadableConfigurationAndTheExitIsOne() {
        Result r = fx.run("validate", fx.p("nowhere.yaml"));

        assertEquals(1, r.exit());
        assertEquals(List.of("nowhere.yaml SL-CFG-022 error: cannot read the configuration file: NoSuchFileException "
                + "nowhere.yaml", "nowhere.yaml: invalid (1 error, 0 warnings)"), r.outLines());
    }

    @Test
    void aWebApplicationWithoutStagelineYamlIsReportedTheSameWay() {
        fx.write("web/index.html", "hi");

        Result r = fx.run("validate", fx.p("web"));

        assertEquals(1, r.exit());
        assertEquals("web/WEB-INF/stageline.yaml: invalid (1 error, 0 warnings)", r.outLines().get(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            validate                           | stageline: validate needs WEBAPP_OR_YAML (missing WEBAPP_OR_YAML)
            validate a.yaml b.yaml             | stageline: validate takes WEBAPP_OR_YAML, but got an extra argument 'b.yaml'
            validate --strict a.yaml           | stageline: unknown option --strict
            validate --mode hybrid a.yaml      | stageline: --mode must be integrated or classic, not 'hybrid'
            validate a.yaml --server           | stageline: option --server needs a value
            validate --mode classic --mode=classic a.yaml | stageline: option --mode is given twice
            """)
    void usageErrorsPrintOneLineAndTheUsageAndExitTwo(String args, String message) {
        Result r = fx.run(args.split(" "));

        assertEquals(2, r.exit());
        assertEquals(message, r.errLines().get(0));
        assertEquals(StagelineCommand.USAGE, r.err().substring(r.err().indexOf('\n') + 1));
        assertEquals("", r.out());
    }
}
