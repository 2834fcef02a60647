package io.stageline.engine;

import io.stageline.api.RequestContext;
import io.stageline.api.ResponseFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

/**
 * The container side of an exchange: what the engine needs from the servlet container (request headers, the
 * response, resources, servlets), implemented by the servlet layer and by the in-memory exchange of the tests. Kept
 * apart from {@link Exchange}, which holds the container-independent per-request state.
 */
public abstract class ContainerExchange implements RequestContext {

    protected abstract String containerRequestHeader(String name);

    protected abstract List<String> containerRequestHeaders(String name);

    protected abstract Collection<String> containerRequestHeaderNames();

    /** Computed server variables the container knows (SERVER_NAME, SERVER_PORT, REMOTE_ADDR, ...), or null. */
    protected abstract String containerServerVariable(String name);

    protected abstract int containerStatus();

    protected abstract void containerSetStatus(int status);

    protected abstract String containerResponseHeader(String name);

    protected abstract Collection<String> containerResponseHeaderNames();

    /** Sets ({@code value != null}) or removes ({@code null}) a response header. */
    protected abstract void containerSetResponseHeader(String name, String value);

    protected abstract void containerAddResponseHeader(String name, String value);

    protected abstract void containerSetContentType(String contentType);

    protected abstract boolean containerCommitted();

    protected abstract OutputStream containerBody() throws IOException;

    protected abstract void containerRedirect(String location, int status) throws IOException;

    /** Writes a complete error response (status, page) if the response is not committed. */
    protected abstract void containerWriteErrorPage(int status, String contentType, String body) throws IOException;

    /** True when the response body already holds bytes (then no error page replaces it). */
    protected abstract boolean containerHasBody();

    /** Applies the installed response filters to the captured body and writes the result (once). */
    protected abstract void containerApplyResponseFilters(List<ResponseFilter> filters) throws IOException;

    /** Logs a problem the pipeline handled (a second error in the end stages, a failing callback...). */
    protected abstract void log(String message, Throwable t);

    /** What {@code path} maps to in the application's resources. */
    public abstract ResourceKind resourceKind(String resourcePath);

    /** The entries of a directory (names, directories with a trailing {@code /}), or an empty list. */
    public abstract List<String> listDirectory(String resourcePath);

    /**
     * Runs a servlet as the handler: {@code "*"} = the servlet the container mapped this request to, otherwise the
     * servlet with that name. Returns when the servlet returns (it may have started async processing).
     */
    public abstract void invokeServlet(String servletName) throws Exception;

    /** Lets the container's default servlet write the static resource at {@link #path()}. */
    public abstract void invokeDefaultServlet() throws Exception;

    /** True when the container maps {@code resourcePath} to a servlet other than its default servlet. */
    public abstract boolean containerMapsToNonDefaultServlet(String resourcePath);

    /** True when the handler started asynchronous processing that has not completed yet. */
    public abstract boolean isAsyncStarted();

    /** Creates the exchange of a child request for {@code childPath} (already canonical). */
    protected abstract Exchange newChild(String childPath, String childQuery);

    /** The bytes of the application resource at {@code resourcePath}, or null when there is none (or no container). */
    protected byte[] containerReadResource(String resourcePath) throws IOException {
        return null;
    }

    /** Discards the uncommitted response body (bytes buffered by the container or a wrapper); headers stay. */
    protected void containerResetBody() {
        // containers without a buffer have nothing to discard
    }

    /** The status a servlet passed to {@code sendError} while Stageline held it back, or 0. */
    protected int containerHeldSendError() {
        return 0;
    }

    /** True when a container servlet wrote to the response unwatched (static files, unwatched servlets). */
    protected boolean containerBodyUnknown() {
        return false;
    }

    /** Hands a held-back {@code sendError} to the container, which then renders its own error page. */
    protected void containerReleaseSendError() throws IOException {
        // nothing was held back
    }


    /** The content type the container's own MIME mapping gives {@code resourcePath}, or null when it has none. */
    protected String containerMimeType(String resourcePath) {
        return null;
    }

    /** The content type the container's default servlet would send for {@code resourcePath}, or null. */
    public String containerContentTypeFor(String resourcePath) {
        return containerMimeType(resourcePath);
    }
}
