package io.stageline.api;

/**
 * A request's trace: structured events that end up in failed-request traces (FREB). Tracing is off for most requests;
 * then {@link #enabled()} is false and every call is a no-op.
 *
 * <p>The contract:
 * <ul>
 *   <li>Callers MUST check {@link #enabled()} before building an event: {@link #event} takes varargs, and the array is
 *       allocated at the call site even when the writer drops it. Checking first keeps tracing free when it is off.</li>
 *   <li>An event has an <b>area</b> (one of the constants below, or a module's own name), a <b>name</b> in
 *       {@code UPPER_SNAKE_CASE} (IIS's FREB event names where one exists) and data given as alternating
 *       name/value pairs; values are written with {@link String#valueOf(Object)}, numbers and booleans stay numbers
 *       and booleans in JSON.</li>
 *   <li>The writer stamps each event with the time, the stage and the module running; callers do not repeat them.</li>
 *   <li>Events MUST NOT carry secrets: no passwords, no {@code Authorization} or {@code Cookie} values.</li>
 * </ul>
 *
 * <p>Authentication and authorization modules report their decisions so a trace shows why a request was refused:
 * <pre>{@code
 * TraceWriter t = ctx.trace();
 * if (t.enabled()) {
 *     t.event(TraceWriter.AUTHENTICATION, TraceWriter.AUTH_SUCCEEDED, "user", name, "authType", "Basic");
 * }
 * ...
 * if (t.enabled()) {
 *     t.event(TraceWriter.AUTHORIZATION, TraceWriter.AUTHORIZATION_DENIED, "user", user, "rule", "deny users=?",
 *             "status", 401, "subStatus", 2);
 * }
 * }</pre>
 */
public interface TraceWriter {

    // ---- areas (IIS "WWW Server" provider areas, plus the request and handler brackets) ----

    /** GENERAL_REQUEST_START / GENERAL_REQUEST_END. */
    String REQUEST = "Request";
    /** Module notifications: NOTIFY_MODULE_START / NOTIFY_MODULE_END, MODULE_SET_RESPONSE_ERROR_STATUS. */
    String MODULE = "Module";
    /** Handler selection: HANDLER_MAPPING_CHECKED per mapping, HANDLER_SELECTED / HANDLER_NOT_FOUND, HANDLER_CHANGED. */
    String HANDLER = "Handler";
    /** URL_CHANGED (rewritePath). */
    String URL = "Url";
    /** STATUS_CHANGED: a module or handler set the status, with the module that did. */
    String STATUS = "Status";
    /** Authentication decisions: AUTH_START, AUTH_SUCCEEDED, AUTH_FAILED, AUTH_NOT_ATTEMPTED. */
    String AUTHENTICATION = "Authentication";
    /** Authorization decisions: AUTHORIZATION_ALLOWED, AUTHORIZATION_DENIED. */
    String AUTHORIZATION = "Authorization";
    /** Request filtering and other security checks (REQUEST_FILTERING_REJECTED ...). */
    String SECURITY = "Security";
    /** Output cache decisions (CACHE_HIT, CACHE_MISS, NOT_CACHEABLE with the reason). */
    String CACHE = "Cache";
    /** The static-file handler (STATIC_FILE_SERVED, MIME_MAP_MISS ...). */
    String STATIC_FILE = "StaticFile";
    /** Free text written with {@link #write(String, String)} by modules without an area of their own. */
    String MESSAGE = "MESSAGE";

    // ---- event names used by the engine and recommended for modules ----

    String GENERAL_REQUEST_START = "GENERAL_REQUEST_START";
    String GENERAL_REQUEST_END = "GENERAL_REQUEST_END";
    String NOTIFY_MODULE_START = "NOTIFY_MODULE_START";
    String NOTIFY_MODULE_END = "NOTIFY_MODULE_END";
    String MODULE_SET_RESPONSE_ERROR_STATUS = "MODULE_SET_RESPONSE_ERROR_STATUS";
    String HANDLER_MAPPING_CHECKED = "HANDLER_MAPPING_CHECKED";
    String HANDLER_SELECTED = "HANDLER_SELECTED";
    String HANDLER_NOT_FOUND = "HANDLER_NOT_FOUND";
    String HANDLER_CHANGED = "HANDLER_CHANGED";
    String URL_CHANGED = "URL_CHANGED";
    String STATUS_CHANGED = "STATUS_CHANGED";
    String AUTH_START = "AUTH_START";
    String AUTH_SUCCEEDED = "AUTH_SUCCEEDED";
    String AUTH_FAILED = "AUTH_FAILED";
    String AUTH_NOT_ATTEMPTED = "AUTH_NOT_ATTEMPTED";
    String AUTHORIZATION_ALLOWED = "AUTHORIZATION_ALLOWED";
    String AUTHORIZATION_DENIED = "AUTHORIZATION_DENIED";

    /** A trace writer that drops everything. */
    TraceWriter NONE = new TraceWriter() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void event(String area, String name, Object... data) {
        }

        @Override
        public void write(String area, String message) {
        }
    };

    /** True when events are recorded; check it before building an event. */
    boolean enabled();

    /**
     * Records one structured event.
     *
     * @param area an area constant of this interface, or the module's own name
     * @param name the event name, e.g. {@link #AUTH_FAILED}
     * @param data alternating names and values: {@code "user", "alice", "status", 401}
     */
    void event(String area, String name, Object... data);

    /** Records free text: an event {@link #MESSAGE} of the given area with one datum {@code message}. */
    default void write(String area, String message) {
        event(area, MESSAGE, "message", message);
    }
}
