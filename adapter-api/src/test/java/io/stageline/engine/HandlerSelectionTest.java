package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §4 / reference §3.6: handler selection outcomes as the engine reports them. */
class HandlerSelectionTest {
    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App().file("/docs/a.txt");

    private PipelineBuilder withRecorder() {
        return new PipelineBuilder()
                .addNativeModule("A", RecordingModule.on("A", log, PipelineStage.MAP_REQUEST_HANDLER,
                        PipelineStage.POST_MAP_REQUEST_HANDLER, PipelineStage.END_REQUEST), ModuleSettings.empty());
    }

    private static void assertStatus(TestExchange x, int status, int subStatus) {
        assertEquals(status + "." + subStatus, x.status + "." + x.subStatus(), x.bodyText());
        assertTrue(x.bodyText().contains(status + "." + subStatus), x.bodyText());
    }

    @Test
    void noMatchingMappingAnswers404Point4FromMapRequestHandler() {
        CompiledPipeline p = withRecorder()
                .addHandler(typeMapping("Only", "/only", recordingHandler(log, "only", "x")))
                .build();

        TestExchange x = run(p, app, "GET", "/other");

        assertStatus(x, 404, 4);
        assertNull(x.handlerMapping());
        assertEquals("IIS Web Core", x.failedModule());
        assertEquals(PipelineStage.MAP_REQUEST_HANDLER, x.failedStage());
        assertEquals(List.of("A:END_REQUEST"), log, "MAP and POST_MAP modules are skipped, END_REQUEST runs");
    }

    @ParameterizedTest(name = "requireAccess {0} with accessPolicy [{1}] -> 403.{2}")
    @CsvSource(delimiter = '|', textBlock = """
            READ    | Script         | 2
            SCRIPT  | Read           | 1
            EXECUTE | Read, Script   | 1
            WRITE   | Read, Script   | 3
            """)
    void onlyAccessDisabledMappingsMatchingAnswers403(RequireAccess access, String policy, int subStatus) {
        CompiledPipeline p = withRecorder()
                .accessPolicy(policy)
                .addHandler(HandlerMapping.builder("Disabled").path("*.x").verb("*").requireAccess(access)
                        .handler(recordingHandler(log, "disabled", "x")).build())
                .addHandler(typeMapping("Other", "*.y", recordingHandler(log, "other", "y")))
                .build();

        TestExchange x = run(p, app, "GET", "/a.x");

        assertStatus(x, 403, subStatus);
        assertEquals(List.of("A:END_REQUEST"), log);
    }

    @Test
    void aDisabledMappingIsSkippedInFavourOfALaterEnabledOne() {
        CompiledPipeline p = withRecorder()
                .accessPolicy("Read")
                .addHandler(HandlerMapping.builder("Script").path("*.x").verb("*").requireAccess(RequireAccess.SCRIPT)
                        .handler(recordingHandler(log, "script", "x")).build())
                .addHandler(HandlerMapping.builder("Read").path("*").verb("*").requireAccess(RequireAccess.READ)
                        .handler(recordingHandler(log, "read", "r")).build())
                .build();

        TestExchange x = run(p, app, "GET", "/a.x");

        assertEquals("Read", x.handlerMapping().name());
        assertEquals("r", x.bodyText());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            FILE      | /docs/a.txt  | 200
            FILE      | /docs        | 404
            FILE      | /docs/b.txt  | 404
            DIRECTORY | /docs        | 200
            DIRECTORY | /docs/       | 200
            DIRECTORY | /docs/a.txt  | 404
            DIRECTORY | /nothing     | 404
            EITHER    | /docs/a.txt  | 200
            EITHER    | /docs/       | 200
            EITHER    | /docs/b.txt  | 404
            """)
    void aResourceTypeMismatchAnswers404Point0WithoutFallingThrough(ResourceType type, String path, int status) {
        CompiledPipeline p = withRecorder()
                .addHandler(HandlerMapping.builder("Typed").path("*").verb("*").resourceType(type)
                        .handler(recordingHandler(log, "typed", "typed")).build())
                .addHandler(typeMapping("Fallback", "*", recordingHandler(log, "fallback", "fallback")))
                .build();

        TestExchange x = run(p, app, "GET", path);

        assertEquals("Typed", x.handlerMapping().name());
        assertFalse(log.contains("fallback:EXECUTE_REQUEST_HANDLER"), log.toString());
        if (status == 200) {
            assertEquals(200, x.status);
            assertEquals("typed", x.bodyText());
        } else {
            assertStatus(x, 404, 0);
            assertEquals(PipelineStage.MAP_REQUEST_HANDLER, x.failedStage());
            assertFalse(log.contains("typed:EXECUTE_REQUEST_HANDLER"), log.toString());
        }
    }

    @Test
    void aMappingNamingAModuleThatIsNotInTheListAnswers500Point21() {
        CompiledPipeline p = withRecorder()
                .addHandler(HandlerMapping.builder("Broken").path("*.x").verb("*").modules("NoSuchModule").build())
                .build();

        TestExchange x = run(p, app, "GET", "/a.x");

        String detail = "Handler 'Broken' has a bad module 'NoSuchModule' in its module list";
        assertStatus(x, 500, 21);
        assertEquals(detail, x.failureDetail());
        assertTrue(x.bodyText().contains(ErrorPage.esc(detail)), x.bodyText());
        assertEquals("NoSuchModule", p.badModule(0));
        assertEquals(List.of("A:END_REQUEST"), log);
    }

    @Test
    void aVerbMismatchFallsThroughToTheNextMapping() {
        CompiledPipeline p = withRecorder()
                .addHandler(HandlerMapping.builder("PostOnly").path("*.x").verb("POST")
                        .handler(recordingHandler(log, "post", "post")).build())
                .addHandler(typeMapping("Any", "*", recordingHandler(log, "any", "any")))
                .build();

        TestExchange get = run(p, app, "GET", "/a.x");
        TestExchange post = run(p, app, "POST", "/a.x");

        assertEquals("Any", get.handlerMapping().name());
        assertEquals("any", get.bodyText());
        assertEquals("PostOnly", post.handlerMapping().name());
        assertEquals("post", post.bodyText());
    }

    @Test
    void theFirstMatchingMappingWinsInTableOrderAndDefaultsComeLast() {
        CompiledPipeline p = withRecorder()
                .addDefaultHandler(typeMapping("Default", "*.x", recordingHandler(log, "default", "default")))
                .addHandler(typeMapping("First", "*.x", recordingHandler(log, "first", "first")))
                .addHandler(typeMapping("Second", "*.x", recordingHandler(log, "second", "second")))
                .build();

        TestExchange x = run(p, app, "GET", "/a.x");

        assertEquals("First", x.handlerMapping().name());
        assertEquals("first", x.bodyText());
    }
}
