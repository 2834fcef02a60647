package io.stageline.api;

/** Called once per request, on the request's first error, before the error response is written. */
@FunctionalInterface
public interface ErrorCallback {

    /** Observes the error. May set a different status or {@link RequestContext#setTrySkipCustomErrors(boolean)}. */
    void onError(RequestContext ctx, Throwable error) throws Exception;
}
