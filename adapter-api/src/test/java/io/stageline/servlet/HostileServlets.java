package io.stageline.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * The protected application of the hostile-URL suite. Markers are random per run, so no URL, error page or echo can
 * contain one by accident: a response that contains a marker is protected content.
 */
public final class HostileServlets {
    public static final String STATIC_MARKER = "STATIC-SECRET-" + UUID.randomUUID();
    public static final String REPORT_MARKER = "REPORT-SECRET-" + UUID.randomUUID();
    public static final String DO_MARKER = "DO-SECRET-" + UUID.randomUUID();
    public static final String DO_PUBLIC = "do-public";

    private HostileServlets() {
    }

    /** The exact mapping {@code /admin/report}: always secret. */
    public static final class Report extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("report " + REPORT_MARKER);
        }
    }

    /**
     * The suffix mapping {@code *.do}: an admin action whenever the path the container gives it looks like the admin
     * area to a lenient application (first segment {@code admin} in any case, trailing dots and spaces ignored, as on
     * Windows), otherwise a public answer.
     */
    public static final class Action extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print(looksLikeAdmin(path) ? "action " + DO_MARKER : DO_PUBLIC);
        }

        static boolean looksLikeAdmin(String path) {
            String p = path.startsWith("/") ? path.substring(1) : path;
            int slash = p.indexOf('/');
            String first = slash < 0 ? p : p.substring(0, slash);
            int end = first.length();
            while (end > 0 && (first.charAt(end - 1) == '.' || first.charAt(end - 1) == ' ')) {
                end--;
            }
            return first.substring(0, end).toLowerCase(Locale.ROOT).equals("admin");
        }
    }

    /** True when {@code body} contains any marker. */
    public static boolean leaks(String body) {
        return body.contains(STATIC_MARKER) || body.contains(REPORT_MARKER) || body.contains(DO_MARKER);
    }
}
