package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §3 / reference §1.6: executeChildRequest runs a child through the whole pipeline; 10 recursive levels. */
class ChildRequestTest {
    private final List<String> log = new ArrayList<>();
    private final List<Object> outcomes = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    @Test
    void aChildRequestRunsTheWholePipelineForItsPathAndModulesSeeItIsAChild() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log), ModuleSettings.empty())
                .addHandler(typeMapping("Parent", "/parent", ctx -> {
                    log.add("parent");
                    ctx.executeChildRequest("/child?from=parent");
                }))
                .addHandler(typeMapping("Child", "/child", ctx -> {
                    recordingHandler(log, "child", "from child").handle(ctx);
                    outcomes.add(ctx.queryString());
                    outcomes.add(ctx.handlerMapping().name());
                }))
                .build();

        TestExchange x = run(p, app, "GET", "/parent");

        List<PipelineStage> pre = RecordingModule.SKIPPABLE.subList(0,
                RecordingModule.SKIPPABLE.indexOf(PipelineStage.POST_EXECUTE_REQUEST_HANDLER));
        List<PipelineStage> post = RecordingModule.SUBSCRIBABLE.subList(
                RecordingModule.SUBSCRIBABLE.indexOf(PipelineStage.POST_EXECUTE_REQUEST_HANDLER),
                RecordingModule.SUBSCRIBABLE.size());
        List<String> expected = new ArrayList<>(RecordingModule.entries(pre, "A"));
        expected.add("parent");
        for (PipelineStage s : pre) {
            expected.add("A:" + s + "@1");
        }
        expected.add("child:EXECUTE_REQUEST_HANDLER@1");
        for (PipelineStage s : post) {
            expected.add("A:" + s + "@1");
        }
        expected.addAll(RecordingModule.entries(post, "A"));
        assertEquals(expected, log);
        assertEquals("from child", x.bodyText());
        assertEquals(List.of("from=parent", "Child"), outcomes);
        assertEquals(1, x.children.size());
        assertTrue(x.children.get(0).isChildRequest());
        assertEquals(1, x.children.get(0).depth());
    }

    @Test
    void aChildRequestSeesTheParentsUser() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("Auth", RecordingModule.on("Auth", log).doing(PipelineStage.AUTHENTICATE_REQUEST, ctx -> {
                    if (!ctx.isChildRequest()) {
                        ctx.setUser(() -> "alice", "Forms", List.of("admin"));
                    }
                }), ModuleSettings.empty())
                .addHandler(typeMapping("Parent", "/parent", ctx -> ctx.executeChildRequest("/child")))
                .addHandler(typeMapping("Child", "/child", ctx -> {
                    outcomes.add(ctx.user().getName());
                    outcomes.add(ctx.isUserInRole("admin"));
                }))
                .build();

        run(p, app, "GET", "/parent");

        assertEquals(List.of("alice", true), outcomes);
    }

    @Test
    void childRequestsNestTenLevelsAndTheEleventhIsRefused() {
        List<Integer> depths = new ArrayList<>();
        CompiledPipeline p = new PipelineBuilder()
                .addHandler(typeMapping("Loop", "/loop", ctx -> {
                    int depth = ((Exchange) ctx).depth();
                    depths.add(depth);
                    try {
                        ctx.executeChildRequest("/loop");
                    } catch (IllegalStateException e) {
                        outcomes.add(depth);
                        outcomes.add(e);
                    }
                }))
                .build();

        run(p, app, "GET", "/loop");

        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), depths,
                "the request itself plus 10 recursive child requests run");
        assertEquals(10, outcomes.get(0), "the child request at depth 10 may not start another one");
        assertInstanceOf(IllegalStateException.class, outcomes.get(1));
        assertTrue(((Exception) outcomes.get(1)).getMessage().contains("10"), outcomes.get(1).toString());
    }

    @Test
    void unboundedRecursionEndsWithAFailureInsteadOfAStackOverflow() {
        List<Integer> depths = new ArrayList<>();
        CompiledPipeline p = new PipelineBuilder()
                .addHandler(typeMapping("Loop", "/loop", ctx -> {
                    depths.add(((Exchange) ctx).depth());
                    ctx.executeChildRequest("/loop");
                }))
                .build();

        TestExchange x = run(p, app, "GET", "/loop");

        assertTrue(depths.size() <= 11, depths.toString());
        assertEquals(500, x.status, x.bodyText());
    }

    @Test
    void anUnsafeChildPathIsRefused() {
        CompiledPipeline p = new PipelineBuilder()
                .addHandler(typeMapping("Parent", "/parent", ctx -> {
                    try {
                        ctx.executeChildRequest("/a/../secret");
                    } catch (IllegalArgumentException e) {
                        outcomes.add(e);
                    }
                }))
                .build();

        TestExchange x = run(p, app, "GET", "/parent");

        assertInstanceOf(IllegalArgumentException.class, outcomes.get(0));
        assertEquals(List.of(), x.children);
    }
}
