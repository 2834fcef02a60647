package io.stageline.api;

/** The pipeline mode of an application, as an IIS application pool's {@code managedPipelineMode}. */
public enum PipelineMode {
    /** Every module sees every request, subject to its {@code managedHandler} precondition. */
    INTEGRATED,
    /**
     * Native modules see every request; managed modules run only in a nested pipeline inside
     * EXECUTE_REQUEST_HANDLER for requests whose handler is ServletDelegation.
     */
    CLASSIC
}
