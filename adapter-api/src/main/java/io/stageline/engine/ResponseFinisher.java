package io.stageline.engine;

/**
 * A module that must touch every response before the engine finishes it (ProtocolSupport's custom headers): called
 * once per request, at the end of the ordinary stages, before the error response is written, while the response is
 * not committed. This is how a request refused in BEGIN_REQUEST (before the module's own turn) still gets them.
 */
public interface ResponseFinisher {

    /** Decorates the uncommitted response; exceptions are logged, never rethrown. */
    void beforeFinish(Exchange x) throws Exception;
}
