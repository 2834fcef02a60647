package io.stageline.api;

/**
 * The stages of a request, in the order IIS 7+ raises them, plus the two response events.
 *
 * <p>The first 21 values are the ordinary stages, run in declaration order for every request. A module subscribes to
 * the stages it needs in {@link PipelineModule#init(ModuleSetup)}; it can never subscribe to
 * {@link #EXECUTE_REQUEST_HANDLER}, which belongs to the selected handler.
 *
 * <p>{@link #LOG_REQUEST}, {@link #POST_LOG_REQUEST} and {@link #END_REQUEST} are the <em>end stages</em>: they run
 * for every request, also after {@link RequestContext#completeRequest()} or a module failure (integrated mode).
 *
 * <p>{@link #PRE_SEND_REQUEST_HEADERS} and {@link #PRE_SEND_REQUEST_CONTENT} are not part of the ordinary sequence:
 * they are delivered once, in <em>reverse</em> module order, when the response is first committed.
 */
public enum PipelineStage {
    BEGIN_REQUEST,
    AUTHENTICATE_REQUEST,
    POST_AUTHENTICATE_REQUEST,
    AUTHORIZE_REQUEST,
    POST_AUTHORIZE_REQUEST,
    RESOLVE_REQUEST_CACHE,
    POST_RESOLVE_REQUEST_CACHE,
    MAP_REQUEST_HANDLER,
    POST_MAP_REQUEST_HANDLER,
    ACQUIRE_REQUEST_STATE,
    POST_ACQUIRE_REQUEST_STATE,
    PRE_EXECUTE_REQUEST_HANDLER,
    EXECUTE_REQUEST_HANDLER,
    POST_EXECUTE_REQUEST_HANDLER,
    RELEASE_REQUEST_STATE,
    POST_RELEASE_REQUEST_STATE,
    UPDATE_REQUEST_CACHE,
    POST_UPDATE_REQUEST_CACHE,
    LOG_REQUEST,
    POST_LOG_REQUEST,
    END_REQUEST,
    PRE_SEND_REQUEST_HEADERS,
    PRE_SEND_REQUEST_CONTENT;

    private static final PipelineStage[] VALUES = values();

    /** The number of ordinary stages (BEGIN_REQUEST through END_REQUEST). */
    public static final int ORDINARY_COUNT = END_REQUEST.ordinal() + 1;

    /** Returns the stage with the given ordinal without allocating (unlike {@code values()[i]}). */
    public static PipelineStage of(int ordinal) {
        return VALUES[ordinal];
    }

    /** True for LOG_REQUEST, POST_LOG_REQUEST and END_REQUEST: they run even after completion or an error. */
    public boolean isEndStage() {
        return this == LOG_REQUEST || this == POST_LOG_REQUEST || this == END_REQUEST;
    }

    /** True for the two response events that are delivered when the response is committed. */
    public boolean isResponseEvent() {
        return this == PRE_SEND_REQUEST_HEADERS || this == PRE_SEND_REQUEST_CONTENT;
    }

    /** True for the stages a managed module may not subscribe to in classic mode (IIS: integrated-only events). */
    public boolean isIntegratedOnly() {
        return this == MAP_REQUEST_HANDLER || this == LOG_REQUEST || this == POST_LOG_REQUEST;
    }

    /** The IIS / ASP.NET name of the stage, e.g. {@code AuthenticateRequest}; used in error pages and traces. */
    public String iisName() {
        StringBuilder sb = new StringBuilder(32);
        boolean upper = true;
        for (int i = 0; i < name().length(); i++) {
            char c = name().charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return sb.toString();
    }
}
