package io.stageline.engine;

import io.stageline.api.ResponseFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory container for engine and module tests: request headers, a response with status, headers and body,
 * a resource tree, named servlets, and a container mapping (which servlet a path goes to). No servlet API involved.
 */
public class TestExchange extends Exchange {

    /** A servlet of the fake container. */
    @FunctionalInterface
    public interface FakeServlet {
        void service(TestExchange x) throws Exception;
    }

    /** The fake web application shared by a request and its child requests. */
    public static final class App {
        public final Map<String, ResourceKind> resources = new TreeMap<>();
        public final Map<String, FakeServlet> servlets = new LinkedHashMap<>();
        /** Path suffix (e.g. ".jsp") or exact path -> servlet name; anything else goes to "default". */
        public final Map<String, String> mapping = new LinkedHashMap<>();
        public final List<String> invocations = new ArrayList<>();
        public final List<String> logs = new ArrayList<>();
        /** The contents of resources, for {@link Exchange#readResource(String)} (custom error files). */
        public final Map<String, String> contents = new LinkedHashMap<>();
        public String contextPath = "";
        /** The fake container realm: user name -> password, and user name -> roles. */
        public final Map<String, String> realmPasswords = new LinkedHashMap<>();
        public final Map<String, java.util.Set<String>> realmRoles = new LinkedHashMap<>();

        public App realmUser(String name, String password, String... roles) {
            realmPasswords.put(name, password);
            realmRoles.put(name, java.util.Set.of(roles));
            return this;
        }

        public App file(String path) {
            resources.put(path, ResourceKind.FILE);
            String parent = path.substring(0, path.lastIndexOf('/') + 1);
            while (!parent.isEmpty()) {
                resources.put(parent, ResourceKind.DIRECTORY);
                parent = parent.length() == 1 ? "" : parent.substring(0, parent.lastIndexOf('/', parent.length() - 2) + 1);
            }
            return this;
        }

        /** Adds a file with contents. */
        public App file(String path, String text) {
            contents.put(path, text);
            return file(path);
        }

        public App servlet(String name, String mappedBy, FakeServlet servlet) {
            servlets.put(name, servlet);
            if (mappedBy != null) {
                mapping.put(mappedBy, name);
            }
            return this;
        }

        String servletFor(String path) {
            for (Map.Entry<String, String> e : mapping.entrySet()) {
                if (path.equals(e.getKey()) || (e.getKey().startsWith(".") && path.endsWith(e.getKey()))) {
                    return e.getValue();
                }
            }
            return "default";
        }
    }

    public final App app;
    public final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
    public final Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
    public final ByteArrayOutputStream body = new ByteArrayOutputStream();
    public int status = 200;
    public boolean committed;
    public boolean asyncStarted;
    public String remoteAddress = "127.0.0.1";
    public String localAddress = "127.0.0.1";
    public int localPort = 80;
    public String protocol = "HTTP/1.1";
    public long bytesReceived = -1;
    public String redirectLocation;
    public boolean secure;
    /** Request parameters (query string and form body), as {@code getParameter} sees them. */
    public final Map<String, String> parameters = new LinkedHashMap<>();
    /** Bytes a response holds before it commits; 0 (default) = the first byte commits, as an unbuffered response. */
    public int bufferSize;
    public final List<TestExchange> children = new ArrayList<>();
    /** The request URI as received (path and query), when a test needs it to differ from the canonical path. */
    public String raw;

    public TestExchange(CompiledPipeline pipeline, App app, String method, String path) {
        this(pipeline, app, method, path, null, 0);
    }

    /** A request with a query string (without {@code ?}), or null for none. */
    public TestExchange(CompiledPipeline pipeline, App app, String method, String path, String query) {
        this(pipeline, app, method, path, query, 0);
    }

    TestExchange(CompiledPipeline pipeline, App app, String method, String path, String query, int depth) {
        super(pipeline, method, path, query, depth);
        this.app = app;
        app.servlets.putIfAbsent("default", x -> {
            x.app.invocations.add("default:" + x.path());
            x.write("static:" + x.path());
        });
    }

    /** Runs the request through the pipeline; returns true when it finished (false = suspended by async). */
    public boolean run() {
        return new PipelineExecutor(pipeline).start(this, !"default".equals(app.servletFor(path())));
    }

    public TestExchange header(String name, String value) {
        requestHeaders.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public void write(String text) throws IOException {
        containerBody().write(text.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    private List<String> find(Map<String, List<String>> map, String name) {
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    protected String containerRequestHeader(String name) {
        List<String> v = find(requestHeaders, name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    protected List<String> containerRequestHeaders(String name) {
        List<String> v = find(requestHeaders, name);
        return v == null ? List.of() : List.copyOf(v);
    }

    @Override
    protected Collection<String> containerRequestHeaderNames() {
        return List.copyOf(requestHeaders.keySet());
    }

    @Override
    protected String containerServerVariable(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "SERVER_NAME" -> "localhost";
            case "SERVER_PORT" -> "80";
            default -> null;
        };
    }

    @Override
    protected int containerStatus() {
        return status;
    }

    @Override
    protected void containerSetStatus(int s) {
        if (!committed) {
            status = s;
        }
    }

    @Override
    protected String containerResponseHeader(String name) {
        List<String> v = find(responseHeaders, name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    protected Collection<String> containerResponseHeaderNames() {
        return List.copyOf(responseHeaders.keySet());
    }

    @Override
    protected void containerSetResponseHeader(String name, String value) {
        responseHeaders.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        if (value != null) {
            responseHeaders.put(name, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    protected void containerAddResponseHeader(String name, String value) {
        List<String> v = find(responseHeaders, name);
        if (v == null) {
            responseHeaders.put(name, new ArrayList<>(List.of(value)));
        } else {
            v.add(value);
        }
    }

    @Override
    protected void containerSetContentType(String contentType) {
        containerSetResponseHeader("Content-Type", contentType);
    }

    @Override
    protected boolean containerCommitted() {
        return committed;
    }

    @Override
    protected OutputStream containerBody() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                if (bufferSize == 0) {
                    commit();
                }
                body.write(b);
                written();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (bufferSize == 0) {
                    commit();
                }
                body.write(b, off, len);
                written();
            }
        };
    }

    private void written() {
        if (body.size() > bufferSize) {
            commit();
        }
    }

    /** Commits the response (as a container does on the first write past its buffer, or on flush). */
    public void commit() {
        if (!committed) {
            if (needsResponseEvents()) {
                fireResponseEvents();
            }
            committed = true;
        }
    }

    @Override
    protected void containerRedirect(String location, int s) {
        status = s;
        redirectLocation = location;
        containerSetResponseHeader("Location", location);
        committed = true;
    }

    @Override
    protected void containerWriteErrorPage(int s, String contentType, String text) throws IOException {
        if (committed) {
            return;
        }
        body.reset();
        status = s;
        containerSetContentType(contentType);
        write(text);
    }

    @Override
    protected boolean containerHasBody() {
        return body.size() > 0;
    }

    @Override
    protected void containerResetBody() {
        if (!committed) {
            body.reset();
        }
    }

    @Override
    protected byte[] containerReadResource(String resourcePath) {
        String text = app.contents.get(resourcePath);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void containerApplyResponseFilters(List<ResponseFilter> filters) throws IOException {
        byte[] original = body.toByteArray();
        body.reset();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream out = sink;
        for (int i = filters.size() - 1; i >= 0; i--) {
            out = filters.get(i).wrap(out, this);
        }
        out.write(original);
        out.close();
        if (bodyCaptureLimit() >= 0 && error() == null) {
            keepCapturedBody(sink.toByteArray());
        }
        body.write(sink.toByteArray());
    }

    @Override
    protected void log(String message, Throwable t) {
        app.logs.add(message + (t == null ? "" : ": " + t));
    }

    @Override
    public ResourceKind resourceKind(String resourcePath) {
        ResourceKind k = app.resources.get(resourcePath);
        if (k == null && !resourcePath.endsWith("/")) {
            k = app.resources.get(resourcePath + "/");
        }
        return k == null ? ResourceKind.NONE : k;
    }

    @Override
    public List<String> listDirectory(String resourcePath) {
        String dir = resourcePath.endsWith("/") ? resourcePath : resourcePath + "/";
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ResourceKind> e : app.resources.entrySet()) {
            String p = e.getKey();
            if (p.startsWith(dir) && p.length() > dir.length()) {
                String rest = p.substring(dir.length());
                int slash = rest.indexOf('/');
                if (slash < 0 || slash == rest.length() - 1) {
                    out.add(rest);
                }
            }
        }
        return out;
    }

    @Override
    public void invokeServlet(String servletName) throws Exception {
        String name = "*".equals(servletName) ? app.servletFor(path()) : servletName;
        FakeServlet s = app.servlets.get(name);
        if (s == null) {
            throw new IllegalStateException("no servlet named " + name);
        }
        app.invocations.add("servlet:" + name);
        s.service(this);
    }

    @Override
    public void invokeDefaultServlet() throws Exception {
        app.servlets.get("default").service(this);
    }

    @Override
    public boolean containerMapsToNonDefaultServlet(String resourcePath) {
        return !"default".equals(app.servletFor(resourcePath));
    }

    @Override
    public boolean isAsyncStarted() {
        return asyncStarted;
    }

    @Override
    protected Exchange newChild(String childPath, String childQuery) {
        TestExchange child = new TestExchange(pipeline, app, method(), childPath, childQuery, depth() + 1) {
            @Override
            protected OutputStream containerBody() {
                return TestExchange.this.containerBody();
            }

            @Override
            protected boolean containerHasBody() {
                return TestExchange.this.containerHasBody();
            }

            @Override
            protected int containerStatus() {
                return TestExchange.this.status;
            }

            @Override
            protected void containerSetStatus(int s) {
                TestExchange.this.containerSetStatus(s);
            }

            @Override
            protected void containerSetResponseHeader(String name, String value) {
                TestExchange.this.containerSetResponseHeader(name, value);
            }
        };
        child.requestHeaders.putAll(requestHeaders);
        children.add(child);
        return child;
    }

    @Override
    public String contextPath() {
        return app.contextPath;
    }

    @Override
    public String rawUri() {
        if (raw != null) {
            return raw;
        }
        return app.contextPath + path() + (queryString() == null ? "" : "?" + queryString());
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String localAddress() {
        return localAddress;
    }

    @Override
    public int localPort() {
        return localPort;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public long bytesSent() {
        return body.size();
    }

    @Override
    public boolean isLocal() {
        return remoteAddress.startsWith("127.") || "::1".equals(remoteAddress);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String requestParameter(String name) {
        return parameters.get(name);
    }

    @Override
    public java.util.Set<String> containerLogin(String userName, String password, Collection<String> candidateRoles) {
        String expected = app.realmPasswords.get(userName);
        if (expected == null || !expected.equals(password)) {
            return null;
        }
        java.util.Set<String> held = new java.util.LinkedHashSet<>();
        for (String role : candidateRoles) {
            if (app.realmRoles.getOrDefault(userName, java.util.Set.of()).contains(role)) {
                held.add(role);
            }
        }
        return held;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }
}
