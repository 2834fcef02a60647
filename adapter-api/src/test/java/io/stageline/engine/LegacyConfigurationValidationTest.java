package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §5 / reference §4.2: legacy sections in integrated mode fail every request with 500.22 / 500.23 / 500.24. */
class LegacyConfigurationValidationTest {
    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App().file("/a.txt");

    private PipelineBuilder integrated(String legacy, boolean validate) {
        PipelineBuilder b = EngineFixtures.withStaticFile(new PipelineBuilder()
                .validateIntegratedModeConfiguration(validate)
                .addNativeModule("A", RecordingModule.on("A", log, PipelineStage.BEGIN_REQUEST, PipelineStage.END_REQUEST),
                        ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*.page", recordingHandler(log, "page", "page"))));
        switch (legacy) {
            case "httpModules":
                return b.addLegacyModule("Legacy", RecordingModule.everywhere("Legacy", log), ModuleSettings.empty());
            case "httpHandlers":
                return b.addLegacyHandler(typeMapping("LegacyHandler", "*.ashx", ctx -> { }));
            case "impersonate":
                return b.legacyImpersonation(true);
            default:
                throw new AssertionError(legacy);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> 500.{2}")
    @CsvSource(delimiter = '|', textBlock = """
            httpModules  | /a.page | 22
            httpModules  | /a.txt  | 22
            httpHandlers | /a.page | 23
            httpHandlers | /a.txt  | 23
            impersonate  | /a.page | 24
            impersonate  | /a.txt  | 24
            """)
    void legacySectionsFailEveryRequestInBeginRequest(String legacy, String path, int subStatus) {
        CompiledPipeline p = integrated(legacy, true).build();

        TestExchange x = run(p, app, "GET", path);

        assertEquals("500." + subStatus, x.status + "." + x.subStatus());
        assertEquals(subStatus, p.legacyConfigurationSubStatus());
        assertEquals("ConfigurationValidationModule", x.failedModule());
        assertEquals(PipelineStage.BEGIN_REQUEST, x.failedStage());
        assertTrue(x.bodyText().contains("500." + subStatus), x.bodyText());
        assertTrue(x.bodyText().contains("stageline migrate"), x.bodyText());
        assertTrue(x.app.invocations.isEmpty(), "the static file must not be served: " + x.app.invocations);
        assertTrue(log.contains("A:END_REQUEST"), log.toString());
        assertTrue(!log.contains("page:EXECUTE_REQUEST_HANDLER") && !log.contains("Legacy:BEGIN_REQUEST"), log.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            httpModules  | /a.page | page
            httpModules  | /a.txt  | static:/a.txt
            httpHandlers | /a.page | page
            httpHandlers | /a.txt  | static:/a.txt
            impersonate  | /a.page | page
            impersonate  | /a.txt  | static:/a.txt
            """)
    void turningValidationOffLetsEveryRequestThrough(String legacy, String path, String body) {
        CompiledPipeline p = integrated(legacy, false).build();

        TestExchange x = run(p, app, "GET", path);

        assertEquals(200, x.status, x.bodyText());
        assertEquals(body, x.bodyText());
        assertEquals(0, p.legacyConfigurationSubStatus());
        assertEquals(List.of("A:BEGIN_REQUEST", "A:END_REQUEST"), EngineFixtures.startingWith(log, "A:"));
    }
}
