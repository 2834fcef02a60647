package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §2 / reference §1.4: completeRequest() skips to LOG_REQUEST, POST_LOG_REQUEST, END_REQUEST. */
class CompleteRequestTest {
    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    private CompiledPipeline pipeline(RecordingModule b) {
        return new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log), ModuleSettings.empty())
                .addModule("B", b, ModuleSettings.empty())
                .addNativeModule("C", RecordingModule.everywhere("C", log), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", recordingHandler(log, "handler", "page")))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"BEGIN_REQUEST", "AUTHENTICATE_REQUEST",
        "POST_AUTHENTICATE_REQUEST", "AUTHORIZE_REQUEST", "POST_AUTHORIZE_REQUEST", "RESOLVE_REQUEST_CACHE",
        "POST_RESOLVE_REQUEST_CACHE", "MAP_REQUEST_HANDLER", "POST_MAP_REQUEST_HANDLER", "ACQUIRE_REQUEST_STATE",
        "POST_ACQUIRE_REQUEST_STATE", "PRE_EXECUTE_REQUEST_HANDLER"})
    void completingBeforeTheHandlerSkipsTheRestOfTheStageAndTheHandlerButRunsTheEndStages(PipelineStage stage) {
        CompiledPipeline p = pipeline(RecordingModule.everywhere("B", log).completing(stage));

        TestExchange x = run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>();
        expected.addAll(RecordingModule.entries(RecordingModule.SKIPPABLE.subList(0,
                RecordingModule.SKIPPABLE.indexOf(stage)), "A", "B", "C"));
        expected.add("A:" + stage);
        expected.add("B:" + stage);
        expected.add("B:completed");
        expected.addAll(RecordingModule.entries(RecordingModule.END_STAGES, "A", "B", "C"));
        assertEquals(expected, log);
        assertEquals("", x.bodyText(), "the handler must not run");
        assertTrue(x.isRequestCompleted());
        assertNull(x.error());
        assertTrue(PipelineExecutor.isFinished(x));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"POST_EXECUTE_REQUEST_HANDLER", "RELEASE_REQUEST_STATE",
        "POST_RELEASE_REQUEST_STATE", "UPDATE_REQUEST_CACHE", "POST_UPDATE_REQUEST_CACHE"})
    void completingAfterTheHandlerSkipsOnlyTheRemainingOrdinaryStages(PipelineStage stage) {
        CompiledPipeline p = pipeline(RecordingModule.everywhere("B", log).completing(stage));

        TestExchange x = run(p, app, "GET", "/x");

        List<PipelineStage> before = RecordingModule.SKIPPABLE.subList(0, RecordingModule.SKIPPABLE.indexOf(stage));
        List<String> expected = new ArrayList<>();
        int execute = before.indexOf(PipelineStage.POST_EXECUTE_REQUEST_HANDLER);
        expected.addAll(RecordingModule.entries(execute < 0 ? before : before.subList(0, execute), "A", "B", "C"));
        expected.add("handler:EXECUTE_REQUEST_HANDLER");
        if (execute >= 0) {
            expected.addAll(RecordingModule.entries(before.subList(execute, before.size()), "A", "B", "C"));
        }
        expected.add("A:" + stage);
        expected.add("B:" + stage);
        expected.add("B:completed");
        expected.addAll(RecordingModule.entries(RecordingModule.END_STAGES, "A", "B", "C"));
        assertEquals(expected, log);
        assertEquals("page", x.bodyText());
    }

    @Test
    void theHandlerCompletingSkipsThePostHandlerStages() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> {
                    log.add("handler");
                    ctx.completeRequest();
                }))
                .build();

        run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>(RecordingModule.entries(
                RecordingModule.SKIPPABLE.subList(0, RecordingModule.SKIPPABLE.indexOf(
                        PipelineStage.POST_EXECUTE_REQUEST_HANDLER)), "A"));
        expected.add("handler");
        expected.addAll(RecordingModule.entries(RecordingModule.END_STAGES, "A"));
        assertEquals(expected, log);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"LOG_REQUEST", "POST_LOG_REQUEST", "END_REQUEST"})
    void completingDuringAnEndStageSkipsNothing(PipelineStage stage) {
        CompiledPipeline p = pipeline(RecordingModule.everywhere("B", log).completing(stage));

        TestExchange x = run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>();
        for (PipelineStage s : RecordingModule.SUBSCRIBABLE) {
            if (s == PipelineStage.POST_EXECUTE_REQUEST_HANDLER) {
                expected.add("handler:EXECUTE_REQUEST_HANDLER");
            }
            expected.add("A:" + s);
            expected.add("B:" + s);
            if (s == stage) {
                expected.add("B:completed");
            }
            expected.add("C:" + s);
        }
        assertEquals(expected, log);
        assertEquals("page", x.bodyText());
    }

    @Test
    void aRequestThatCompletesEarlyKeepsTheStatusTheModuleSet() {
        RecordingModule b = RecordingModule.everywhere("B", log)
                .settingStatus(PipelineStage.AUTHORIZE_REQUEST, 401, 2)
                .completing(PipelineStage.AUTHORIZE_REQUEST);

        TestExchange x = run(pipeline(b), app, "GET", "/x");

        assertEquals(401, x.status);
        assertEquals(2, x.subStatus());
        assertEquals("B", x.failedModule());
        assertEquals(PipelineStage.AUTHORIZE_REQUEST, x.failedStage());
        assertFalse(log.contains("handler:EXECUTE_REQUEST_HANDLER"));
    }
}
