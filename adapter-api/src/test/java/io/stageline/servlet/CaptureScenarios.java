package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.api.ResponseFilter;
import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Response capture, writable request headers and server variables, and the response events over real HTTP, written
 * once and run on every container (reference §8.1-8.4, §8.6): a response filter transforms static files and servlet
 * output alike, with a correct Content-Length, HEAD and 304 left bodiless; legacy servlets see changed headers and
 * custom server variables; PRE_SEND_REQUEST_HEADERS/_CONTENT arrive in reverse module order before the first byte;
 * past {@code responseBufferLimit} headers are sent and a late header change fails clearly. And when nothing needs the
 * body, a static file reaches the container's zero-copy path: each container subclass says how it can tell
 * ({@link #zeroCopyEvidence}).
 */
public abstract class CaptureScenarios extends ScenarioBase {
    static final String LARGE = "0123456789abcdef".repeat(16 * 1024);
    /** The evidence a container reports when its default servlet copied the body through a wrapper. */
    public static final String COPIED = "copied";
    private final Map<String, CompletableFuture<String>> evidence = new ConcurrentHashMap<>();

    /**
     * What the container did with the static file of this request, read in LOG_REQUEST from the container's own request
     * and response: the container's zero-copy marker ({@link #zeroCopyMarker()}) or {@link #COPIED}.
     */
    protected abstract String zeroCopyEvidence(HttpServletRequest req, HttpServletResponse resp);

    /** The evidence string that means "sent by the container's zero-copy path". */
    protected abstract String zeroCopyMarker();

    /** The size of the plain static file whose zero-copy path is checked (the container's threshold decides). */
    protected abstract int zeroCopyFileSize();

    @Override
    protected Map<String, String> files() {
        return Map.of("plain.txt", "hello text", "zero.txt", "z".repeat(zeroCopyFileSize()), "shout/page.txt",
                "quiet words", "shout/large.txt", LARGE);
    }

    @Override
    protected Map<String, Class<? extends HttpServlet>> servlets() {
        return Map.of("*.say", CaptureServlets.Say.class, "*.echo", CaptureServlets.Echo.class,
                "*.bulk", CaptureServlets.Bulk.class);
    }

    /** Upper-cases and brackets the body: "[" + BODY + "]" (a length-changing transform). */
    static final ResponseFilter SHOUT = (sink, ctx) -> new OutputStream() {
        private boolean opened;

        @Override
        public void write(int b) throws IOException {
            open();
            sink.write(Character.toUpperCase(b));
        }

        private void open() throws IOException {
            if (!opened) {
                opened = true;
                sink.write('[');
            }
        }

        @Override
        public void close() throws IOException {
            open();
            sink.write(']');
        }
    };

    /** Installs SHOUT under /shout/, changes headers and variables for *.echo; records the zero-copy evidence. */
    private final class Capture implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST, PipelineStage.POST_EXECUTE_REQUEST_HANDLER,
                    PipelineStage.LOG_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) throws Exception {
            switch (ctx.stage()) {
                case BEGIN_REQUEST -> begin(ctx);
                case POST_EXECUTE_REQUEST_HANDLER -> lateHeader(ctx);
                default -> evidenceOf(ctx.path()).complete(evidence(ctx));
            }
        }

        private String evidence(RequestContext ctx) {
            try {
                return zeroCopyEvidence(ctx.unwrap(HttpServletRequest.class), ctx.unwrap(HttpServletResponse.class));
            } catch (RuntimeException e) {
                return "probe failed: " + e;
            }
        }

        private void begin(RequestContext ctx) {
            if (ctx.path().startsWith("/shout/")) {
                ctx.installResponseFilter(SHOUT);
            }
            if (ctx.path().endsWith(".echo")) {
                ctx.setRequestHeader("X-Added", "42");
                ctx.setRequestHeader("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT");
                ctx.removeRequestHeader("X-Remove-Me");
                ctx.setServerVariable("HTTP_X_FROM_VAR", "from a variable");
                ctx.setServerVariable("MY_VAR", "custom value");
                try {
                    ctx.setServerVariable("AUTH_USER", "mallory");
                } catch (IllegalArgumentException e) {
                    ctx.setResponseHeader("X-Refused", e.getMessage());
                }
            }
        }

        private void lateHeader(RequestContext ctx) throws IOException {
            if (ctx.path().endsWith(".bulk")) {
                try {
                    ctx.setResponseHeader("X-Late", "set");
                } catch (IllegalStateException e) {
                    ctx.responseBody().write(("|" + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Appends "name:stage" to X-Send when the response is about to be sent. */
    private static final class Sender implements PipelineModule {
        private String name;

        @Override
        public void init(ModuleSetup setup) {
            name = setup.name();
            setup.subscribe(PipelineStage.PRE_SEND_REQUEST_HEADERS, PipelineStage.PRE_SEND_REQUEST_CONTENT);
        }

        @Override
        public void handle(RequestContext ctx) {
            ctx.addResponseHeader("X-Send", name + ":" + ctx.stage());
        }
    }

    @Override
    protected CompiledPipeline pipeline() {
        // the response events are for managed-handler requests only, so static files stay unwatched
        return Stageline.builder()
                .addNativeModule("Capture", new Capture(), ModuleSettings.empty())
                .addModule("SenderA", new Sender(), ModuleSettings.empty(), "managedHandler")
                .addModule("SenderB", new Sender(), ModuleSettings.empty(), "managedHandler")
                .addHandler(HandlerMapping.builder("Bulk").path("*.bulk").verb("GET").servlet("Bulk")
                        .responseBufferLimit(1024).build())
                .build();
    }

    private HttpResponse<String> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private CompletableFuture<String> evidenceOf(String path) {
        return evidence.computeIfAbsent(path, p -> new CompletableFuture<>());
    }

    /** LOG_REQUEST may run after the client has the response (an async default servlet): wait for it. */
    private String evidenceFor(String path) throws Exception {
        return evidenceOf(path).get(10, TimeUnit.SECONDS);
    }

    private static long contentLength(HttpResponse<?> r) {
        return r.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    @Test
    void aResponseFilterTransformsAStaticFileWithTheRightContentLength() throws Exception {
        HttpResponse<String> r = get("/shout/page.txt");
        assertEquals(200, r.statusCode());
        assertEquals("[QUIET WORDS]", r.body());
        assertEquals(13, contentLength(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void aResponseFilterTransformsServletOutputAlike() throws Exception {
        HttpResponse<String> r = get("/shout/x.say");
        assertEquals(200, r.statusCode());
        assertEquals("[SERVLET SAYS HI]", r.body());
        assertEquals(17, contentLength(r));
    }

    @Test
    void aFilteredLargeStaticFileIsTransformedWhole() throws Exception {
        HttpResponse<String> r = get("/shout/large.txt");
        assertEquals(200, r.statusCode());
        assertEquals(LARGE.length() + 2, contentLength(r));
        assertTrue(("[" + LARGE.toUpperCase(java.util.Locale.ROOT) + "]").equals(r.body()), "the whole body, filtered");
    }

    @Test
    void headOfAFilteredStaticFileSendsTheFilteredLengthWithoutABody() throws Exception {
        HttpResponse<String> r = send("HEAD", "/shout/page.txt");
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertEquals(13, contentLength(r), "the length GET would send");
    }

    @Test
    void aConditionalRequestForAFilteredFileStillGets304WithoutABody() throws Exception {
        HttpResponse<String> first = get("/shout/page.txt");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> r = send("GET", "/shout/page.txt", "If-Modified-Since", lastModified);
        assertEquals(304, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void aPlainStaticFileKeepsTheContainersZeroCopyPath() throws Exception {
        HttpResponse<String> r = get("/zero.txt");
        assertEquals(200, r.statusCode());
        assertEquals(zeroCopyFileSize(), r.body().length());
        assertEquals(zeroCopyMarker(), evidenceFor("/zero.txt"));
    }

    @Test
    void theZeroCopyCheckSeesTheCopyWhenAFilterNeedsTheBody() throws Exception {
        get("/shout/large.txt");
        assertEquals(COPIED, evidenceFor("/shout/large.txt"));
    }

    @Test
    void legacyServletsSeeChangedHeadersThroughEveryAccessorAndCustomVariablesAsAttributes() throws Exception {
        HttpResponse<String> r = send("GET", "/legacy.echo", "X-Remove-Me", "1", "X-Added", "0");
        assertEquals(200, r.statusCode());
        assertEquals(List.of("X-Added=42", "all=[42]", "int=42", "date=784111777000", "removed=null",
                "names=true,false", "fromVariable=from a variable", "MY_VAR=custom value"),
                List.of(r.body().split("\n")));
        assertEquals("server variable AUTH_USER cannot be modified during request execution",
                r.headers().firstValue("X-Refused").orElse("none"));
    }

    @Test
    void responseEventsArriveInReverseModuleOrderBeforeTheResponseIsSent() throws Exception {
        HttpResponse<String> r = get("/x.say");
        assertEquals("servlet says hi", r.body());
        assertEquals(List.of("SenderB:PRE_SEND_REQUEST_HEADERS", "SenderA:PRE_SEND_REQUEST_HEADERS",
                "SenderB:PRE_SEND_REQUEST_CONTENT", "SenderA:PRE_SEND_REQUEST_CONTENT"), r.headers().allValues("X-Send"));
        assertFalse(get("/plain.txt").headers().firstValue("X-Send").isPresent(), "static files are not watched");
    }

    @Test
    void responseEventsRunBeforeTheFirstByteOfAStreamedResponse() throws Exception {
        HttpResponse<String> r = get("/x.bulk?n=100000");
        assertEquals(4, r.headers().allValues("X-Send").size(), r.headers().map().toString());
        assertTrue(r.body().startsWith("bbbb"));
    }

    @Test
    void pastTheResponseBufferLimitHeadersAreSentAndALateHeaderChangeFailsClearly() throws Exception {
        HttpResponse<String> big = get("/x.bulk?n=4000");
        assertTrue(big.body().endsWith("|cannot change header 'X-Late' after the response headers were sent"),
                big.body().substring(Math.max(0, big.body().length() - 120)));
        assertFalse(big.headers().firstValue("X-Late").isPresent());
        HttpResponse<String> small = get("/x.bulk?n=500");
        assertEquals("set", small.headers().firstValue("X-Late").orElse("none"), "within the limit headers stay open");
        assertEquals(500, small.body().length());
    }
}
