package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2 / reference §1.2 rule 3: PRE_SEND_REQUEST_HEADERS/CONTENT once, in reverse module order. */
class ResponseEventsTest {
    private static final List<String> EVENTS = List.of(
            "C:PRE_SEND_REQUEST_HEADERS", "B:PRE_SEND_REQUEST_HEADERS", "A:PRE_SEND_REQUEST_HEADERS",
            "C:PRE_SEND_REQUEST_CONTENT", "B:PRE_SEND_REQUEST_CONTENT", "A:PRE_SEND_REQUEST_CONTENT");

    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    private RecordingModule module(String name) {
        return RecordingModule.on(name, log, PipelineStage.PRE_SEND_REQUEST_HEADERS, PipelineStage.PRE_SEND_REQUEST_CONTENT,
                PipelineStage.POST_EXECUTE_REQUEST_HANDLER, PipelineStage.POST_UPDATE_REQUEST_CACHE,
                PipelineStage.END_REQUEST);
    }

    private CompiledPipeline pipeline(RecordingModule c, RequestHandler handler) {
        return new PipelineBuilder()
                .addNativeModule("A", module("A"), ModuleSettings.empty())
                .addModule("B", module("B"), ModuleSettings.empty())
                .addNativeModule("C", c, ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", handler))
                .build();
    }

    private List<String> events() {
        List<String> out = new ArrayList<>();
        for (String s : log) {
            if (s.contains(":PRE_SEND_")) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void eventsAreDeliveredOnceInReverseModuleOrderWhenTheHandlerCommitsTheResponse() {
        RecordingModule c = module("C").doing(PipelineStage.END_REQUEST,
                ctx -> ctx.responseBody().write("more".getBytes(StandardCharsets.UTF_8)));
        CompiledPipeline p = pipeline(c, ctx -> {
            log.add("handler:before-write");
            ctx.responseBody().write("body".getBytes(StandardCharsets.UTF_8));
            log.add("handler:after-write");
        });

        TestExchange x = run(p, app, "GET", "/x");

        List<String> expected = new ArrayList<>();
        expected.add("handler:before-write");
        expected.addAll(EVENTS);
        expected.add("handler:after-write");
        assertEquals(expected, log.subList(0, expected.size()));
        assertEquals(EVENTS, events(), "delivered exactly once, also when END_REQUEST writes more");
        assertEquals("bodymore", x.bodyText());
    }

    @Test
    void eventsAreDeliveredOnceAtTheEndWhenNothingCommittedTheResponse() {
        CompiledPipeline p = pipeline(module("C"), ctx -> log.add("handler"));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(EVENTS, events());
        int firstEvent = log.indexOf(EVENTS.get(0));
        assertTrue(firstEvent > log.indexOf("C:POST_UPDATE_REQUEST_CACHE"), "events come at the end: " + log);
        assertTrue(firstEvent < log.indexOf("A:END_REQUEST"), "events come before the request ends: " + log);
        assertEquals(200, x.status);
    }

    @Test
    void eventsAreDeliveredOnceWhenTheErrorPageCommitsTheResponse() {
        RecordingModule c = module("C").throwing(PipelineStage.POST_EXECUTE_REQUEST_HANDLER, new RuntimeException("x"));
        CompiledPipeline p = pipeline(c, ctx -> log.add("handler"));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(EVENTS, events());
        assertEquals(500, x.status);
        assertTrue(x.bodyText().contains("500.0"), x.bodyText());
    }

    @Test
    void modulesNotSubscribedToTheResponseEventsDoNotReceiveThem() {
        CompiledPipeline p = new PipelineBuilder()
                .addNativeModule("A", RecordingModule.everywhere("A", log), ModuleSettings.empty())
                .addNativeModule("B", RecordingModule.on("B", log, PipelineStage.PRE_SEND_REQUEST_CONTENT),
                        ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> ctx.responseBody().write('x')))
                .build();

        run(p, app, "GET", "/x");

        assertEquals(List.of("B:PRE_SEND_REQUEST_CONTENT"), events());
        assertEquals(List.of("B"), p.modulesFor(PipelineStage.PRE_SEND_REQUEST_CONTENT, false));
        assertEquals(List.of(), p.modulesFor(PipelineStage.PRE_SEND_REQUEST_HEADERS, false));
    }
}
