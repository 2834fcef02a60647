package io.stageline.samples.tomcat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stands in for Jasper's JSP servlet, which the launcher does not carry: a JSP is answered 500, never sent as source
 * by the default servlet. Standalone Jetty without its JSP module does the same.
 */
public final class NoJspServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "JSP support is not part of the sample launcher");
    }
}
