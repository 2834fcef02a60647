package io.stageline.samples.hello;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The sample's legacy servlet: a plain {@link HttpServlet} declared in {@code WEB-INF/web.xml} and loaded from
 * {@code WEB-INF/classes}, which knows nothing about Stageline. In integrated mode the pipeline runs it through the
 * ServletIntegrated mapping; in classic mode through ServletDelegation.
 */
public class HelloServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String greeting = getInitParameter("greeting");
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter w = resp.getWriter();
        w.println((greeting == null ? "Hello" : greeting) + " from HelloServlet, a legacy servlet declared in web.xml.");
        w.println("Container: " + getServletContext().getServerInfo());
        w.println("Request URI: " + req.getRequestURI());
        w.println("User: " + (req.getRemoteUser() == null ? "(anonymous)" : req.getRemoteUser()));
    }
}
