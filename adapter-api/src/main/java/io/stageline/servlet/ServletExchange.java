package io.stageline.servlet;

import io.stageline.api.ResponseFilter;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.Exchange;
import io.stageline.engine.ResourceKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The exchange of a servlet request: the engine's container side implemented with the servlet API. The request and
 * response reach the container's servlets unwrapped unless this request needs a wrapper (changed headers, a user set
 * by a module for a non-static handler, response filters or response events).
 */
final class ServletExchange extends Exchange {
    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final FilterChain chain;
    private final StagelineFilter filter;
    private final boolean containerMapped;
    private final ServletExchange root;
    private StagelineResponse wrapped;
    private AsyncResumer resumer;
    private String kindPath;
    private ResourceKind kindCache;
    private ServletErrorWatch errorWatch;
    private long bodyBytes;
    private boolean bodyUnknown;

    ServletExchange(CompiledPipeline pipeline, HttpServletRequest req, HttpServletResponse resp, FilterChain chain,
                    StagelineFilter filter, String path, String query, int depth) {
        super(pipeline, req.getMethod(), path, query, depth);
        this.req = req;
        this.resp = resp;
        this.chain = chain;
        this.filter = filter;
        this.containerMapped = chain != null;
        this.root = this;
    }

    private ServletExchange(ServletExchange parent, String path, String query) {
        super(parent.pipeline(), parent.req.getMethod(), path, query, parent.depth() + 1);
        this.req = parent.req;
        this.resp = parent.resp;
        this.chain = null;
        this.filter = parent.filter;
        this.containerMapped = false;
        this.root = parent.root;
    }

    /** The resumer of a request whose handler went async, or null. */
    AsyncResumer resumer() {
        return resumer;
    }

    void setResumer(AsyncResumer r) {
        this.resumer = r;
    }

    /** The response wrapper installed for the handler, or null. */
    StagelineResponse wrappedResponse() {
        return wrapped;
    }

    // ---------------------------------------------------------------- request facts

    @Override
    public String contextPath() {
        return req.getContextPath();
    }

    @Override
    public String rawUri() {
        String q = req.getQueryString();
        return q == null ? req.getRequestURI() : req.getRequestURI() + "?" + q;
    }

    @Override
    public String remoteAddress() {
        return req.getRemoteAddr();
    }

    @Override
    public String localAddress() {
        return req.getLocalAddr();
    }

    @Override
    public int localPort() {
        return req.getLocalPort();
    }

    @Override
    public String protocol() {
        return req.getProtocol();
    }

    @Override
    public long bytesReceived() {
        return req.getContentLengthLong();
    }

    @Override
    public long bytesSent() {
        if (bodyBytes > 0) {
            return bodyBytes;
        }
        String length = resp.getHeader("Content-Length");
        if (length != null) {
            try {
                return Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public boolean isLocal() {
        String a = req.getRemoteAddr();
        return a != null && (a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")
                || a.equals("[::1]"));
    }

    @Override
    public boolean isSecure() {
        return req.isSecure();
    }

    @Override
    protected String containerRequestHeader(String name) {
        return req.getHeader(name);
    }

    @Override
    protected List<String> containerRequestHeaders(String name) {
        return Collections.list(req.getHeaders(name));
    }

    @Override
    protected Collection<String> containerRequestHeaderNames() {
        return Collections.list(req.getHeaderNames());
    }

    @Override
    protected String containerServerVariable(String name) {
        return switch (name) {
            case "SERVER_NAME" -> req.getServerName();
            case "SERVER_PORT" -> Integer.toString(req.getServerPort());
            case "SERVER_PROTOCOL" -> req.getProtocol();
            case "REMOTE_HOST" -> req.getRemoteHost();
            case "REMOTE_PORT" -> Integer.toString(req.getRemotePort());
            case "LOCAL_ADDR" -> req.getLocalAddr();
            case "CONTENT_TYPE" -> req.getContentType();
            case "CONTENT_LENGTH" -> req.getContentLengthLong() < 0 ? null : Long.toString(req.getContentLengthLong());
            case "PATH_TRANSLATED" -> physicalPath(path());
            default -> null;
        };
    }

    /**
     * The file the canonical path maps to, whether it exists or not, as IIS's PATH_TRANSLATED: Jetty's
     * {@code getRealPath} answers null for a missing resource where Tomcat's answers the would-be file, so a missing
     * one is resolved against the application's root instead.
     */
    private String physicalPath(String p) {
        ServletContext sc = req.getServletContext();
        String real = sc.getRealPath(p);
        if (real != null || p.length() <= 1) {
            return real;
        }
        String root = sc.getRealPath("/");
        if (root == null) {
            return null;
        }
        String relative = p.substring(1).replace('/', File.separatorChar);
        return root.endsWith(File.separator) ? root + relative : root + File.separator + relative;
    }

    @Override
    public String requestParameter(String name) {
        if (req.getCharacterEncoding() == null) {
            try {
                req.setCharacterEncoding("UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return req.getParameter(name);
    }

    @Override
    public Set<String> containerLogin(String userName, String password, Collection<String> candidateRoles) {
        try {
            req.login(userName, password);
        } catch (ServletException | RuntimeException e) {
            return null;
        }
        try {
            Set<String> held = new java.util.LinkedHashSet<>();
            for (String role : candidateRoles) {
                if (req.isUserInRole(role)) {
                    held.add(role);
                }
            }
            return held;
        } finally {
            try {
                req.logout();
            } catch (ServletException | RuntimeException e) {
                log("the container refused to log out a user Stageline checked", e);
            }
        }
    }

    // ---------------------------------------------------------------- response

    @Override
    protected int containerStatus() {
        return resp.getStatus();
    }

    @Override
    protected void containerSetStatus(int status) {
        resp.setStatus(status);
    }

    @Override
    protected String containerResponseHeader(String name) {
        return resp.getHeader(name);
    }

    @Override
    protected Collection<String> containerResponseHeaderNames() {
        return resp.getHeaderNames();
    }

    @Override
    protected void containerSetResponseHeader(String name, String value) {
        resp.setHeader(name, value);
    }

    @Override
    protected void containerAddResponseHeader(String name, String value) {
        resp.addHeader(name, value);
    }

    @Override
    protected void containerSetContentType(String contentType) {
        resp.setContentType(contentType);
    }

    @Override
    protected boolean containerCommitted() {
        return resp.isCommitted() || (wrapped != null && wrapped.passedThrough());
    }

    @Override
    protected OutputStream containerBody() throws IOException {
        OutputStream target = wrapped != null ? wrapped.getOutputStream() : resp.getOutputStream();
        boolean unwatched = wrapped == null;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (unwatched) {
                    // a module writes straight to the container, which may commit: the response events go first
                    fireResponseEvents();
                }
                root.bodyBytes += len;
                target.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                target.flush();
            }
        };
    }

    @Override
    protected void containerRedirect(String location, int status) throws IOException {
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
        resp.flushBuffer();
    }

    @Override
    protected void containerWriteErrorPage(int status, String contentType, String body) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        if (wrapped != null) {
            wrapped.resetCaptured();
        }
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setContentType(contentType);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out;
        try {
            out = resp.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            // the servlet took the writer before its error: write the page through it (its charset is fixed by now)
            resp.getWriter().write(body);
            return;
        }
        resp.setContentLength(bytes.length);
        out.write(bytes);
    }

    @Override
    protected boolean containerHasBody() {
        if (error() != null) {
            return false;
        }
        ServletExchange r = root;
        return r.bodyBytes > 0 || (wrapped != null && wrapped.hasBody())
                || (r.errorWatch != null && r.errorWatch.hasBody());
    }

    @Override
    protected void containerResetBody() {
        if (wrapped != null) {
            wrapped.resetCaptured();
        }
        ServletExchange r = root;
        r.bodyBytes = 0;
        if (r.errorWatch != null) {
            r.errorWatch.resetCount();
        }
        if (!resp.isCommitted()) {
            resp.resetBuffer();
        }
    }

    @Override
    protected void containerReleaseResponse() throws IOException {
        if (wrapped != null) {
            wrapped.drain();
        }
    }

    @Override
    protected boolean containerBodyUnknown() {
        return root.bodyUnknown;
    }

    @Override
    protected int containerHeldSendError() {
        return root.errorWatch == null ? 0 : root.errorWatch.heldStatus();
    }

    @Override
    protected void containerReleaseSendError() throws IOException {
        if (root.errorWatch != null) {
            root.errorWatch.release();
        }
    }

    @Override
    protected byte[] containerReadResource(String resourcePath) throws IOException {
        try (InputStream in = req.getServletContext().getResourceAsStream(resourcePath)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Override
    protected void containerApplyResponseFilters(List<ResponseFilter> filters) throws IOException {
        if (wrapped == null || !wrapped.capturing() || wrapped.isCommitted()) {
            return;
        }
        byte[] body = wrapped.captured();
        wrapped.resetCaptured();
        int status = resp.getStatus();
        boolean bodyless = status == 204 || status == 304;
        boolean head = "HEAD".equals(method());
        if (!filters.isEmpty() && !bodyless && (!head || body.length > 0)) {
            // HEAD of a static file ran as GET (CaptureRequest) so that the filtered length is known
            body = filter(filters, body);
        }
        if (bodyCaptureLimit() >= 0 && error() == null && !head) {
            keepCapturedBody(body);
        }
        fireResponseEvents();
        if (bodyless || (head && body.length == 0)) {
            return;
        }
        if (!resp.isCommitted()) {
            resp.setContentLength(body.length);
        }
        if (!head) {
            resp.getOutputStream().write(body);
        }
    }

    private byte[] filter(List<ResponseFilter> filters, byte[] body) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream(Math.max(32, body.length));
        OutputStream out = sink;
        for (int i = filters.size() - 1; i >= 0; i--) {
            out = filters.get(i).wrap(out, this);
        }
        out.write(body);
        out.close();
        return sink.toByteArray();
    }

    @Override
    protected void log(String message, Throwable t) {
        if (t == null) {
            req.getServletContext().log("Stageline: " + message);
        } else {
            req.getServletContext().log("Stageline: " + message, t);
        }
    }

    // ---------------------------------------------------------------- resources

    @Override
    public ResourceKind resourceKind(String resourcePath) {
        if (resourcePath.equals(kindPath)) {
            return kindCache;
        }
        boolean slash = resourcePath.endsWith("/") && resourcePath.length() > 1;
        String p = slash ? resourcePath.substring(0, resourcePath.length() - 1) : resourcePath;
        ResourceKind kind = pipeline().resourceKinds().kind(p, req.getServletContext(), ServletExchange::kindOf);
        kind = slash && kind == ResourceKind.FILE ? ResourceKind.NONE : kind;
        kindPath = resourcePath;
        kindCache = kind;
        return kind;
    }

    /** One stat of the real file where the application is unpacked; the resource API for packed applications. */
    private static ResourceKind kindOf(ServletContext ctx, String p) {
        String real = ctx.getRealPath(p);
        if (real != null) {
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(real), BasicFileAttributes.class);
                return a.isDirectory() ? ResourceKind.DIRECTORY
                        : a.isRegularFile() ? ResourceKind.FILE : ResourceKind.NONE;
            } catch (IOException | InvalidPathException e) {
                return ResourceKind.NONE;
            }
        }
        try {
            if (!p.equals("/") && ctx.getResource(p) == null) {
                return ResourceKind.NONE;
            }
        } catch (MalformedURLException e) {
            return ResourceKind.NONE;
        }
        Set<String> entries = ctx.getResourcePaths(p.endsWith("/") ? p : p + "/");
        return entries != null && !entries.isEmpty() ? ResourceKind.DIRECTORY : ResourceKind.FILE;
    }

    @Override
    protected String containerMimeType(String resourcePath) {
        return req.getServletContext().getMimeType(resourcePath);
    }

    @Override
    public List<String> listDirectory(String resourcePath) {
        String dir = resourcePath.endsWith("/") ? resourcePath : resourcePath + "/";
        Set<String> entries = req.getServletContext().getResourcePaths(dir);
        List<String> names = new ArrayList<>();
        if (entries != null) {
            for (String e : entries) {
                names.add(e.substring(dir.length()));
            }
        }
        Collections.sort(names);
        return names;
    }

    // ---------------------------------------------------------------- handlers

    private boolean originalTarget() {
        return containerMapped && depth() == 0 && path().equals(originalPath());
    }

    @Override
    public void invokeServlet(String servletName) throws Exception {
        boolean any = "*".equals(servletName);
        String mappedName = req.getHttpServletMapping() == null ? null : req.getHttpServletMapping().getServletName();
        if (originalTarget() && (any || servletName.equals(mappedName))) {
            dispatch(true, null, false);
        } else if (any) {
            dispatch(false, req.getServletContext().getRequestDispatcher(targetUri()), false);
        } else {
            RequestDispatcher rd = req.getServletContext().getNamedDispatcher(servletName);
            if (rd == null) {
                throw new ServletException("handler '" + handlerMapping().name() + "' names servlet '" + servletName
                        + "', which the web application does not have");
            }
            dispatch(false, rd, false);
        }
    }

    @Override
    public void invokeDefaultServlet() throws Exception {
        if (originalTarget() && !filter.mapsToNonDefault(req)) {
            dispatch(true, null, true);
        } else {
            dispatch(false, req.getServletContext().getRequestDispatcher(targetUri()), true);
        }
    }

    private String targetUri() {
        return queryString() == null ? path() : path() + "?" + queryString();
    }

    private void dispatch(boolean viaChain, RequestDispatcher rd, boolean staticFile) throws Exception {
        HttpServletRequest r = req;
        boolean userForServlet = user() != null && !staticFile;
        if ((headerOverrides() != null && headerOverrides().hasHeaderChanges()) || userForServlet) {
            r = new StagelineRequest(req, this);
        }
        HttpServletResponse s = resp;
        if (staticFile) {
            String ours = ContentTypeGuard.mediaType(resp.getContentType());
            if (ours != null && !ours.equals(ContentTypeGuard.mediaType(req.getServletContext().getMimeType(path())))) {
                s = new ContentTypeGuard(resp, resp.getContentType());
            }
        }
        if (!staticFile && depth() == 0 && pipeline().errorResponder() != null
                && pipeline().errorResponder().holdsServletErrors(this)) {
            errorWatch = new ServletErrorWatch(s);
            s = errorWatch;
        }
        boolean filters = responseFilters() != null;
        boolean capture = filters || bodyCaptureLimit() >= 0;
        if (capture || needsResponseEvents()) {
            long limit = handlerMapping() == null ? Long.MAX_VALUE : handlerMapping().responseBufferLimit();
            long captureLimit = filters ? Long.MAX_VALUE : Math.max(limit, bodyCaptureLimit());
            wrapped = new StagelineResponse(s, this, capture, limit, captureLimit);
            s = wrapped;
        }
        publishServerVariables();
        if (errorWatch == null && wrapped == null) {
            root.bodyUnknown = true;
        }
        if (staticFile && capture) {
            r = new CaptureRequest(r, "HEAD".equals(method()) && filters);
        }
        if (viaChain) {
            chain.doFilter(r, s);
        } else {
            rd.forward(r, s);
        }
        if (wrapped != null) {
            if (isAsyncStarted()) {
                // the end stages run after the container completed the response: nothing can be held until then
                wrapped.passOn();
            } else {
                wrapped.settle();
            }
        }
    }

    /**
     * Custom server variables set by modules reach the application's servlets as request attributes of the same
     * (upper-case) name; setting an attribute needs no wrapper, so static files keep their zero-copy path.
     */
    private void publishServerVariables() {
        if (headerOverrides() == null) {
            return;
        }
        for (java.util.Map.Entry<String, String> v : headerOverrides().variables().entrySet()) {
            req.setAttribute(v.getKey(), v.getValue());
        }
    }

    @Override
    public List<String[]> responseHeaderPairs() {
        List<String[]> out = new ArrayList<>();
        boolean contentType = false;
        for (String name : resp.getHeaderNames()) {
            contentType |= "Content-Type".equalsIgnoreCase(name);
            for (String value : resp.getHeaders(name)) {
                out.add(new String[] {name, value});
            }
        }
        if (!contentType && resp.getContentType() != null) {
            // Tomcat keeps the content type apart from the header map until it commits
            out.add(new String[] {"Content-Type", resp.getContentType()});
        }
        return out;
    }

    @Override
    public long resourceLastModified(String resourcePath) {
        String real = req.getServletContext().getRealPath(resourcePath);
        if (real == null) {
            return -1;
        }
        try {
            Path p = Path.of(real);
            return Files.isRegularFile(p) ? Files.getLastModifiedTime(p).toMillis() : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public boolean containerMapsToNonDefaultServlet(String resourcePath) {
        if (originalTarget() && resourcePath.equals(originalPath())) {
            return filter.mapsToNonDefault(req);
        }
        return filter.mappingIndex(req.getServletContext()).servletFor(resourcePath) != null;
    }

    @Override
    public boolean isAsyncStarted() {
        return req.isAsyncStarted();
    }

    @Override
    protected Exchange newChild(String childPath, String childQuery) {
        ServletExchange child = new ServletExchange(this, childPath, childQuery);
        child.setTrace(trace());
        child.setRequestStartNanos(requestStartNanos());
        return child;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(req)) {
            return type.cast(req);
        }
        if (type.isInstance(resp)) {
            return type.cast(resp);
        }
        return type.isInstance(this) ? type.cast(this) : null;
    }
}
