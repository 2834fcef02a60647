package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.delegationMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2: when the servlet goes async the post-handler stages run on resume; END_REQUEST runs exactly once. */
class AsyncExecutionTest {
    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App()
            .servlet("Async", ".async", x -> {
                log.add("servlet");
                x.asyncStarted = true;
            });

    private static int count(List<String> log, String entry) {
        return Collections.frequency(log, entry);
    }

    @Test
    void anAsyncServletSuspendsTheRequestAndResumeRunsTheRemainingStages() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log), ModuleSettings.empty())
                .addModule("B", RecordingModule.everywhere("B", log), ModuleSettings.empty())
                .addHandler(HandlerMapping.builder("Async").path("*.async").verb("*").servlet("*").build())
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/a.async");

        assertFalse(x.run(), "run() returns false when the handler went async");

        List<PipelineStage> before = RecordingModule.SKIPPABLE.subList(0,
                RecordingModule.SKIPPABLE.indexOf(PipelineStage.POST_EXECUTE_REQUEST_HANDLER));
        List<String> expected = new ArrayList<>(RecordingModule.entries(before, "A", "B"));
        expected.add("servlet");
        assertEquals(expected, log);
        assertFalse(PipelineExecutor.isFinished(x));

        x.asyncStarted = false;
        assertTrue(new PipelineExecutor(p).resume(x));

        List<PipelineStage> after = RecordingModule.SUBSCRIBABLE.subList(
                RecordingModule.SUBSCRIBABLE.indexOf(PipelineStage.POST_EXECUTE_REQUEST_HANDLER),
                RecordingModule.SUBSCRIBABLE.size());
        expected.addAll(RecordingModule.entries(after, "A", "B"));
        assertEquals(expected, log);
        assertEquals(1, count(log, "A:END_REQUEST"));
        assertEquals(1, count(log, "servlet"));
        assertTrue(PipelineExecutor.isFinished(x));
    }

    @Test
    void anAsyncServletInClassicModeResumesTheNestedPipelineThenTheOuterOne() {
        PipelineStage[] outer = {PipelineStage.PRE_EXECUTE_REQUEST_HANDLER, PipelineStage.POST_EXECUTE_REQUEST_HANDLER,
            PipelineStage.END_REQUEST};
        CompiledPipeline p = EngineFixtures.withServletDelegation(new PipelineBuilder().mode(PipelineMode.CLASSIC))
                .addNativeModule("Native", RecordingModule.on("Native", log, outer), ModuleSettings.empty())
                .addLegacyModule("L", new RecordingModule("L", log, ClassicModeTest.LEGACY_STAGES), ModuleSettings.empty())
                .addHandler(delegationMapping("ServletClassic", "*.async"))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/a.async");

        assertFalse(x.run());

        List<PipelineStage> legacy = ClassicModeTest.LEGACY_STAGES;
        int post = legacy.indexOf(PipelineStage.POST_EXECUTE_REQUEST_HANDLER);
        List<String> expected = new ArrayList<>();
        expected.add("Native:PRE_EXECUTE_REQUEST_HANDLER");
        expected.addAll(RecordingModule.entries(legacy.subList(0, post), "L"));
        expected.add("servlet");
        assertEquals(expected, log);

        assertTrue(new PipelineExecutor(p).resume(x));

        expected.addAll(RecordingModule.entries(legacy.subList(post, legacy.size()), "L"));
        expected.add("Native:POST_EXECUTE_REQUEST_HANDLER");
        expected.add("Native:END_REQUEST");
        assertEquals(expected, log);
        assertEquals(1, count(log, "L:END_REQUEST"));
        assertEquals(1, count(log, "Native:END_REQUEST"));
    }

    @Test
    void aTypeHandlerThatStartsAsyncAlsoSuspendsTheRequest() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.on("A", log, PipelineStage.POST_EXECUTE_REQUEST_HANDLER,
                        PipelineStage.END_REQUEST), ModuleSettings.empty())
                .addHandler(EngineFixtures.typeMapping("Page", "*", ctx -> ((TestExchange) ctx).asyncStarted = true))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x");

        assertFalse(x.run());
        assertEquals(List.of(), log);

        assertTrue(new PipelineExecutor(p).resume(x));
        assertEquals(List.of("A:POST_EXECUTE_REQUEST_HANDLER", "A:END_REQUEST"), log);
    }

    @Test
    void aHandlerThatFailsAfterStartingAsyncDoesNotSuspendTheRequest() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.on("A", log, PipelineStage.POST_EXECUTE_REQUEST_HANDLER,
                        PipelineStage.END_REQUEST), ModuleSettings.empty())
                .addHandler(EngineFixtures.typeMapping("Page", "*", ctx -> {
                    ((TestExchange) ctx).asyncStarted = true;
                    throw new IllegalStateException("broken");
                }))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x");

        assertTrue(x.run());
        assertEquals(List.of("A:END_REQUEST"), log);
        assertEquals(500, x.status);
    }
}
