package io.stageline.api;

import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One request as modules and handlers see it. A context is created per request and is not shared between threads
 * except across an async hand-off, which the pipeline orders.
 *
 * <p><b>Paths.</b> {@link #path()} is the one canonical path every module and the handler table decide on: the
 * container's decoded, normalised servlet path plus path info, relative to the application, after any
 * {@link #rewritePath(String)}. Never decide on the raw request URI.
 *
 * <p><b>Mode.</b> Writable request headers, server variables and response-header enumeration exist in integrated mode
 * only; in classic mode those calls throw {@link UnsupportedOperationException} with the message
 * {@value #INTEGRATED_ONLY}.
 *
 * <p><b>Ending early.</b> {@link #completeRequest()} skips the rest of the current stage and every later ordinary
 * stage; LOG_REQUEST, POST_LOG_REQUEST and END_REQUEST still run (END_REQUEST only, in classic mode's managed
 * pipeline).
 */
public interface RequestContext {

    /** The message of the exception thrown by integrated-only operations in classic mode. */
    String INTEGRATED_ONLY = "This operation requires integrated pipeline mode.";

    // ---- pipeline state ----

    /** The stage currently running. */
    PipelineStage stage();

    PipelineMode mode();

    /** True for a child request started by {@link #executeChildRequest(String)}. */
    boolean isChildRequest();

    /** Skips to the end stages after the current module returns. No effect when called during the end stages. */
    void completeRequest();

    /** True once {@link #completeRequest()} was called or an error was recorded. */
    boolean isRequestCompleted();

    /** The first error recorded for this request, or null. */
    Throwable error();

    /** The selected handler mapping; null when selection failed (404.4 / 403.x). */
    HandlerMapping handlerMapping();

    /**
     * Replaces the handler for this request. Allowed before MAP_REQUEST_HANDLER only; later it throws an
     * {@link IllegalStateException} naming the module. The {@code managedHandler} precondition is not re-evaluated
     * for stages already passed.
     */
    void remapHandler(RequestHandler handler);

    /**
     * Rewrites the request path (application-relative, starting with {@code /}, may carry {@code ?query}); handler
     * selection runs again. Allowed before MAP_REQUEST_HANDLER, and by handler modules in EXECUTE_REQUEST_HANDLER.
     */
    void rewritePath(String newPath);

    /**
     * Runs a child request for {@code url} (application-relative) through the whole pipeline and lets it write this
     * request's response. Nesting is limited to 10 levels.
     */
    void executeChildRequest(String url) throws Exception;

    /** The trace writer of this request (failed-request tracing). */
    TraceWriter trace();

    // ---- items ----

    <T> T item(ItemKey<T> key);

    <T> void setItem(ItemKey<T> key, T value);

    // ---- request ----

    /** The HTTP method, e.g. {@code GET}. */
    String method();

    /** The canonical application-relative path (see the class comment). */
    String path();

    /** The canonical path as the request arrived, before any rewrite. */
    String originalPath();

    /**
     * The location that applies to {@link #path()}: 0 for the application root, otherwise the index of the most
     * specific {@code locations:} entry covering the path (see {@link ModuleSetup#locationCount()}).
     */
    int locationIndex();

    /** The path of the location that applies ({@code ""} for the application root). */
    String locationPath();

    /** The path info after the segment an {@code allowPathInfo} mapping matched, or the empty string. */
    String pathInfo();

    /** The query string without {@code ?}, or null. */
    String queryString();

    /** The context path of the application ({@code ""} for the root application). */
    String contextPath();

    /** The request URI exactly as received (for logging only; never decide on it). */
    String rawUri();

    String remoteAddress();

    /** The server's address the request arrived on (W3C {@code s-ip}), or null when unknown. */
    String localAddress();

    /** The server port the request arrived on (W3C {@code s-port}), or -1 when unknown. */
    int localPort();

    /** The request's protocol version, e.g. {@code HTTP/1.1} (W3C {@code cs-version}), or null when unknown. */
    String protocol();

    /** The request body bytes received, as announced by the client ({@code Content-Length}), or -1 when unknown. */
    long bytesReceived();

    /**
     * The response body bytes sent so far (the bytes written through the pipeline, else the response's
     * {@code Content-Length}), or -1 when unknown. Headers are not counted.
     */
    long bytesSent();

    /**
     * {@link System#nanoTime()} when the filter received the request: the start of W3C {@code time-taken} and of
     * failed-request tracing's {@code timeTaken}.
     */
    long requestStartNanos();

    /** True when the client is on the loopback interface. */
    boolean isLocal();

    boolean isSecure();

    String requestHeader(String name);

    List<String> requestHeaders(String name);

    Collection<String> requestHeaderNames();

    /** Sets a request header seen by later modules, the handler and legacy servlets. Integrated mode only. */
    void setRequestHeader(String name, String value);

    /** Removes a request header. Integrated mode only. */
    void removeRequestHeader(String name);

    /** Reads a server variable ({@code REQUEST_METHOD}, {@code PATH_INFO}, {@code HTTP_HOST}, custom ones...). */
    String serverVariable(String name);

    /**
     * Sets a server variable; {@code HTTP_*} names set the matching request header. The computed variables
     * {@code AUTH_TYPE, AUTH_USER, PATH_INFO, PATH_TRANSLATED, QUERY_STRING, SCRIPT_NAME} refuse with an
     * {@link IllegalArgumentException}. Integrated mode only.
     */
    void setServerVariable(String name, String value);

    /**
     * A parameter of the request as the servlet API's {@code getParameter} reads it (query string, then an
     * {@code application/x-www-form-urlencoded} body, decoded as UTF-8 unless the request names its charset), or null.
     * Reading it consumes the body; only a handler that answers the request itself (e.g. a login form) should call it.
     * Contexts without a servlet request return null.
     */
    default String requestParameter(String name) {
        return null;
    }

    // ---- user ----

    /** The authenticated user, or null for anonymous. */
    Principal user();

    String authenticationType();

    boolean isUserInRole(String role);

    Set<String> roles();

    /** Sets the user (authentication modules). A null user means anonymous. */
    void setUser(Principal user, String authenticationType, Collection<String> roles);

    /**
     * Checks a user name and password against the container's realm ({@code HttpServletRequest.login}), asks the
     * container which of {@code candidateRoles} the user holds ({@code isUserInRole}), and logs the container out
     * again: the caller decides what to do with the result (usually {@link #setUser}). Returns the roles held (possibly
     * empty), or null when the container rejects the credentials or has no realm.
     *
     * @throws UnsupportedOperationException when the context has no container behind it
     */
    default Set<String> containerLogin(String userName, String password, Collection<String> candidateRoles) {
        throw new UnsupportedOperationException("this request context has no servlet container realm");
    }

    // ---- response ----

    int status();

    int subStatus();

    void setStatus(int status);

    /** Sets status and IIS substatus (shown in error pages, logs and traces, never in the status line). */
    void setStatus(int status, int subStatus);

    void setSubStatus(int subStatus);

    boolean trySkipCustomErrors();

    void setTrySkipCustomErrors(boolean skip);

    String responseHeader(String name);

    /** All response header names, including those set by the container's servlets. Integrated mode only. */
    Collection<String> responseHeaderNames();

    void setResponseHeader(String name, String value);

    void addResponseHeader(String name, String value);

    void removeResponseHeader(String name);

    void setContentType(String contentType);

    boolean isResponseCommitted();

    /** The response body stream. Writing may commit the response (see {@code responseBufferLimit}). */
    OutputStream responseBody() throws IOException;

    /** Answers a redirect ({@code 301}, {@code 302}, {@code 307} or {@code 308}) to {@code location}. */
    void redirect(String location, int status) throws IOException;

    /** Installs a response filter; it must be installed before the handler runs. */
    void installResponseFilter(ResponseFilter filter);

    /**
     * The container object behind this context ({@code HttpServletRequest} / {@code HttpServletResponse}), for
     * modules that need it; null when the type does not apply.
     */
    <T> T unwrap(Class<T> type);
}
