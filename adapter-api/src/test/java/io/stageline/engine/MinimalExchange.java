package io.stageline.engine;

import io.stageline.api.ResponseFilter;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/**
 * The smallest possible container side: every abstract method is trivial and nothing is kept in maps, so what a
 * request allocates is what the engine allocates (plus this object). {@code resource} is what every path resolves to;
 * servlets and the default servlet do nothing (their work is not the engine's). Used by the hot-path allocation test
 * and by the JMH dispatch benchmarks (src/bench/java).
 */
public final class MinimalExchange extends Exchange {
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private final ResourceKind resource;
    private int status = 200;

    MinimalExchange(CompiledPipeline pipeline, String method, String path) {
        this(pipeline, method, path, ResourceKind.NONE);
    }

    public MinimalExchange(CompiledPipeline pipeline, String method, String path, ResourceKind resource) {
        super(pipeline, method, path, null, 0);
        this.resource = resource;
    }

    @Override
    protected String containerRequestHeader(String name) {
        return null;
    }

    @Override
    protected List<String> containerRequestHeaders(String name) {
        return List.of();
    }

    @Override
    protected Collection<String> containerRequestHeaderNames() {
        return List.of();
    }

    @Override
    protected String containerServerVariable(String name) {
        return null;
    }

    @Override
    protected int containerStatus() {
        return status;
    }

    @Override
    protected void containerSetStatus(int s) {
        status = s;
    }

    @Override
    protected String containerResponseHeader(String name) {
        return null;
    }

    @Override
    protected Collection<String> containerResponseHeaderNames() {
        return List.of();
    }

    @Override
    protected void containerSetResponseHeader(String name, String value) {
        // discarded
    }

    @Override
    protected void containerAddResponseHeader(String name, String value) {
        // discarded
    }

    @Override
    protected void containerSetContentType(String contentType) {
        // discarded
    }

    @Override
    protected boolean containerCommitted() {
        return false;
    }

    @Override
    protected OutputStream containerBody() {
        return DISCARD;
    }

    @Override
    protected void containerRedirect(String location, int s) {
        status = s;
    }

    @Override
    protected void containerWriteErrorPage(int s, String contentType, String body) {
        status = s;
    }

    @Override
    protected boolean containerHasBody() {
        return false;
    }

    @Override
    protected void containerApplyResponseFilters(List<ResponseFilter> filters) {
        // nothing captured
    }

    @Override
    protected void log(String message, Throwable t) {
        // discarded
    }

    @Override
    public ResourceKind resourceKind(String resourcePath) {
        return resource;
    }

    @Override
    public List<String> listDirectory(String resourcePath) {
        return List.of();
    }

    @Override
    public void invokeServlet(String servletName) {
        // no servlets
    }

    @Override
    public void invokeDefaultServlet() {
        // no static files
    }

    @Override
    public boolean containerMapsToNonDefaultServlet(String resourcePath) {
        return false;
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    protected Exchange newChild(String childPath, String childQuery) {
        throw new UnsupportedOperationException("no child requests");
    }

    @Override
    public String contextPath() {
        return "";
    }

    @Override
    public String rawUri() {
        return path();
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return null;
    }
}
