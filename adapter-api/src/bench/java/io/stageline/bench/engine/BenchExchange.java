package io.stageline.bench.engine;

import io.stageline.api.ResponseFilter;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.Exchange;
import io.stageline.engine.ResourceKind;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/**
 * The cheapest possible container side for measuring the engine: every container method is a constant or a field, so
 * what one request allocates is this object plus what the engine allocates. {@code resource} is what every path
 * resolves to (FILE for the static-file benchmark), and the servlet and default-servlet calls do nothing.
 */
final class BenchExchange extends Exchange {
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private final ResourceKind resource;
    private int status = 200;

    BenchExchange(CompiledPipeline pipeline, String method, String path, ResourceKind resource) {
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
        // the servlet's own work is not the engine's
    }

    @Override
    public void invokeDefaultServlet() {
        // the container writes the bytes; not the engine's work
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
        throw new UnsupportedOperationException("no child requests in the benchmark");
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
