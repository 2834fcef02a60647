package io.stageline.api;

/** What a module sees while it initialises: its name, settings, the mode, and the subscription calls. */
public interface ModuleSetup {

    /** The module's name in the effective module list, e.g. {@code FormsAuthentication}. */
    String name();

    /** The module's settings: the {@code settings:} map of its entry, or its own section for built-ins. */
    ModuleSettings settings();

    /**
     * The number of locations: 1 (the application root, location 0) plus the configured {@code locations:}. A module
     * whose settings may differ per location builds one value per location here and picks it per request with
     * {@link RequestContext#locationIndex()}.
     */
    int locationCount();

    /** The path of a location: {@code ""} for the root (location 0), e.g. {@code /admin}. */
    String locationPath(int location);

    /** The module's settings at a location: the location's own, else the application-level settings. */
    ModuleSettings settings(int location);

    /** The pipeline mode of the application. */
    PipelineMode mode();

    /**
     * Subscribes to the given stages. Subscribing to {@link PipelineStage#EXECUTE_REQUEST_HANDLER} is an error, and so
     * is, for a managed module in classic mode, subscribing to MAP_REQUEST_HANDLER, LOG_REQUEST or POST_LOG_REQUEST.
     */
    void subscribe(PipelineStage... stages);

    /** Registers a callback raised once per request, on the first error of that request. */
    void onError(ErrorCallback callback);

    /** Registers a callback run when the compiled configuration is discarded (application stop or reload). */
    void onClose(AutoCloseable callback);
}
