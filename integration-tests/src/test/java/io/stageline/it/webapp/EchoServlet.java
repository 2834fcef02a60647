package io.stageline.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A legacy servlet of the conformance applications (web.xml, {@code /legacy/*}): knows nothing of Stageline, echoes
 * method, servlet path, path info and the header a module may have set, and records
 * {@code EXECUTE_REQUEST_HANDLER:servlet}.
 */
public class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Recordings.record(req.getHeader(Recordings.ID_HEADER), "EXECUTE_REQUEST_HANDLER:servlet");
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("servlet:" + req.getMethod() + ":" + req.getServletPath() + ":" + req.getPathInfo()
                + ":header=" + req.getHeader(RecorderModule.HEADER));
    }
}
