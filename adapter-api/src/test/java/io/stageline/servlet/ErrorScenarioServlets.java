package io.stageline.servlet;

import io.stageline.api.RequestContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Servlets of the error and protocol scenarios: legacy servlets that answer errors their own way. */
public final class ErrorScenarioServlets {
    private ErrorScenarioServlets() {
    }

    /** {@code sendError(status[, msg])}; with {@code write} it takes the writer and writes a little first. */
    public static final class SendError extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int status = req.getParameter("status") == null ? 404 : Integer.parseInt(req.getParameter("status"));
            if (req.getParameter("write") != null) {
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().print("partial servlet output");
            }
            String msg = req.getParameter("msg");
            if (msg == null) {
                resp.sendError(status);
            } else {
                resp.sendError(status, msg);
            }
        }
    }

    /** Sets 404 and writes its own error body. */
    public static final class OwnError extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(404);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("servlet's own 404 body");
        }
    }

    /** A Stageline-aware servlet: asks CustomErrors to leave its error alone, then calls sendError(404). */
    public static final class TrySkip extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ((RequestContext) req.getAttribute(StagelineFilter.EXCHANGE_ATTRIBUTE)).setTrySkipCustomErrors(true);
            resp.sendError(404);
        }
    }

    /** Answers 200 with a short text. */
    public static final class Hello extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("servlet ok");
        }
    }

    /** Calls {@code sendRedirect("/hello.html")}. */
    public static final class Redirect extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendRedirect("/hello.html");
        }
    }
}
