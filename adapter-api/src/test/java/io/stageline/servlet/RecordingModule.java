package io.stageline.servlet;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records "path:STAGE" for every stage of every request; behaviour switches by path for the scenarios. */
public final class RecordingModule implements PipelineModule {
    public final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, CountDownLatch> ends = new ConcurrentHashMap<>();

    @Override
    public void init(ModuleSetup setup) {
        for (PipelineStage s : PipelineStage.values()) {
            if (s != PipelineStage.EXECUTE_REQUEST_HANDLER && !s.isResponseEvent()) {
                setup.subscribe(s);
            }
        }
    }

    @Override
    public void handle(RequestContext ctx) {
        events.add(ctx.originalPath() + ":" + ctx.stage());
        if (ctx.stage() == PipelineStage.BEGIN_REQUEST && ctx.originalPath().startsWith("/legacy")) {
            ctx.setRequestHeader("X-Stageline-Added", "yes");
        }
        if (ctx.stage() == PipelineStage.AUTHORIZE_REQUEST && ctx.originalPath().equals("/legacy/fails")) {
            throw new IllegalStateException("module failure for the test");
        }
        if (ctx.stage() == PipelineStage.END_REQUEST) {
            latch(ctx.originalPath()).countDown();
        }
    }

    private CountDownLatch latch(String path) {
        return ends.computeIfAbsent(path, p -> new CountDownLatch(1));
    }

    /** Waits until END_REQUEST ran for {@code path}. */
    public boolean awaitEnd(String path) throws InterruptedException {
        return latch(path).await(10, TimeUnit.SECONDS);
    }

    public List<String> eventsFor(String path) {
        return events.stream().filter(e -> e.startsWith(path + ":")).map(e -> e.substring(path.length() + 1)).toList();
    }
}
