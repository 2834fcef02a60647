package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §2 / reference §1.6: remapHandler and rewritePath before MAP_REQUEST_HANDLER, and only then. */
class RemapAndRewriteTest {
    private final List<String> log = new ArrayList<>();
    private final List<Object> outcomes = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    private CompiledPipeline pipeline(RecordingModule router) {
        return new PipelineBuilder()
                .addModule("Router", router, ModuleSettings.empty())
                .addNativeModule("A", RecordingModule.on("A", log, PipelineStage.END_REQUEST), ModuleSettings.empty())
                .addHandler(typeMapping("Old", "/old", recordingHandler(log, "old", "old")))
                .addHandler(typeMapping("New", "/new", recordingHandler(log, "new", "new")))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"BEGIN_REQUEST", "AUTHENTICATE_REQUEST", "AUTHORIZE_REQUEST",
        "POST_RESOLVE_REQUEST_CACHE"})
    void remapHandlerBeforeMapRequestHandlerReplacesTheHandler(PipelineStage stage) {
        RequestHandler replacement = recordingHandler(log, "replacement", "replaced");
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(stage, ctx -> ctx.remapHandler(replacement)));

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals(200, x.status, x.bodyText());
        assertEquals("replaced", x.bodyText());
        assertEquals(List.of("Router:" + stage, "replacement:EXECUTE_REQUEST_HANDLER", "A:END_REQUEST"), log);
    }

    @Test
    void aRemappedHandlerServesEvenWhenNoMappingMatchedThePath() {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(PipelineStage.POST_RESOLVE_REQUEST_CACHE, ctx -> ctx.remapHandler(c -> c.setStatus(204))));

        TestExchange x = run(p, app, "GET", "/unmapped");

        assertEquals(204, x.status, x.bodyText());
    }

    @Test
    void aRemappedHandlerIsKeptWhenALaterModuleRewritesThePath() {
        RequestHandler replacement = recordingHandler(log, "replacement", "replaced");
        CompiledPipeline p = new PipelineBuilder()
                .addModule("Router", RecordingModule.on("Router", log)
                        .doing(PipelineStage.BEGIN_REQUEST, ctx -> ctx.remapHandler(replacement)), ModuleSettings.empty())
                .addModule("Rewriter", RecordingModule.on("Rewriter", log)
                        .doing(PipelineStage.AUTHENTICATE_REQUEST, ctx -> ctx.rewritePath("/new")), ModuleSettings.empty())
                .addHandler(typeMapping("Old", "/old", recordingHandler(log, "old", "old")))
                .addHandler(typeMapping("New", "/new", recordingHandler(log, "new", "new")))
                .build();

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals("/new", x.path());
        assertEquals("replaced", x.bodyText(), "RemapHandler overrides all, also a later RewritePath");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"MAP_REQUEST_HANDLER", "POST_MAP_REQUEST_HANDLER",
        "ACQUIRE_REQUEST_STATE", "PRE_EXECUTE_REQUEST_HANDLER"})
    void remapHandlerAtOrAfterMapRequestHandlerFailsTheRequestNamingTheModule(PipelineStage stage) {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(stage, ctx -> ctx.remapHandler(recordingHandler(log, "replacement", "replaced"))));

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals(500, x.status);
        assertInstanceOf(IllegalStateException.class, x.error());
        assertTrue(x.failureDetail().contains("'Router'"), x.failureDetail());
        assertTrue(x.failureDetail().contains(stage.name()), x.failureDetail());
        assertEquals(List.of("Router:" + stage, "A:END_REQUEST"), log);
    }

    @Test
    void rewritePathInBeginRequestReRunsHandlerSelection() {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(PipelineStage.BEGIN_REQUEST, ctx -> ctx.rewritePath("/new?lang=en")));

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals("new", x.bodyText());
        assertEquals("New", x.handlerMapping().name());
        assertEquals("/new", x.path());
        assertEquals("/old", x.originalPath());
        assertEquals("lang=en", x.queryString());
        assertFalse(log.contains("old:EXECUTE_REQUEST_HANDLER"));
    }

    @Test
    void rewritingToAPathWithoutAMappingAnswers404Point4() {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(PipelineStage.AUTHORIZE_REQUEST, ctx -> ctx.rewritePath("/nowhere")));

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals("404.4", x.status + "." + x.subStatus());
    }

    @Test
    void rewritingChangesWhetherManagedHandlerModulesRunInLaterStages() {
        CompiledPipeline p = EngineFixtures.withStaticFile(new PipelineBuilder()
                .addNativeModule("Router", RecordingModule.on("Router", log)
                        .doing(PipelineStage.BEGIN_REQUEST, ctx -> ctx.rewritePath("/page.aspx")), ModuleSettings.empty())
                .addModule("Managed", RecordingModule.on("Managed", log, PipelineStage.AUTHENTICATE_REQUEST),
                        ModuleSettings.empty(), "managedHandler")
                .addHandler(typeMapping("Page", "*.aspx", ctx -> { })))
                .build();

        TestExchange x = run(p, app, "GET", "/style.css");

        assertTrue(x.isManagedHandlerRequest());
        assertEquals(List.of("Router:BEGIN_REQUEST", "Managed:AUTHENTICATE_REQUEST"), log);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/a/../b", "/a/./b", "a/b", "/a//b", "/a\\b", "/a;b=c"})
    void anUnsafeRewriteThrowsAndLeavesThePathAlone(String target) {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log).doing(PipelineStage.BEGIN_REQUEST, ctx -> {
            try {
                ctx.rewritePath(target);
                outcomes.add("accepted");
            } catch (IllegalArgumentException e) {
                outcomes.add(e);
            }
        }));

        TestExchange x = run(p, app, "GET", "/old");

        assertInstanceOf(IllegalArgumentException.class, outcomes.get(0));
        assertEquals("/old", x.path());
        assertEquals("old", x.bodyText());
    }

    @Test
    void anUncaughtUnsafeRewriteFailsTheRequestWith500() {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(PipelineStage.BEGIN_REQUEST, ctx -> ctx.rewritePath("/a/../new")));

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals(500, x.status);
        assertEquals("Router", x.failedModule());
        assertFalse(log.contains("new:EXECUTE_REQUEST_HANDLER"));
    }

    @Test
    void rewritePathAfterMapRequestHandlerFailsTheRequest() {
        CompiledPipeline p = pipeline(RecordingModule.on("Router", log)
                .doing(PipelineStage.POST_MAP_REQUEST_HANDLER, ctx -> ctx.rewritePath("/new")));

        TestExchange x = run(p, app, "GET", "/old");

        assertEquals(500, x.status);
        assertInstanceOf(IllegalStateException.class, x.error());
        assertTrue(x.failureDetail().contains("'Router'"), x.failureDetail());
        assertEquals("/old", x.path());
    }
}
