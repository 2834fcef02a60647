package io.stageline.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The hostile-URL suite's exact mapping {@code /admin/report}: answers every verb with its secret marker, the init
 * parameter {@code marker} that the test writes into web.xml (random per run, so only this servlet can produce it).
 */
public class SecretReportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("report " + getInitParameter("marker"));
    }
}
