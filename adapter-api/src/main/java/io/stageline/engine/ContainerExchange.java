package io.stageline.engine;

import io.stageline.api.PipelineStage;
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
    /** -1 while no module asked for the body; else the most bytes a module can use (see captureResponseBody). */
    private long captureFor = -1;
    private byte[] finalBody;

    /**
     * Asks the servlet layer to hold the whole response body of this request so that a module can read it in
     * UPDATE_REQUEST_CACHE ({@link #capturedResponseBody()}); the output cache asks for it. Capturing wraps the
     * response, which costs the containers' zero-copy paths (Tomcat sendfile, Jetty's direct buffers), so a module
     * MUST ask only for requests whose body it will use. A body that grows past {@code maxBytes} (and past the
     * mapping's {@code responseBufferLimit}) is sent on unfiltered by this capture and is not available. Response
     * filters capture the whole body whatever the limit. Allowed before EXECUTE_REQUEST_HANDLER only.
     */
    public void captureResponseBody(long maxBytes) {
        if (stage().ordinal() >= PipelineStage.EXECUTE_REQUEST_HANDLER.ordinal()) {
            throw new IllegalStateException("the response body can be captured only if asked before the handler "
                    + "runs; asked in " + stage());
        }
        captureFor = Math.max(captureFor, Math.max(0, maxBytes));
    }

    /** The largest body a module asked to capture ({@link #captureResponseBody(long)}), or -1 when none asked. */
    public long bodyCaptureLimit() {
        return captureFor;
    }

    /**
     * The complete response body as sent (after response filters), from UPDATE_REQUEST_CACHE on, when a module asked
     * for it and the whole body was held; null otherwise (not asked, larger than asked, flushed by the container, or
     * the handler failed).
     */
    public byte[] capturedResponseBody() {
        return finalBody;
    }

    /** The servlet layer hands over the final body when it releases a capture a module asked for. */
    protected void keepCapturedBody(byte[] body) {
        this.finalBody = body;
    }

    /**
     * Every response header as {@code {name, value}} pairs (repeated names as separate pairs, the content type
     * included), whatever the pipeline mode: native modules such as the output cache copy the response with it.
     */
    public List<String[]> responseHeaderPairs() {
        List<String[]> out = new java.util.ArrayList<>();
        for (String name : containerResponseHeaderNames()) {
            out.add(new String[] {name, containerResponseHeader(name)});
        }
        return out;
    }

    /**
     * The last-modified time of the application file at {@code resourcePath} in epoch milliseconds, or -1 when the
     * path is not a file the container can date (the output cache's CacheUntilChange policy).
     */
    public long resourceLastModified(String resourcePath) {
        return -1;
    }

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

    /**
     * Releases the captured body (once): applies the installed response filters ({@code filters} may be empty when
     * only a module asked for the body), keeps the result for {@link #capturedResponseBody()} when a module asked for
     * it, and writes it to the response.
     */
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

    /**
     * Sends what a response wrapper still holds (not captured for filters): called once at the end of the ordinary
     * stages, so modules after the handler can still change headers of a response within {@code responseBufferLimit}.
     */
    protected void containerReleaseResponse() throws IOException {
        // containers without a wrapper hold nothing
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
