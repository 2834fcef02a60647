package io.stageline.engine;

/**
 * Produces error responses (IIS CustomErrorModule / {@code httpErrors}). When a module of the effective list
 * implements this interface, the engine calls it once per request, just before LOG_REQUEST, instead of writing its
 * own plain detailed page; it decides from the status, the substatus, {@link Exchange#hasResponseBody()},
 * {@link Exchange#pipelineDecidedStatus()}, {@link Exchange#heldSendError()} and {@code trySkipCustomErrors} whether
 * and how to answer.
 */
public interface ErrorResponder {

    /** Writes (or leaves) the error response of a finished request. Exceptions are logged, never rethrown. */
    void respond(Exchange x) throws Exception;

    /**
     * True when a servlet handler's {@code sendError} should be held back for this request so that
     * {@link #respond(Exchange)} can answer it (the servlet layer then watches the servlet's response: it counts body
     * bytes and holds {@code sendError}). Asked once, just before a servlet handler runs; never for static files.
     * A responder that answers true MUST call {@link Exchange#releaseSendError()} when it leaves a held error alone.
     */
    default boolean holdsServletErrors(Exchange x) {
        return false;
    }
}
