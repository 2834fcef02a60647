package io.stageline.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;

/** The servlets of {@link CaptureScenarios} and {@link CacheScenarios}. */
public final class CaptureServlets {
    /** Invocations of {@link Counted}, by path. */
    static final java.util.Map<String, AtomicInteger> COUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    private CaptureServlets() {
    }

    static int count(String path) {
        AtomicInteger c = COUNTS.get(path);
        return c == null ? 0 : c.get();
    }

    /** Writes a short text. */
    public static final class Say extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write("servlet says hi");
        }
    }

    /** A legacy servlet that reports the request headers and attributes it sees, one per line. */
    public static final class Echo extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            StringBuilder sb = new StringBuilder();
            sb.append("X-Added=").append(req.getHeader("X-Added")).append('\n');
            sb.append("all=").append(Collections.list(req.getHeaders("X-Added"))).append('\n');
            sb.append("int=").append(req.getIntHeader("X-Added")).append('\n');
            sb.append("date=").append(req.getDateHeader("If-Modified-Since")).append('\n');
            sb.append("removed=").append(req.getHeader("X-Remove-Me")).append('\n');
            boolean listed = false;
            boolean removedListed = false;
            for (String n : Collections.list(req.getHeaderNames())) {
                listed |= n.equalsIgnoreCase("X-Added");
                removedListed |= n.equalsIgnoreCase("X-Remove-Me");
            }
            sb.append("names=").append(listed).append(',').append(removedListed).append('\n');
            sb.append("fromVariable=").append(req.getHeader("X-From-Var")).append('\n');
            sb.append("MY_VAR=").append(req.getAttribute("MY_VAR")).append('\n');
            resp.getWriter().write(sb.toString());
        }
    }

    /** Streams {@code n} bytes (query parameter, default 4000) through the output stream. */
    public static final class Bulk extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            int n = req.getParameter("n") == null ? 4000 : Integer.parseInt(req.getParameter("n"));
            OutputStream out = resp.getOutputStream();
            byte[] chunk = new byte[100];
            java.util.Arrays.fill(chunk, (byte) 'b');
            for (int left = n; left > 0; left -= chunk.length) {
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
        }
    }

    /**
     * Counts its invocations per path; answers "count=N path?query" (plus the Accept-Language it saw). Paths that
     * contain {@code cookie} set a cookie; paths with {@code large} answer 4000 bytes.
     */
    public static final class Counted extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            int n = COUNTS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            resp.setContentType("text/plain;charset=UTF-8");
            if (path.contains("cookie")) {
                resp.addHeader("Set-Cookie", "visit=" + n);
            }
            String text = "count=" + n + " " + path + (req.getQueryString() == null ? "" : "?" + req.getQueryString())
                    + " lang=" + req.getHeader("Accept-Language");
            if (path.contains("large")) {
                text = text + " " + "L".repeat(4000);
            }
            resp.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
