package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §2: the 21 stages in IIS order; modules in module-list order; AnonymousAuthentication last in authentication. */
class StageOrderTest {
    private static final String ANONYMOUS = "AnonymousAuthentication";

    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    @Test
    void allTwentyOneOrdinaryStagesRunInIisOrderWithTheHandlerInExecuteRequestHandler() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", recordingHandler(log, "handler", "ok")))
                .build();

        run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < PipelineStage.ORDINARY_COUNT; i++) {
            PipelineStage s = PipelineStage.of(i);
            expected.add((s == PipelineStage.EXECUTE_REQUEST_HANDLER ? "handler" : "A") + ":" + s);
        }
        assertEquals(21, expected.size());
        assertEquals(expected, log);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"EXECUTE_REQUEST_HANDLER", "PRE_SEND_REQUEST_HEADERS", "PRE_SEND_REQUEST_CONTENT"})
    void withinAStageModulesRunInModuleListOrder(PipelineStage stage) {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("C", RecordingModule.on("C", log, stage), ModuleSettings.empty())
                .addModule("A", RecordingModule.on("A", log, stage), ModuleSettings.empty())
                .addNativeModule("B", RecordingModule.on("B", log, stage), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        run(p, app, "GET", "/x");

        assertEquals(RecordingModule.entries(List.of(stage), "C", "A", "B"), log);
        assertEquals(List.of("C", "A", "B"), p.modulesFor(stage, true));
        assertEquals(List.of("C", "A", "B"), p.modulesFor(stage, false));
    }

    @Test
    void removingAndAddingAModuleAgainMovesItToTheEndOfTheList() {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("A", RecordingModule.on("A", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty())
                .addModule("B", RecordingModule.on("B", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty())
                .addModule("C", RecordingModule.on("C", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty())
                .removeModule("A")
                .addModule("A", RecordingModule.on("A", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        run(p, app, "GET", "/x");

        assertEquals(List.of("B:BEGIN_REQUEST", "C:BEGIN_REQUEST", "A:BEGIN_REQUEST"), log);
        assertEquals(List.of("B", "C", "A"), p.modulesFor(PipelineStage.BEGIN_REQUEST, false));
    }

    @Test
    void anonymousAuthenticationRunsLastInAuthenticateRequestOnly() {
        PipelineStage[] stages = {PipelineStage.BEGIN_REQUEST, PipelineStage.AUTHENTICATE_REQUEST,
            PipelineStage.POST_AUTHENTICATE_REQUEST, PipelineStage.END_REQUEST};
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule(ANONYMOUS, RecordingModule.on(ANONYMOUS, log, stages), ModuleSettings.empty())
                .addNativeModule("Basic", RecordingModule.on("Basic", log, stages), ModuleSettings.empty())
                .addModule("Forms", RecordingModule.on("Forms", log, stages), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>();
        expected.addAll(RecordingModule.entries(List.of(PipelineStage.BEGIN_REQUEST), ANONYMOUS, "Basic", "Forms"));
        expected.addAll(RecordingModule.entries(List.of(PipelineStage.AUTHENTICATE_REQUEST), "Basic", "Forms", ANONYMOUS));
        expected.addAll(RecordingModule.entries(List.of(PipelineStage.POST_AUTHENTICATE_REQUEST, PipelineStage.END_REQUEST),
                ANONYMOUS, "Basic", "Forms"));
        assertEquals(expected, log);
        assertEquals(List.of("Basic", "Forms", ANONYMOUS), p.modulesFor(PipelineStage.AUTHENTICATE_REQUEST, false));
        assertEquals(List.of(ANONYMOUS, "Basic", "Forms"), p.modulesFor(PipelineStage.POST_AUTHENTICATE_REQUEST, false));
    }

    @Test
    void aModuleIsInitialisedOnceAndCalledOncePerSubscribedStageOfEachRequest() {
        RecordingModule a = RecordingModule.on("A", log, PipelineStage.BEGIN_REQUEST, PipelineStage.END_REQUEST);
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", a, ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        run(p, app, "GET", "/x");
        run(p, app, "GET", "/y");

        assertEquals(List.of("A:BEGIN_REQUEST", "A:END_REQUEST", "A:BEGIN_REQUEST", "A:END_REQUEST"), log);
        assertEquals(1, a.initCalls(), "a module is initialised once per compiled pipeline, not per request");
    }
}
