package io.stageline.engine;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ItemKey;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import io.stageline.api.ResponseFilter;
import io.stageline.api.TraceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-request context: the one object the engine allocates per request. Container-independent state lives here;
 * the container side (headers, response, resources, servlets) is reached through the abstract methods, implemented by
 * the servlet layer (and by an in-memory exchange in tests).
 */
public abstract class Exchange extends ContainerExchange {
    static final int MAX_CHILD_DEPTH = 10;

    final CompiledPipeline pipeline;
    private final String method;
    private final String originalPath;
    private String path;
    private String queryString;
    private final int depth;

    // pipeline state, driven by PipelineExecutor
    PipelineStage stage = PipelineStage.BEGIN_REQUEST;
    int outerNext;
    int nestedNext = -1;
    boolean outerCompleted;
    boolean nestedCompleted;
    boolean inNested;
    boolean enteredNested;
    boolean finished;
    boolean responseFinished;
    boolean responseEventsFired;
    boolean filterApplied;
    boolean redirectDecorated;
    ModuleSlot currentModule;
    Throwable error;
    Error fatal;
    String failedModule;
    PipelineStage failedStage;
    String failureDetail;
    String requestedUrl;

    // handler selection
    int selection;
    int location;
    HandlerMapping mapping;
    int pathInfoStart;
    RequestHandler remapped;
    boolean managed;
    boolean nonDefaultServlet;

    // request/response state
    private Principal user;
    private String authType;
    private Set<String> roles = Set.of();
    private int subStatus;
    private boolean trySkipCustomErrors;
    private Object[] items;
    private TraceWriter trace = TraceWriter.NONE;
    private long startNanos;
    HeaderOverrides headerOverrides;
    List<ResponseFilter> responseFilters;

    protected Exchange(CompiledPipeline pipeline, String method, String path, String queryString, int depth) {
        this.pipeline = pipeline;
        this.method = method;
        this.originalPath = path;
        this.path = path;
        this.queryString = queryString;
        this.depth = depth;
        this.startNanos = System.nanoTime();
    }

    // ------------------------------------------------------------------ engine accessors

    public CompiledPipeline pipeline() {
        return pipeline;
    }

    /** The 0-based nesting depth (0 = the request itself). */
    public int depth() {
        return depth;
    }

    public boolean isManagedHandlerRequest() {
        return managed;
    }

    /** The handler-table index of the selected mapping, or a negative selection code. */
    public int selection() {
        return selection;
    }

    /** The request headers changed by modules, or null when none changed (then no wrapper is needed). */
    public HeaderOverrides headerOverrides() {
        return headerOverrides;
    }

    /** The installed response filters, or null. */
    public List<ResponseFilter> responseFilters() {
        return responseFilters;
    }

    /** The module running now, or null (handler, engine). */
    public String currentModuleName() {
        return currentModule == null ? null : currentModule.name();
    }

    /** The module and stage that failed the request (set a 4xx/5xx or threw), for error pages and traces. */
    public String failedModule() {
        return failedModule;
    }

    public PipelineStage failedStage() {
        return failedStage;
    }

    /** True when the pipeline decided the status: a module or the engine set a 4xx/5xx, or an error was recorded. */
    public boolean pipelineDecidedStatus() {
        return failedModule != null || error != null;
    }

    /** True when the response already holds body bytes (then a detailed page does not replace it). */
    public boolean hasResponseBody() {
        return containerHasBody();
    }

    /** Replaces the (uncommitted) response with an error response; no effect once committed. */
    public void writeErrorResponse(int status, String contentType, String body) throws IOException {
        containerWriteErrorPage(status, contentType, body);
    }

    /** Reads a resource of the web application (custom error files); null when it does not exist. */
    public byte[] readResource(String resourcePath) throws IOException {
        return containerReadResource(resourcePath);
    }

    /** Discards the uncommitted response body before an error response is produced in its place. */
    public void resetResponseBody() {
        containerResetBody();
    }

    /** The status of a servlet's {@code sendError} held back for the {@link ErrorResponder} (0 = none). */
    public int heldSendError() {
        return containerHeldSendError();
    }

    /** False when a container servlet wrote to the response unwatched: {@link #hasResponseBody()} cannot tell. */
    public boolean responseBodyKnown() {
        return !containerBodyUnknown();
    }

    /** Lets the container answer the held-back {@code sendError} itself. */
    public void releaseSendError() throws IOException {
        containerReleaseSendError();
    }

    /** The raw request target of a request refused before the pipeline (non-canonical path), else null. */
    public String rejectedTarget() {
        return requestedUrl;
    }

    /** A message explaining the failure (e.g. the 500.21 text, an exception message), or null. */
    public String failureDetail() {
        return failureDetail;
    }

    void setSubStatusInternal(int sub) {
        this.subStatus = sub;
    }

    public void setTrace(TraceWriter writer) {
        this.trace = writer == null ? TraceWriter.NONE : writer;
    }

    /**
     * Sets the request's start time ({@link System#nanoTime()} scale). The exchange records its creation time; the
     * servlet layer sets the instant the filter received the request, tests a fixed value.
     */
    public void setRequestStartNanos(long nanos) {
        this.startNanos = nanos;
    }

    @Override
    public long requestStartNanos() {
        return startNanos;
    }

    /** The name of the module running now, else the handler's first module ("IIS Web Core" before selection). */
    public String actorName() {
        return currentModule == null ? handlerName() : currentModule.name();
    }

    // ------------------------------------------------------------------ RequestContext: pipeline state

    @Override
    public PipelineStage stage() {
        return stage;
    }

    @Override
    public PipelineMode mode() {
        return pipeline.mode;
    }

    @Override
    public boolean isChildRequest() {
        return depth > 0;
    }

    @Override
    public void completeRequest() {
        if (inNested) {
            nestedCompleted = true;
        } else {
            outerCompleted = true;
        }
    }

    @Override
    public boolean isRequestCompleted() {
        return inNested ? nestedCompleted : outerCompleted;
    }

    @Override
    public Throwable error() {
        return error;
    }

    @Override
    public HandlerMapping handlerMapping() {
        return mapping;
    }

    @Override
    public void remapHandler(RequestHandler handler) {
        if (stage.ordinal() >= PipelineStage.MAP_REQUEST_HANDLER.ordinal()) {
            throw new IllegalStateException("module '" + currentModuleName() + "' called remapHandler in " + stage
                    + "; the handler can be remapped only before MAP_REQUEST_HANDLER");
        }
        this.remapped = handler;
        this.managed = pipeline.mode == PipelineMode.INTEGRATED;
        if (trace.enabled()) {
            trace.event(TraceWriter.HANDLER, TraceWriter.HANDLER_CHANGED, "module", currentModuleName(),
                    "handler", handler.getClass().getName());
        }
    }

    @Override
    public void rewritePath(String newPath) {
        boolean executing = stage == PipelineStage.EXECUTE_REQUEST_HANDLER;
        if (stage.ordinal() >= PipelineStage.MAP_REQUEST_HANDLER.ordinal() && !executing) {
            throw new IllegalStateException("module '" + currentModuleName() + "' called rewritePath in " + stage
                    + "; the path can be rewritten only before MAP_REQUEST_HANDLER");
        }
        int q = newPath.indexOf('?');
        String p = q < 0 ? newPath : newPath.substring(0, q);
        String canonical = PathCanonicalizer.canonicalize(p);
        if (canonical == null) {
            throw new IllegalArgumentException("rewritePath: '" + newPath + "' is not a safe application path");
        }
        this.path = canonical;
        if (q >= 0) {
            this.queryString = newPath.substring(q + 1);
        }
        if (trace.enabled()) {
            trace.event(TraceWriter.URL, TraceWriter.URL_CHANGED, "module", currentModuleName(), "url", newPath);
        }
        PipelineExecutor.select(this, containerMapsToNonDefaultServlet(canonical));
    }

    @Override
    public void executeChildRequest(String url) throws Exception {
        if (depth >= MAX_CHILD_DEPTH) {
            throw new IllegalStateException("child requests nest deeper than " + MAX_CHILD_DEPTH + " levels at " + url);
        }
        int q = url.indexOf('?');
        String p = PathCanonicalizer.canonicalize(q < 0 ? url : url.substring(0, q));
        if (p == null) {
            throw new IllegalArgumentException("executeChildRequest: '" + url + "' is not a safe application path");
        }
        Exchange child = newChild(p, q < 0 ? null : url.substring(q + 1));
        child.user = user;
        child.authType = authType;
        child.roles = roles;
        child.trace = trace;
        new PipelineExecutor(pipeline).runChild(child);
        if (child.failedModule != null && failedModule == null) {
            this.subStatus = child.subStatus;
            this.failedModule = child.failedModule;
            this.failedStage = child.failedStage;
            this.failureDetail = child.failureDetail;
        }
    }

    @Override
    public TraceWriter trace() {
        return trace;
    }

    // ------------------------------------------------------------------ items

    @Override
    @SuppressWarnings("unchecked")
    public <T> T item(ItemKey<T> key) {
        Object[] a = items;
        int i = key.index();
        return a == null || i >= a.length ? null : (T) a[i];
    }

    @Override
    public <T> void setItem(ItemKey<T> key, T value) {
        int i = key.index();
        if (items == null || i >= items.length) {
            Object[] grown = new Object[Math.max(16, i + 8)];
            if (items != null) {
                System.arraycopy(items, 0, grown, 0, items.length);
            }
            items = grown;
        }
        items[i] = value;
    }

    // ------------------------------------------------------------------ request

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String originalPath() {
        return originalPath;
    }

    @Override
    public int locationIndex() {
        return location;
    }

    @Override
    public String locationPath() {
        return pipeline.locations[location].path;
    }

    @Override
    public String pathInfo() {
        return pathInfoStart >= path.length() ? "" : path.substring(pathInfoStart);
    }

    @Override
    public String queryString() {
        return queryString;
    }

    @Override
    public String localAddress() {
        return containerServerVariable("LOCAL_ADDR");
    }

    @Override
    public int localPort() {
        String port = containerServerVariable("SERVER_PORT");
        try {
            return port == null ? -1 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String protocol() {
        return containerServerVariable("SERVER_PROTOCOL");
    }

    @Override
    public long bytesReceived() {
        return -1;
    }

    @Override
    public long bytesSent() {
        return -1;
    }

    @Override
    public String requestHeader(String name) {
        if (headerOverrides != null && headerOverrides.overrides(name)) {
            List<String> v = headerOverrides.values(name);
            return v.isEmpty() ? null : v.get(0);
        }
        return containerRequestHeader(name);
    }

    @Override
    public List<String> requestHeaders(String name) {
        if (headerOverrides != null && headerOverrides.overrides(name)) {
            return headerOverrides.values(name);
        }
        return containerRequestHeaders(name);
    }

    @Override
    public Collection<String> requestHeaderNames() {
        if (headerOverrides == null) {
            return containerRequestHeaderNames();
        }
        return headerOverrides.names(containerRequestHeaderNames());
    }

    @Override
    public void setRequestHeader(String name, String value) {
        requireIntegrated();
        HeaderOverrides.checkValue(name, value);
        overrides().set(name, value);
    }

    @Override
    public void removeRequestHeader(String name) {
        requireIntegrated();
        overrides().set(name, null);
    }

    private HeaderOverrides overrides() {
        if (headerOverrides == null) {
            headerOverrides = new HeaderOverrides();
        }
        return headerOverrides;
    }

    @Override
    public String serverVariable(String name) {
        return ServerVariables.read(this, name);
    }

    @Override
    public void setServerVariable(String name, String value) {
        requireIntegrated();
        ServerVariables.write(this, name, value);
    }

    String customVariable(String name) {
        return headerOverrides == null ? null : headerOverrides.variable(name);
    }

    void setCustomVariable(String name, String value) {
        overrides().setVariable(name, value);
    }

    void requireIntegrated() {
        if (pipeline.mode != PipelineMode.INTEGRATED) {
            throw new UnsupportedOperationException(INTEGRATED_ONLY);
        }
    }

    // ------------------------------------------------------------------ user

    @Override
    public Principal user() {
        return user;
    }

    @Override
    public String authenticationType() {
        return authType;
    }

    @Override
    public boolean isUserInRole(String role) {
        return user != null && roles.contains(role);
    }

    @Override
    public Set<String> roles() {
        return roles;
    }

    @Override
    public void setUser(Principal principal, String authenticationType, Collection<String> userRoles) {
        this.user = principal;
        this.authType = principal == null ? null : authenticationType;
        this.roles = principal == null || userRoles == null || userRoles.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(userRoles));
    }

    // ------------------------------------------------------------------ response

    @Override
    public int status() {
        return containerStatus();
    }

    @Override
    public int subStatus() {
        return subStatus;
    }

    @Override
    public void setStatus(int status) {
        setStatus(status, 0);
    }

    @Override
    public void setStatus(int status, int sub) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status code");
        }
        if (containerCommitted()) {
            throw new IllegalStateException("cannot set status " + status + " after the response headers were sent");
        }
        containerSetStatus(status);
        this.subStatus = sub;
        if (status >= 400 && failedModule == null) {
            failedModule = actorName();
            failedStage = stage;
        }
        if (trace.enabled()) {
            traceStatus(status, sub);
        }
    }

    @Override
    public void setSubStatus(int sub) {
        requireIntegrated();
        this.subStatus = sub;
        if (trace.enabled()) {
            traceStatus(containerStatus(), sub);
        }
    }

    private void traceStatus(int status, int sub) {
        trace.event(TraceWriter.STATUS, TraceWriter.STATUS_CHANGED, "module", actorName(), "status", status,
                "subStatus", sub);
    }

    String handlerName() {
        if (mapping == null) {
            return "IIS Web Core";
        }
        return mapping.modules().get(0);
    }

    @Override
    public boolean trySkipCustomErrors() {
        return trySkipCustomErrors;
    }

    @Override
    public void setTrySkipCustomErrors(boolean skip) {
        this.trySkipCustomErrors = skip;
    }

    @Override
    public String responseHeader(String name) {
        return containerResponseHeader(name);
    }

    @Override
    public Collection<String> responseHeaderNames() {
        requireIntegrated();
        return containerResponseHeaderNames();
    }

    @Override
    public void setResponseHeader(String name, String value) {
        checkHeaderChange(name, value);
        containerSetResponseHeader(name, value);
    }

    @Override
    public void addResponseHeader(String name, String value) {
        checkHeaderChange(name, value);
        containerAddResponseHeader(name, value);
    }

    @Override
    public void removeResponseHeader(String name) {
        checkHeaderChange(name, "");
        containerSetResponseHeader(name, null);
    }

    private void checkHeaderChange(String name, String value) {
        if (containerCommitted()) {
            throw new IllegalStateException("cannot change header '" + name + "' after the response headers were sent");
        }
        HeaderOverrides.checkValue(name, value);
    }

    @Override
    public void setContentType(String contentType) {
        containerSetContentType(contentType);
    }

    @Override
    public boolean isResponseCommitted() {
        return containerCommitted();
    }

    @Override
    public OutputStream responseBody() throws IOException {
        return containerBody();
    }

    @Override
    public void redirect(String location, int status) throws IOException {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("status " + status + " is not a redirect status");
        }
        HeaderOverrides.checkValue("Location", location);
        decorateRedirect();
        containerRedirect(location, status);
    }

    /** Runs the pipeline's {@link RedirectDecorator} once for this response (before a redirect is sent). */
    void decorateRedirect() {
        if (!redirectDecorated && pipeline.redirectDecorator != null && !containerCommitted()) {
            redirectDecorated = true;
            pipeline.redirectDecorator.beforeRedirect(this);
        }
    }

    @Override
    public void installResponseFilter(ResponseFilter filter) {
        if (stage.ordinal() >= PipelineStage.EXECUTE_REQUEST_HANDLER.ordinal()) {
            throw new IllegalStateException("module '" + currentModuleName() + "' installed a response filter in "
                    + stage + "; filters must be installed before the handler runs");
        }
        if (responseFilters == null) {
            responseFilters = new ArrayList<>(2);
        }
        responseFilters.add(filter);
    }

    /** Response events (PRE_SEND_REQUEST_HEADERS, then _CONTENT) once, when the response is first committed. */
    public void fireResponseEvents() {
        if (!responseEventsFired) {
            responseEventsFired = true;
            PipelineExecutor.responseEvents(this);
        }
    }

    /** True when some module subscribes to the response events for this request (the response must be watched). */
    public boolean needsResponseEvents() {
        return PipelineExecutor.hasResponseEvents(this);
    }
}
