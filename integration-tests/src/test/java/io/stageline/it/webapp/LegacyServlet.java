package io.stageline.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A legacy servlet of the test application, declared in its web.xml: knows nothing of Stageline. */
public class LegacyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("legacy:" + req.getMethod() + ":" + req.getServletPath() + ":" + req.getPathInfo());
    }
}
