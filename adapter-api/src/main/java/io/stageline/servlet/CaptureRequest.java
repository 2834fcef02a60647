package io.stageline.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the container's default servlet sees it while Stageline captures the static file's body: the servlet
 * must write it synchronously (Jetty's ResourceServlet goes async for large files when it may, and the pipeline could
 * then release the capture only after the container completed the response), and a HEAD with response filters runs as
 * GET, so that the filtered length can be sent as Content-Length (no body is sent). Capturing already costs the
 * zero-copy path, so this wrapper costs nothing more.
 */
final class CaptureRequest extends HttpServletRequestWrapper {
    private final boolean headAsGet;

    CaptureRequest(HttpServletRequest request, boolean headAsGet) {
        super(request);
        this.headAsGet = headAsGet;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public String getMethod() {
        return headAsGet ? "GET" : super.getMethod();
    }
}
