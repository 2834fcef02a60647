package io.stageline.engine;

/**
 * Produces error responses (IIS CustomErrorModule / {@code httpErrors}). When a module of the effective list
 * implements this interface, the engine calls it once per request, just before LOG_REQUEST, instead of writing its
 * own plain detailed page; it decides from the status, the substatus, {@link Exchange#hasResponseBody()},
 * {@link Exchange#pipelineDecidedStatus()} and {@code trySkipCustomErrors} whether and how to answer.
 */
public interface ErrorResponder {

    /** Writes (or leaves) the error response of a finished request. Exceptions are logged, never rethrown. */
    void respond(Exchange x) throws Exception;
}
