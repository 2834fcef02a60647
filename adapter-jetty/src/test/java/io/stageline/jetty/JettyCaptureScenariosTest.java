package io.stageline.jetty;

import io.stageline.servlet.CaptureScenarios;
import io.stageline.servlet.ServletContainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

/**
 * The capture scenarios on embedded Jetty 12.1 (ee11).
 *
 * <p>Zero-copy evidence: Jetty's {@code ResourceServlet} writes its (cached, possibly direct or file-mapped) buffers
 * straight to the core response only when it is handed Jetty's own {@code ServletApiResponse}; with a wrapper it
 * wraps that in a {@code ServletCoreResponse}, which writes through {@code getOutputStream()}. So after the default
 * servlet served a body, the servlet-level response of the request is still neither streaming nor writing exactly
 * when the direct path was taken. The file is smaller than Jetty's output buffer (32 KiB), so the servlet writes it
 * blocking; larger files are written asynchronously (same direct path), and then Jetty did not call the pipeline's
 * AsyncListener in these tests, so the end stages that hold the probe did not run (see docs/response-capture.md).
 */
class JettyCaptureScenariosTest extends CaptureScenarios {
    @Override
    protected ServletContainer container() {
        return new JettyContainer();
    }

    @Override
    protected String zeroCopyEvidence(HttpServletRequest req, HttpServletResponse resp) {
        ServletContextRequest scr = ServletContextRequest.getServletContextRequest(req);
        return scr.getServletContextResponse().isWritingOrStreaming() ? COPIED : zeroCopyMarker();
    }

    @Override
    protected int zeroCopyFileSize() {
        return 16 * 1024;
    }

    @Override
    protected String zeroCopyMarker() {
        return "direct";
    }
}
