package io.stageline.cli;

import static io.stageline.cli.CliFixtures.FIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.cli.CliFixtures.Result;
import io.stageline.config.CompiledConfiguration;
import io.stageline.config.ConfigLoader;
import io.stageline.config.ConfigProblem;
import io.stageline.config.LoadedConfiguration;
import io.stageline.engine.CompiledPipeline;
import io.stageline.match.HandlerTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
    private static final String APP = "web/WEB-INF/stageline.yaml";
    private static final String SUMMARY = "stageline: copied 2 legacy.httpModules entries to modules.list (preCondition: "
            + "managedHandler) and 1 legacy.httpHandlers entry to handlers.list (preCondition: integratedMode), set "
            + "validation.validateIntegratedModeConfiguration: false, kept the legacy sections; " + APP + " written";

    @TempDir
    Path dir;
    private CliFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CliFixtures(dir);
    }

    private static String resource(String name) {
        try (InputStream in = MigrateCommandTest.class.getResourceAsStream("migrate/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void legacyEntriesAreCopiedWithTheirPreconditionsAndTheChangeIsPrintedAsAUnifiedDiff() {
        fx.write(APP, resource("legacy-app.yaml"));

        Result r = fx.run("migrate", fx.p("web"));

        assertEquals(0, r.exit(), r.err());
        assertEquals(resource("legacy-app.diff"), r.out());
        assertEquals(SUMMARY, r.err().strip());
        assertEquals(resource("legacy-app.migrated.yaml"), fx.read(APP));
    }

    @Test
    void aSecondRunChangesNothing() {
        fx.write(APP, resource("legacy-app.yaml"));
        fx.run("migrate", fx.p("web"));

        Result again = fx.run("migrate", fx.p("web"));

        assertEquals(0, again.exit());
        assertEquals("", again.out());
        assertEquals("stageline: " + APP + " is already migrated; nothing to change", again.err().strip());
        assertEquals(resource("legacy-app.migrated.yaml"), fx.read(APP));
    }

    @Test
    void theMigratedConfigurationRunsInIntegratedModeWithout500xxAndClassicModeStillUsesTheLegacySections() {
        Path app = fx.write(APP, resource("legacy-app.yaml"));
        ConfigLoader loader = new ConfigLoader();
        try (CompiledPipeline before = compile(loader, app, PipelineMode.INTEGRATED).pipeline()) {
            assertEquals(22, before.legacyConfigurationSubStatus());
        }

        fx.run("migrate", fx.p("web"));

        try (CompiledPipeline integrated = compile(loader, app, PipelineMode.INTEGRATED).pipeline()) {
            assertEquals(0, integrated.legacyConfigurationSubStatus());
            assertTrue(integrated.module("Audit").managedHandlerOnly());
            // the default authorization rules allow everyone: neither authorization module subscribes
            assertEquals(List.of("Audit"), integrated.modulesFor(PipelineStage.AUTHORIZE_REQUEST, true));
            assertEquals(List.of(), integrated.modulesFor(PipelineStage.AUTHORIZE_REQUEST, false));
            HandlerTable table = integrated.handlers();
            int report = table.select("/sales/q1.rpt", "GET", false, false);
            assertEquals("Report", table.mapping(report).name());
            assertEquals(FIX + "ReportHandler", table.mapping(report).typeName());
        }
        CompiledConfiguration classic = compile(loader, app, PipelineMode.CLASSIC);
        try (CompiledPipeline p = classic.pipeline()) {
            assertEquals(List.of("Audit"), p.nestedModulesFor(PipelineStage.BEGIN_REQUEST));
            assertEquals(1, p.legacyHandlers().size());
            assertEquals("Report", p.legacyHandlers().mapping(0).name());
            assertFalse(names(p.handlers()).contains("Report"), names(p.handlers()).toString());
            assertEquals(List.of("classic mode ignores the managed modules in 'modules:' (configure them in "
                    + "legacy.httpModules): Audit"), classic.warnings().stream().map(ConfigProblem::message).toList());
        }
    }

    private static CompiledConfiguration compile(ConfigLoader loader, Path app, PipelineMode mode) {
        LoadedConfiguration loaded = loader.load(null, app, MigrateCommandTest.class.getClassLoader());
        return loader.compile(loaded, mode);
    }

    private static List<String> names(HandlerTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.mapping(i).name());
        }
        return out;
    }

    @Test
    void theMigratedApplicationIsExplainedAsHandledInIntegratedMode() {
        fx.write(APP, resource("legacy-app.yaml"));
        fx.run("migrate", fx.p("web"));

        Result r = fx.run("explain", "--mode", "integrated", fx.p("web"), "GET", "/sales/q1.rpt");

        assertTrue(r.outLines().contains("result: handled by Report in EXECUTE_REQUEST_HANDLER"), r.out());
    }

    @Test
    void entriesAlreadyPresentAreNotCopiedAgainAndExistingListsAndSectionsAreExtendedInPlace() {
        fx.write(APP, """
                modules:
                  list:   # by hand
                    - add: Audit
                      type: %1$sAuditModule
                      preCondition: managedHandler
                handlers:
                  accessPolicy: Read, Script
                validation:
                  validateIntegratedModeConfiguration: true
                legacy:
                  httpModules:
                    - add: Audit
                      type: %1$sAuditModule
                  httpHandlers:
                    - add: Report
                      path: "*.rpt"
                      verb: "*"
                      type: %1$sReportHandler
                """.formatted(FIX));

        Result r = fx.run("migrate", fx.p("web"));

        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                modules:
                  list:   # by hand
                    - add: Audit
                      type: %1$sAuditModule
                      preCondition: managedHandler
                handlers:
                  accessPolicy: Read, Script
                  list:
                    # copied from legacy.httpHandlers by stageline migrate; keep both lists in step
                    - add: Report
                      path: "*.rpt"
                      verb: "*"
                      type: %1$sReportHandler
                      preCondition: integratedMode
                validation:
                  validateIntegratedModeConfiguration: false
                legacy:
                  httpModules:
                    - add: Audit
                      type: %1$sAuditModule
                  httpHandlers:
                    - add: Report
                      path: "*.rpt"
                      verb: "*"
                      type: %1$sReportHandler
                """.formatted(FIX), fx.read(APP));
        assertTrue(r.err().startsWith("stageline: copied 0 legacy.httpModules entries to modules.list"), r.err());
    }

    @Test
    void anEmptyFlowListBecomesABlockAndItsCommentIsKept() {
        fx.write(APP, """
                modules:
                  list: []   # none yet
                validation: {}
                legacy:
                  httpModules: [ { add: Audit, type: "%sAuditModule" } ]
                """.formatted(FIX));

        Result r = fx.run("migrate", fx.p("web"));

        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                modules:
                  list:   # none yet
                    # copied from legacy.httpModules by stageline migrate; keep both lists in step
                    - add: Audit
                      type: "%1$sAuditModule"
                      preCondition: managedHandler
                validation: { validateIntegratedModeConfiguration: false }
                legacy:
                  httpModules: [ { add: Audit, type: "%1$sAuditModule" } ]
                """.formatted(FIX), fx.read(APP));
    }

    @Test
    void aNonEmptyFlowStyleListIsRefusedAndTheFileIsLeftAsItWas() {
        String yaml = """
                modules:
                  list: [ { remove: DirectoryListing } ]
                legacy:
                  httpModules:
                    - add: Audit
                      type: %sAuditModule
                """.formatted(FIX);
        fx.write(APP, yaml);

        Result r = fx.run("migrate", fx.p("web"));

        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("stageline: " + APP + ":2:9: 'modules.list' is written in flow style ([...] or {...}); write it as a "
                + "block (one entry per line) and run migrate again", r.err().strip());
        assertEquals(yaml, fx.read(APP));
    }

    @Test
    void aMigrationThatWouldNotLoadIsRefusedWithTheProblemsItWouldCause() {
        fx.write("server.yaml", """
                modules:
                  list:
                    - add: Audit
                      type: %sAuditModule
                """.formatted(FIX));
        String yaml = """
                legacy:
                  httpModules:
                    - add: Audit
                      type: %sAuditModule
                """.formatted(FIX);
        fx.write(APP, yaml);

        Result r = fx.run("migrate", "--server", fx.p("server.yaml"), fx.p("web"));

        assertEquals(1, r.exit());
        assertEquals(List.of("web/WEB-INF/stageline.yaml:7:7 SL-CFG-013 error: cannot add duplicate module 'Audit': it is "
                        + "already in the list (added at server.yaml:3:7)",
                "    hint: remove it first ('- remove: Audit', then '- add: Audit')",
                "stageline: the migrated configuration would not load (the positions are those of the migrated text); "
                        + APP + " is unchanged"), r.errLines());
        assertEquals(yaml, fx.read(APP));
    }

    @Test
    void aFileWithoutLegacySectionsIsLeftAlone() {
        fx.write("app.yaml", "directoryBrowse: { enabled: true }\n");

        Result r = fx.run("migrate", fx.p("app.yaml"));

        assertEquals(0, r.exit());
        assertEquals("", r.out());
        assertEquals("stageline: app.yaml has no legacy sections; nothing to change", r.err().strip());
    }

    @Test
    void dryRunPrintsTheDiffAndWritesNothing() {
        fx.write(APP, resource("legacy-app.yaml"));

        Result r = fx.run("migrate", "--dry-run", fx.p(APP));

        assertEquals(0, r.exit());
        assertEquals(resource("legacy-app.diff"), r.out());
        assertTrue(r.err().strip().endsWith("kept the legacy sections; dry run, " + APP + " is unchanged"), r.err());
        assertEquals(resource("legacy-app.yaml"), fx.read(APP));
    }

    @Test
    void aClearIsNotCopiedAndTheSummarySaysSo() {
        fx.write("app.yaml", """
                legacy:
                  httpModules:
                    - clear
                    - add: Audit
                      type: %sAuditModule
                """.formatted(FIX));

        Result r = fx.run("migrate", fx.p("app.yaml"));

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().strip().endsWith("kept the legacy sections; 1 legacy 'clear' entry not copied (review the "
                + "lists by hand); app.yaml written"), r.err());
        assertTrue(fx.read("app.yaml").startsWith("""
                validation:
                  validateIntegratedModeConfiguration: false

                modules:
                  list:
                    # copied from legacy.httpModules by stageline migrate; keep both lists in step
                    - add: Audit
                """), fx.read("app.yaml"));
    }

    @Test
    void windowsLineEndingsAreKept() {
        fx.write("app.yaml", "legacy:\r\n  identity:\r\n    impersonate: true\r\n");

        Result r = fx.run("migrate", fx.p("app.yaml"));

        assertEquals(0, r.exit(), r.err());
        assertEquals("validation:\r\n  validateIntegratedModeConfiguration: false\r\n\r\nlegacy:\r\n  identity:\r\n"
                + "    impersonate: true\r\n", fx.read("app.yaml"));
    }

    @Test
    void anInvalidFileIsNotMigrated() {
        fx.write("app.yaml", "pipelineMode: hybrid\nlegacy: { identity: { impersonate: true } }\n");

        Result r = fx.run("migrate", fx.p("app.yaml"));

        assertEquals(1, r.exit());
        assertEquals(List.of("app.yaml:1:15 SL-CFG-007 error: pipelineMode 'hybrid' is not a pipeline mode",
                "    hint: write integrated or classic",
                "stageline: app.yaml is invalid (1 error, 0 warnings); fix it first (stageline validate shows the "
                        + "problems)"), r.errLines());
    }

    @Test
    void aMissingFileExitsOne() {
        fx.write("web/index.html", "no configuration here");

        Result r = fx.run("migrate", fx.p("web"));
        Result none = fx.run("migrate", fx.p("nowhere.yaml"));

        assertEquals(1, r.exit());
        assertEquals("stageline: no such file: " + APP, r.err().strip());
        assertEquals(1, none.exit());
        assertEquals("stageline: no such file: nowhere.yaml", none.err().strip());
    }

    @Test
    void usageErrorsExitTwo() {
        Result r = fx.run("migrate", "--force", "app.yaml");

        assertEquals(2, r.exit());
        assertEquals("stageline: unknown option --force", r.errLines().get(0));
    }
}
