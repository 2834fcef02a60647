package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.engine.CompiledPipeline;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * End-to-end scenarios written once and run on every container (a subclass per container starts it): a static file
 * and a legacy servlet served through the pipeline over real HTTP, and the handler outcomes of the default table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContainerScenarios {
    protected final RecordingModule nativeRecorder = new RecordingModule();
    protected final RecordingModule managedRecorder = new RecordingModule();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private URI base;

    private Path webRoot;

    /** The application's servlets: "legacy" on {@code /legacy/*}, "async" on {@code /async}. */
    public static final String LEGACY = "legacy";
    public static final String ASYNC = "async";

    /**
     * Starts the container on an ephemeral loopback port with {@code webRoot} as the application's resources, the
     * default servlet, the two scenario servlets, and Stageline installed through {@link StagelineInitializer} with the
     * pipeline given in the {@link StagelineFilter#PIPELINE_ATTRIBUTE} context attribute. Returns the base URI.
     */
    protected abstract URI start(Path root, CompiledPipeline pipeline) throws Exception;

    protected abstract void stop() throws Exception;

    @BeforeAll
    void startContainer() throws Exception {
        webRoot = Files.createTempDirectory("stageline-webroot");
        Files.writeString(webRoot.resolve("hello.html"), "<p>hello static</p>");
        Files.writeString(webRoot.resolve("data.unknownext"), "data");
        Files.createDirectories(webRoot.resolve("docs"));
        Files.writeString(webRoot.resolve("docs/index.html"), "docs index");
        Files.createDirectories(webRoot.resolve("empty"));
        Files.writeString(webRoot.resolve("empty/readme.txt"), "not an index");
        Files.writeString(webRoot.resolve("big.txt"), "0123456789".repeat(10_000));
        Files.createDirectories(webRoot.resolve("WEB-INF"));
        Files.writeString(webRoot.resolve("WEB-INF/stageline.yaml"), "pipelineMode: integrated\n");
        Files.writeString(webRoot.resolve("notes.custom"), "custom type");
        Files.writeString(webRoot.resolve("data.json"), "{}");
        CompiledPipeline pipeline = Stageline.builder(java.util.Map.of("StaticFile", ModuleSettings.of(java.util.Map.of(
                        "mimeMap", java.util.Map.of(".custom", "text/x-custom", ".json", "application/x-stageline+json")))))
                .addNativeModule("NativeRecorder", nativeRecorder, ModuleSettings.empty())
                .addModule("ManagedRecorder", managedRecorder, ModuleSettings.empty(), "managedHandler")
                .addHandler(HandlerMapping.builder("Reports").path("*.do").verb("GET,POST").servlet(LEGACY).build())
                .addHandler(HandlerMapping.builder("Hello").path("/hello-handler").verb("GET")
                        .handler(ctx -> {
                            ctx.setContentType("text/plain;charset=UTF-8");
                            ctx.responseBody().write(("hello from " + ctx.handlerMapping().name())
                                    .getBytes(StandardCharsets.UTF_8));
                        }).build())
                .build();
        base = start(webRoot, pipeline);
    }

    @AfterAll
    void stopContainer() throws Exception {
        stop();
        try (java.util.stream.Stream<Path> files = Files.walk(webRoot)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    @Test
    void staticFileIsServedByTheDefaultServletThroughEveryNativeStage() throws Exception {
        HttpResponse<String> r = get("/hello.html");
        assertEquals(200, r.statusCode());
        assertEquals("<p>hello static</p>", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(nativeRecorder.awaitEnd("/hello.html"));
        List<String> stages = nativeRecorder.eventsFor("/hello.html");
        assertEquals(PipelineStage.ORDINARY_COUNT - 1, stages.size(), stages.toString());
        assertEquals("BEGIN_REQUEST", stages.get(0));
        assertEquals("END_REQUEST", stages.get(stages.size() - 1));
        assertTrue(managedRecorder.eventsFor("/hello.html").isEmpty(), "managedHandler module must skip static files");
    }

    @Test
    void legacyServletRunsInsideThePipelineAndSeesHeadersAModuleAdded() throws Exception {
        HttpResponse<String> r = get("/legacy/report?x=1");
        assertEquals(200, r.statusCode());
        assertEquals("legacy:GET:/legacy:header=yes:user=null", r.body());
        assertTrue(managedRecorder.awaitEnd("/legacy/report"));
        assertTrue(managedRecorder.eventsFor("/legacy/report").contains("PRE_EXECUTE_REQUEST_HANDLER"));
    }

    @Test
    void aServletMappingByNameReachesThatServletForAPathTheContainerDoesNotMapToIt() throws Exception {
        HttpResponse<String> r = get("/reports/monthly.do");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("legacy:GET:/reports/monthly.do"), r.body());
        assertTrue(managedRecorder.awaitEnd("/reports/monthly.do"));
    }

    @Test
    void aTypeHandlerAnswersAndIsAManagedHandlerRequest() throws Exception {
        HttpResponse<String> r = get("/hello-handler");
        assertEquals(200, r.statusCode());
        assertEquals("hello from Hello", r.body());
        assertTrue(managedRecorder.awaitEnd("/hello-handler"));
    }

    @Test
    void aVerbTheMappingDoesNotListFallsThroughToStaticFile() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/reports/monthly.do"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("404.0"), r.body());
    }

    @Test
    void theMimeMapDecidesTheContentTypeForExtensionsTheContainerDoesNotKnow() throws Exception {
        HttpResponse<String> r = get("/notes.custom");
        assertEquals(200, r.statusCode());
        assertEquals("custom type", r.body());
        assertEquals("text/x-custom", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void theMimeMapOverridesTheContainersOwnTypeForAKnownExtension() throws Exception {
        HttpResponse<String> r = get("/data.json");
        assertEquals(200, r.statusCode());
        assertEquals("application/x-stageline+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void missingFileIs404Point0() throws Exception {
        HttpResponse<String> r = get("/nope.html");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("404.0"), r.body());
    }

    @Test
    void extensionMissingFromTheMimeMapIs404Point3() throws Exception {
        HttpResponse<String> r = get("/data.unknownext");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("404.3"), r.body());
    }

    @Test
    void postToAStaticFileIs405() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/hello.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, r.statusCode());
        assertTrue(r.body().contains("405.0"), r.body());
    }

    @Test
    void directoryWithoutSlashGetsACourtesyRedirect() throws Exception {
        HttpResponse<String> r = get("/docs?a=b");
        assertEquals(301, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/docs/?a=b"),
                r.headers().firstValue("Location").orElse("none"));
    }

    @Test
    void directoryServesItsDefaultDocument() throws Exception {
        HttpResponse<String> r = get("/docs/");
        assertEquals(200, r.statusCode());
        assertEquals("docs index", r.body());
    }

    @Test
    void directoryWithoutDefaultDocumentIs403Point14() throws Exception {
        HttpResponse<String> r = get("/empty/");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("403.14"), r.body());
    }

    @Test
    void rangeRequestsStillWorkOnStaticFiles() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/big.txt")).header("Range", "bytes=0-9"));
        assertEquals(206, r.statusCode());
        assertEquals("0123456789", r.body());
    }

    @Test
    void aLargeStaticFileSentAsynchronouslyStillRunsTheEndStagesOnce() throws Exception {
        HttpResponse<String> r = get("/big.txt");
        assertEquals(200, r.statusCode());
        assertEquals(100_000, r.body().length());
        assertTrue(nativeRecorder.awaitEnd("/big.txt"), "END_REQUEST never ran for a large static file");
        List<String> stages = nativeRecorder.eventsFor("/big.txt");
        assertEquals(1, stages.stream().filter("END_REQUEST"::equals).count(), stages.toString());
    }

    @Test
    void conditionalGetStillAnswers304() throws Exception {
        HttpResponse<String> first = get("/hello.html");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/hello.html"))
                .header("If-Modified-Since", lastModified));
        assertEquals(304, r.statusCode());
    }

    @Test
    void moduleFailureAnswers500AndStillRunsTheEndStages() throws Exception {
        HttpResponse<String> r = get("/legacy/fails");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("500.0"), r.body());
        assertFalse(r.body().contains("legacy:"), "the handler must not run after a module failure");
        assertFalse(r.body().contains("at io.stageline"), "no stack trace in the page");
        assertTrue(nativeRecorder.awaitEnd("/legacy/fails"));
        List<String> stages = nativeRecorder.eventsFor("/legacy/fails");
        assertTrue(stages.containsAll(List.of("LOG_REQUEST", "POST_LOG_REQUEST", "END_REQUEST")), stages.toString());
        assertFalse(stages.contains("PRE_EXECUTE_REQUEST_HANDLER"), stages.toString());
    }

    @Test
    void asyncServletRunsTheEndStagesOnceAfterTheAsyncCycle() throws Exception {
        HttpResponse<String> r = get("/async");
        assertEquals(200, r.statusCode());
        assertEquals("async done", r.body());
        assertTrue(nativeRecorder.awaitEnd("/async"));
        List<String> stages = nativeRecorder.eventsFor("/async");
        assertEquals(1, stages.stream().filter("END_REQUEST"::equals).count(), stages.toString());
        assertTrue(stages.indexOf("POST_EXECUTE_REQUEST_HANDLER") > stages.indexOf("PRE_EXECUTE_REQUEST_HANDLER"));
    }

    @Test
    void configurationFileIsNeverServed() throws Exception {
        assertEquals(404, get("/WEB-INF/stageline.yaml").statusCode());
    }

    @Test
    void encodedTraversalNeverReachesProtectedContent() throws Exception {
        for (String hostile : List.of("/..;/WEB-INF/stageline.yaml", "/%2e%2e/WEB-INF/stageline.yaml",
                "/docs/..%2fWEB-INF/stageline.yaml", "/WEB-INF%2fstageline.yaml", "/web-inf/stageline.yaml")) {
            HttpResponse<String> r = rawGet(hostile);
            assertNotEquals(200, r.statusCode(), hostile);
            assertFalse(r.body().contains("pipelineMode"), hostile);
        }
    }

    /** Sends a request with the path exactly as given (no client-side normalisation). */
    private HttpResponse<String> rawGet(String rawPath) throws IOException, InterruptedException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            return new RawResponse(status, response);
        }
    }

    private record RawResponse(int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
