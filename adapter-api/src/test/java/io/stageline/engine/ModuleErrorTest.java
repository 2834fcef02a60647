package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import io.stageline.api.StatusException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §2 / reference §1.5: a module or handler throws. */
class ModuleErrorTest {
    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    private CompiledPipeline pipeline(RecordingModule b, RequestHandler handler) {
        return new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log).recordingErrors(), ModuleSettings.empty())
                .addModule("B", b, ModuleSettings.empty())
                .addNativeModule("C", RecordingModule.everywhere("C", log).recordingErrors(), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", handler))
                .build();
    }

    private CompiledPipeline pipeline(RecordingModule b) {
        return pipeline(b, recordingHandler(log, "handler", null));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"BEGIN_REQUEST", "AUTHORIZE_REQUEST", "MAP_REQUEST_HANDLER",
        "PRE_EXECUTE_REQUEST_HANDLER", "POST_EXECUTE_REQUEST_HANDLER", "POST_UPDATE_REQUEST_CACHE"})
    void aThrowingModuleSkipsToTheEndStagesAndAnswers500(PipelineStage stage) {
        CompiledPipeline p = pipeline(RecordingModule.everywhere("B", log)
                .throwing(stage, new IllegalStateException("boom")));

        TestExchange x = run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>();
        for (PipelineStage s : RecordingModule.SKIPPABLE.subList(0, RecordingModule.SKIPPABLE.indexOf(stage))) {
            if (s == PipelineStage.POST_EXECUTE_REQUEST_HANDLER) {
                expected.add("handler:EXECUTE_REQUEST_HANDLER");
            }
            expected.addAll(RecordingModule.entries(List.of(s), "A", "B", "C"));
        }
        if (stage == PipelineStage.POST_EXECUTE_REQUEST_HANDLER) {
            expected.add("handler:EXECUTE_REQUEST_HANDLER");
        }
        expected.add("A:" + stage);
        expected.add("B:" + stage);
        expected.add("A:ERROR:boom");
        expected.add("C:ERROR:boom");
        expected.addAll(RecordingModule.entries(RecordingModule.END_STAGES, "A", "B", "C"));
        assertEquals(expected, log);
        assertEquals(500, x.status);
        assertEquals(0, x.subStatus());
        assertEquals("B", x.failedModule());
        assertEquals(stage, x.failedStage());
        assertEquals("boom", x.error().getMessage());
    }

    @Test
    void errorCallbacksAreRaisedOnceEvenWhenASecondModuleThrowsInTheEndStages() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log).recordingErrors(), ModuleSettings.empty())
                .addModule("B", RecordingModule.everywhere("B", log).recordingErrors()
                        .throwing(PipelineStage.AUTHORIZE_REQUEST, new RuntimeException("first")), ModuleSettings.empty())
                .addNativeModule("C", RecordingModule.everywhere("C", log)
                        .throwing(PipelineStage.LOG_REQUEST, new RuntimeException("second"))
                        .throwing(PipelineStage.END_REQUEST, new RuntimeException("third")), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(List.of("A:ERROR:first", "B:ERROR:first"), errors());
        assertEquals(2, x.app.logs.size(), "the later throws are logged: " + x.app.logs);
        assertEquals("first", x.error().getMessage(), "the first error is the request's error");
        assertEquals(500, x.status);
    }

    private List<String> errors() {
        List<String> out = new ArrayList<>();
        for (String s : log) {
            if (s.contains(":ERROR:")) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void aStatusExceptionChoosesTheStatusAndSubstatus() {
        CompiledPipeline p = pipeline(RecordingModule.everywhere("B", log)
                .throwing(PipelineStage.AUTHENTICATE_REQUEST, new StatusException(401, 2, "who are you")));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(401, x.status);
        assertEquals(2, x.subStatus());
        assertTrue(x.bodyText().contains("401.2"), x.bodyText());
        assertTrue(log.containsAll(RecordingModule.entries(RecordingModule.END_STAGES, "A", "B", "C")), log.toString());
    }

    @Test
    void anExceptionResetsASubstatusSetEarlierTo500Point0() {
        CompiledPipeline p = pipeline(RecordingModule.everywhere("B", log)
                .settingStatus(PipelineStage.AUTHENTICATE_REQUEST, 403, 7)
                .throwing(PipelineStage.AUTHORIZE_REQUEST, new RuntimeException("boom")));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(500, x.status);
        assertEquals(0, x.subStatus());
    }

    @Test
    void anErrorCallbackMayChooseADifferentStatus() {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("B", RecordingModule.everywhere("B", log)
                        .onError((ctx, error) -> ctx.setStatus(503, 0))
                        .throwing(PipelineStage.BEGIN_REQUEST, new RuntimeException("down")), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(503, x.status);
    }

    @Test
    void aSecondThrowInEndRequestIsLoggedAndTheRemainingEndRequestModulesStillRun() {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("B", RecordingModule.everywhere("B", log)
                        .throwing(PipelineStage.BEGIN_REQUEST, new RuntimeException("first")), ModuleSettings.empty())
                .addNativeModule("C", RecordingModule.everywhere("C", log)
                        .throwing(PipelineStage.END_REQUEST, new RuntimeException("second")), ModuleSettings.empty())
                .addNativeModule("D", RecordingModule.everywhere("D", log), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(List.of("B:END_REQUEST", "C:END_REQUEST", "D:END_REQUEST"),
                log.subList(log.size() - 3, log.size()));
        assertEquals(1, x.app.logs.size(), x.app.logs.toString());
        String logged = x.app.logs.get(0);
        assertTrue(logged.contains("'C'") && logged.contains("END_REQUEST") && logged.contains("second"), logged);
        assertEquals("first", x.error().getMessage());
    }
}
