package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import io.stageline.api.ResponseFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reference §8.4: a response filter runs once, in UPDATE_REQUEST_CACHE, or in LOG_REQUEST when that was skipped. */
class ResponseFilterTest {
    private final List<String> log = new ArrayList<>();
    private final List<PipelineStage> filterRuns = new ArrayList<>();
    private final List<Throwable> refused = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();

    private final ResponseFilter upperCase = (sink, ctx) -> {
        filterRuns.add(ctx.stage());
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                sink.write(Character.toUpperCase(b));
            }
        };
    };

    private static RequestHandler writing(String text) {
        return ctx -> ctx.responseBody().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private RecordingModule installingIn(PipelineStage stage) {
        return RecordingModule.on("Filter", log).doing(stage, ctx -> {
            try {
                ctx.installResponseFilter(upperCase);
            } catch (IllegalStateException e) {
                refused.add(e);
            }
        });
    }

    private CompiledPipeline pipeline(RecordingModule filterModule, RecordingModule other, RequestHandler handler) {
        return new PipelineBuilder()
                .addModule("Filter", filterModule, ModuleSettings.empty())
                .addModule("Other", other, ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", handler))
                .build();
    }

    @ParameterizedTest(name = "installed in {0}")
    @EnumSource(value = PipelineStage.class, names = {"BEGIN_REQUEST", "AUTHORIZE_REQUEST",
        "POST_MAP_REQUEST_HANDLER", "PRE_EXECUTE_REQUEST_HANDLER"})
    void aFilterInstalledBeforeTheHandlerIsAppliedOnceInUpdateRequestCache(PipelineStage stage) {
        CompiledPipeline p = pipeline(installingIn(stage), RecordingModule.everywhere("Other", log), writing("hello"));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals("HELLO", x.bodyText());
        assertEquals(List.of(PipelineStage.UPDATE_REQUEST_CACHE), filterRuns);
        assertTrue(refused.isEmpty(), refused.toString());
    }

    @Test
    void whenCompleteRequestSkippedUpdateRequestCacheTheFilterRunsOnceInLogRequest() {
        RecordingModule denier = RecordingModule.everywhere("Other", log).doing(PipelineStage.AUTHORIZE_REQUEST, ctx -> {
            ctx.setStatus(403, 0);
            ctx.responseBody().write("denied".getBytes(StandardCharsets.UTF_8));
            ctx.completeRequest();
        });
        CompiledPipeline p = pipeline(installingIn(PipelineStage.BEGIN_REQUEST), denier, writing("never"));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals("DENIED", x.bodyText());
        assertEquals(List.of(PipelineStage.LOG_REQUEST), filterRuns);
    }

    @Test
    void whenTheHandlerFailedTheFilterRunsOnceInLogRequest() {
        CompiledPipeline p = pipeline(installingIn(PipelineStage.BEGIN_REQUEST), RecordingModule.everywhere("Other", log),
                ctx -> {
                    ctx.responseBody().write("half".getBytes(StandardCharsets.UTF_8));
                    throw new IllegalStateException("failed mid-way");
                });

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals("HALF", x.bodyText());
        assertEquals(List.of(PipelineStage.LOG_REQUEST), filterRuns);
    }

    @ParameterizedTest(name = "installed in {0}")
    @EnumSource(value = PipelineStage.class, names = {"POST_EXECUTE_REQUEST_HANDLER", "RELEASE_REQUEST_STATE",
        "UPDATE_REQUEST_CACHE", "POST_UPDATE_REQUEST_CACHE", "LOG_REQUEST", "END_REQUEST"})
    void installingAFilterAfterTheHandlerRanThrows(PipelineStage stage) {
        CompiledPipeline p = pipeline(installingIn(stage), RecordingModule.on("Other", log), writing("hello"));

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(1, refused.size(), "installResponseFilter must throw in " + stage);
        assertTrue(refused.get(0).getMessage().contains(stage.name()), refused.get(0).getMessage());
        assertTrue(refused.get(0).getMessage().contains("Filter"), refused.get(0).getMessage());
        assertEquals("hello", x.bodyText());
        assertTrue(filterRuns.isEmpty());
    }

    @Test
    void theHandlerCannotInstallAFilter() {
        CompiledPipeline p = pipeline(RecordingModule.on("Filter", log), RecordingModule.on("Other", log), ctx -> {
            try {
                ctx.installResponseFilter(upperCase);
            } catch (IllegalStateException e) {
                refused.add(e);
            }
            ctx.responseBody().write("hello".getBytes(StandardCharsets.UTF_8));
        });

        TestExchange x = run(p, app, "GET", "/x");

        assertEquals(1, refused.size());
        assertEquals("hello", x.bodyText());
        assertNull(x.responseFilters());
    }
}
