package io.stageline.servlet;

import io.stageline.Stageline;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PathProblem;
import io.stageline.engine.PipelineExecutor;
import io.stageline.engine.RequestTarget;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one Stageline filter. Mapped to {@code /*} for REQUEST dispatches (first in the chain), it runs every request of
 * the application through the compiled pipeline; the container's servlets (the default servlet for static files,
 * the application's servlets and JSPs) run as handlers inside EXECUTE_REQUEST_HANDLER.
 *
 * <p>FORWARD, INCLUDE, ERROR and ASYNC dispatches of a request already in the pipeline pass straight through: a
 * request never starts a second pipeline.
 *
 * <p>Fail closed on paths: the raw request URI is decoded independently and must agree with the container's servlet
 * path plus path info on one canonical path ({@link RequestTarget}). A request that does not (encoded {@code /} or
 * {@code \}, dot segments, {@code ;} parameters other than a trailing {@code ;jsessionid=}, control characters,
 * invalid percent-encoding or UTF-8, segments ending in {@code .} or a space, a container that decoded differently)
 * is answered 400.0 with the engine's error page before any module runs, on every container alike.
 */
public class StagelineFilter implements Filter {
    /** Request attribute holding the exchange of a request in the pipeline. */
    public static final String EXCHANGE_ATTRIBUTE = "io.stageline.exchange";
    /** Servlet-context attribute an embedding application may set to a {@link CompiledPipeline} or a source. */
    public static final String PIPELINE_ATTRIBUTE = "io.stageline.pipeline";

    private volatile CompiledPipeline pipeline;
    private PipelineSource source;
    private volatile ServletMappingIndex mappingIndex;

    /** A filter that takes its pipeline from the context attribute, else the built-in defaults. */
    public StagelineFilter() {
    }

    /** A filter with an explicit pipeline (embedded use). */
    public StagelineFilter(CompiledPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A filter that loads its pipeline from {@code source} at init. */
    public StagelineFilter(PipelineSource source) {
        this.source = source;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (pipeline != null) {
            return;
        }
        ServletContext ctx = config.getServletContext();
        Object attr = ctx.getAttribute(PIPELINE_ATTRIBUTE);
        try {
            if (source != null) {
                pipeline = source.load(ctx);
            } else if (attr instanceof CompiledPipeline p) {
                pipeline = p;
            } else if (attr instanceof PipelineSource s) {
                pipeline = s.load(ctx);
            } else {
                pipeline = Stageline.builder().build();
            }
        } catch (Exception e) {
            String app = ctx.getContextPath().isEmpty() ? "the root application" : ctx.getContextPath();
            throw new ServletException("Stageline: the pipeline of " + app + " could not be compiled: "
                    + e.getMessage(), e);
        }
        for (String w : pipeline.warnings()) {
            ctx.log("Stageline: " + w);
        }
    }

    /** The compiled pipeline in use. */
    public CompiledPipeline pipeline() {
        return pipeline;
    }

    /** Swaps in a newly compiled pipeline (a reload); requests in flight finish with the old one. */
    public void replacePipeline(CompiledPipeline next) {
        CompiledPipeline old = this.pipeline;
        this.pipeline = next;
        if (old != null && old != next) {
            old.close();
        }
    }

    @Override
    public void destroy() {
        CompiledPipeline p = pipeline;
        if (p != null) {
            p.close();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse resp)
                || request.getAttribute(EXCHANGE_ATTRIBUTE) != null) {
            chain.doFilter(request, response);
            return;
        }
        CompiledPipeline p = pipeline;
        String containerPath = servletPathOf(req);
        PathProblem problem = RequestTarget.problem(req.getRequestURI(), contextPathOf(req), containerPath);
        if (problem != null) {
            reject(p, req, resp, problem);
            return;
        }
        String path = RequestTarget.canonicalPath(req.getRequestURI(), containerPath);
        ServletExchange x = new ServletExchange(p, req, resp, chain, this, path, req.getQueryString(), 0);
        x.setRequestStartNanos(started);
        req.setAttribute(EXCHANGE_ATTRIBUTE, x);
        PipelineExecutor executor = new PipelineExecutor(p);
        boolean nonDefault = mapsToNonDefault(req) && path.equals(containerPath);
        if (!executor.start(x, nonDefault)) {
            AsyncResumer resumer = new AsyncResumer(executor, x);
            x.setResumer(resumer);
            try {
                req.getAsyncContext().addListener(resumer);
            } catch (IllegalStateException alreadyCompleted) {
                // the cycle ended before the listener could be added: RequestEndListener resumes the pipeline
            }
        }
    }

    /**
     * The canonical path: the container's decoded, normalised servlet path plus path info, once the raw URI agrees
     * with it; null when it does not. When the container mapped a directory URL to a welcome file itself (Tomcat
     * does), the directory is kept so the pipeline decides.
     */
    static String canonicalPath(HttpServletRequest req) {
        String containerPath = servletPathOf(req);
        if (RequestTarget.problem(req.getRequestURI(), contextPathOf(req), containerPath) != null) {
            return null;
        }
        return RequestTarget.canonicalPath(req.getRequestURI(), containerPath);
    }

    /** The context path as configured (decoded); Tomcat's request returns it as the client wrote it. */
    private static String contextPathOf(HttpServletRequest req) {
        ServletContext sc = req.getServletContext();
        String cp = sc != null ? sc.getContextPath() : req.getContextPath();
        return cp == null ? "" : cp;
    }

    /** Answers 400.0 with the engine's error page; the exchange exists only to render it, no module runs. */
    private void reject(CompiledPipeline p, HttpServletRequest req, HttpServletResponse resp, PathProblem problem)
            throws IOException {
        ServletExchange x = new ServletExchange(p, req, resp, null, this, "/", null, 0);
        PipelineExecutor.reject(x, problem.status(), problem.subStatus(), "StagelineFilter",
                "Rejected URL: " + problem.message(), printable(req.getRequestURI()));
    }

    /** The raw URI with control and non-ASCII characters percent-encoded, for the error page. */
    static String printable(String uri) {
        if (uri == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(uri.length() + 8);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c > 0x20 && c < 0x7f) {
                sb.append(c);
                continue;
            }
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return sb.toString();
    }

    private static String servletPathOf(HttpServletRequest req) {
        String sp = req.getServletPath();
        String pi = req.getPathInfo();
        String path = pi == null ? sp : sp + pi;
        return path.isEmpty() ? "/" : path;
    }

    /** True when the container mapped this request to a servlet other than its default servlet. */
    boolean mapsToNonDefault(HttpServletRequest req) {
        HttpServletMapping m = req.getHttpServletMapping();
        if (m == null || m.getMappingMatch() == null) {
            return false;
        }
        if (m.getMappingMatch() == MappingMatch.DEFAULT) {
            return false;
        }
        String defaultName = mappingIndex(req.getServletContext()).defaultServletName();
        return defaultName == null || !defaultName.equals(m.getServletName());
    }

    ServletMappingIndex mappingIndex(ServletContext ctx) {
        ServletMappingIndex idx = mappingIndex;
        if (idx == null) {
            idx = new ServletMappingIndex(ctx);
            mappingIndex = idx;
        }
        return idx;
    }
}
