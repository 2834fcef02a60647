package io.stageline.servlet;

import io.stageline.engine.PipelineExecutor;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Resumes a request's pipeline after its handler went async: the stages after EXECUTE_REQUEST_HANDLER, and
 * END_REQUEST exactly once, whatever ends the cycle. Two paths lead here, and the first one wins: the async
 * cycle's {@code onComplete}, and {@link RequestEndListener} when the container ends the request (needed where the
 * container completes an internal async cycle without calling the listeners, e.g. Jetty sending a large static
 * file).
 */
final class AsyncResumer implements AsyncListener {
    private final PipelineExecutor executor;
    private final ServletExchange x;
    private final AtomicBoolean done = new AtomicBoolean();

    AsyncResumer(PipelineExecutor executor, ServletExchange x) {
        this.executor = executor;
        this.x = x;
    }

    /** Runs the rest of the pipeline, once. */
    void finish() {
        if (done.compareAndSet(false, true)) {
            executor.resume(x);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        finish();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the container completes the cycle after a timeout; onComplete or the request's end follows
    }

    @Override
    public void onError(AsyncEvent event) {
        // the container completes the cycle after an error; onComplete or the request's end follows
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
