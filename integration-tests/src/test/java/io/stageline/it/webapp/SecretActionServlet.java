package io.stageline.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The hostile-URL suite's suffix mapping {@code *.do}, written as a lenient application would: it answers with its
 * secret marker (init parameter {@code marker}) whenever the path the container gives it looks like the admin area
 * (first segment {@code admin} in any case, trailing dots and spaces ignored, as on Windows), and with
 * {@code publicAnswer} otherwise. Only Stageline stands between a crafted URL and the marker.
 */
public class SecretActionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print(looksLikeAdmin(path) ? "action " + getInitParameter("marker")
                : getInitParameter("publicAnswer"));
    }

    private static boolean looksLikeAdmin(String path) {
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
