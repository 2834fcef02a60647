package io.stageline.engine;

/**
 * A native module that can execute requests when a handler mapping names it in {@code modules:} (StaticFile,
 * DefaultDocument, DirectoryListing, ProtocolSupport, ServletDelegation).
 *
 * <p>When a mapping names several handler modules they are called in effective module-list order; each declines
 * (returns false) when the request is not its kind, and the first one that returns true ends the handler.
 */
public interface HandlerModule {

    /** Executes the request, or returns false to let the next handler module of the mapping try. */
    boolean executeHandler(Exchange x) throws Exception;
}
