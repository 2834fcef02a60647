package io.stageline.tomcat;

import io.stageline.servlet.CaptureScenarios;
import io.stageline.servlet.ServletContainer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The capture scenarios on embedded Tomcat 11.
 *
 * <p>Zero-copy evidence: Tomcat's {@code DefaultServlet} hands a file larger than {@code sendfileSize} (48 KiB) to
 * sendfile only when the request and response are Tomcat's own facades, and says so by setting the request attribute
 * {@code org.apache.tomcat.sendfile.filename}; the connector then sends the file after the servlet returns.
 */
class TomcatCaptureScenariosTest extends CaptureScenarios {
    static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

    @Override
    protected ServletContainer container() {
        return new TomcatContainer();
    }

    @Override
    protected String zeroCopyEvidence(HttpServletRequest req, HttpServletResponse resp) {
        return req.getAttribute(SENDFILE_FILENAME) != null ? zeroCopyMarker() : COPIED;
    }

    @Override
    protected int zeroCopyFileSize() {
        return 256 * 1024;
    }

    @Override
    protected String zeroCopyMarker() {
        return "sendfile";
    }
}
