package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2: handler failures, {@link Error}s rethrown after END_REQUEST, and the detailed error page. */
class FatalAndHandlerErrorTest {
    private static final List<String> END_OF_ALL = RecordingModule.entries(RecordingModule.END_STAGES, "A",
            "Exploding", "C");

    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    private PipelineBuilder builder(RecordingModule b, RequestHandler handler) {
        return new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log).recordingErrors(), ModuleSettings.empty())
                .addModule("Exploding", b, ModuleSettings.empty())
                .addNativeModule("C", RecordingModule.everywhere("C", log), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", handler));
    }

    private List<String> tail(int n) {
        return log.subList(log.size() - n, log.size());
    }

    @Test
    void anErrorFromAModuleIsRethrownByRunOnlyAfterEndRequestRan() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log)
                .throwing(PipelineStage.AUTHORIZE_REQUEST, new OutOfMemoryError("test")), ctx -> log.add("handler"))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x");

        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, x::run);

        assertEquals("test", e.getMessage());
        assertEquals(END_OF_ALL, tail(END_OF_ALL.size()));
        assertFalse(log.contains("handler"));
        assertTrue(log.contains("A:ERROR:test"), "the error event is raised for Errors too: " + log);
        assertTrue(PipelineExecutor.isFinished(x));
        assertEquals(500, x.status);
    }

    @Test
    void anErrorFromTheHandlerIsRethrownByRunOnlyAfterEndRequestRan() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log), ctx -> {
            throw new StackOverflowError("deep");
        }).build();
        TestExchange x = new TestExchange(p, app, "GET", "/x");

        assertThrows(StackOverflowError.class, x::run);

        assertEquals(END_OF_ALL, tail(END_OF_ALL.size()));
    }

    @Test
    void anErrorFromAnErrorCallbackIsRethrownAfterEndRequestRan() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log)
                .onError((ctx, error) -> {
                    throw new OutOfMemoryError("in callback");
                })
                .throwing(PipelineStage.BEGIN_REQUEST, new RuntimeException("boom")), ctx -> { })
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x");

        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, x::run);

        assertEquals("in callback", e.getMessage());
        assertEquals(END_OF_ALL, tail(END_OF_ALL.size()));
    }

    @Test
    void anErrorFromAResponseEventIsRethrownAfterEndRequestRan() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log)
                .throwing(PipelineStage.PRE_SEND_REQUEST_HEADERS, new OutOfMemoryError("sending")),
                ctx -> ctx.responseBody().write("x".getBytes(StandardCharsets.UTF_8)))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x");

        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, x::run);

        assertEquals("sending", e.getMessage());
        assertEquals(END_OF_ALL, tail(END_OF_ALL.size()));
    }

    @Test
    void aThrowingHandlerAnswers500AndTheEndStagesStillRun() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log), ctx -> {
            log.add("handler");
            throw new IllegalArgumentException("bad input");
        }).build();

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(500, x.status);
        assertEquals(0, x.subStatus());
        assertEquals("bad input", x.error().getMessage());
        assertEquals(PipelineStage.EXECUTE_REQUEST_HANDLER, x.failedStage());
        int handler = log.indexOf("handler");
        assertEquals(List.of("handler", "A:ERROR:bad input"), log.subList(handler, handler + 2));
        assertEquals(END_OF_ALL, log.subList(handler + 2, log.size()), "post-handler stages are skipped");
    }

    @Test
    void aDetailedErrorPageNamingTheModuleIsWrittenWhenTheBodyWasEmpty() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log)
                .throwing(PipelineStage.AUTHORIZE_REQUEST, new RuntimeException("boom")), ctx -> { })
                .build();

        TestExchange x = run(p, app, "GET", "/x");

        String body = x.bodyText();
        assertTrue(body.contains("500.0"), body);
        assertTrue(body.contains("Exploding"), body);
        assertTrue(body.contains("AuthorizeRequest"), body);
        assertTrue(x.responseHeader("Content-Type").startsWith("text/html"), x.responseHeaders.toString());
    }

    @Test
    void noErrorPageReplacesABodyTheHandlerAlreadyWrote() {
        CompiledPipeline p = builder(RecordingModule.everywhere("Exploding", log), ctx -> {
            ctx.responseBody().write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("late");
        }).build();

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals("partial", x.bodyText());
        assertTrue(log.containsAll(END_OF_ALL), log.toString());
    }
}
