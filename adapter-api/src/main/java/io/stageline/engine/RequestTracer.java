package io.stageline.engine;

import io.stageline.api.TraceWriter;

/**
 * A module that traces requests (FailedRequestTracing). The engine finds it in the module list, as it finds the
 * {@link ErrorResponder}, and asks it for a trace writer as each request arrives, before handler selection, so the
 * trace sees the whole request: GENERAL_REQUEST_START, the mappings tried, every module's start and end per stage,
 * status changes, GENERAL_REQUEST_END.
 *
 * <p>Child requests share their parent's writer; {@link #begin} and {@link #end} run once per top-level request.
 */
public interface RequestTracer {

    /**
     * Returns the writer that records this request, or {@link TraceWriter#NONE} when no rule could apply to it (then
     * tracing costs nothing). Called on the request thread, before BEGIN_REQUEST; it must not throw.
     */
    TraceWriter begin(Exchange x);

    /**
     * Called once after END_REQUEST (after the async cycle, for async handlers) with the writer {@link #begin}
     * returned, when that writer was enabled. Decides whether the request failed and, if so, hands the trace to
     * storage; it must not block on disk I/O.
     */
    void end(Exchange x, TraceWriter writer);
}
