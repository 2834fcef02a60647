package io.stageline.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Servlets of the end-to-end test application: plain legacy servlets that know nothing of Stageline. */
public final class ScenarioServlets {
    private ScenarioServlets() {
    }

    /** Echoes method, path, a request header and the user, as a legacy servlet would. */
    public static final class Legacy extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("legacy:" + req.getMethod() + ":" + req.getServletPath()
                    + ":header=" + req.getHeader("X-Stageline-Added")
                    + ":user=" + req.getRemoteUser());
        }
    }

    /** Completes asynchronously on another thread. */
    public static final class Async extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            ac.start(() -> {
                try {
                    resp.setContentType("text/plain");
                    resp.getWriter().print("async done");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    ac.complete();
                }
            });
        }
    }
}
