package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end scenarios of the YAML configuration, written once and run on every container (a subclass per container
 * starts it): the application's {@code WEB-INF/stageline.yaml} is picked up by {@link StagelineInitializer} alone
 * (no pipeline attribute), the server-level file is layered under it, and an invalid file keeps the application from
 * starting with every problem logged as {@code file:line:col CODE message}. Each scenario starts its own container.
 */
public abstract class YamlConfigurationScenarios {
    /** The scenario servlet ({@link ScenarioServlets.Legacy}), mapped by the container to {@code /legacy/*}. */
    public static final String LEGACY = ContainerScenarios.LEGACY;

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A fresh directory per scenario, deleted afterwards (subclasses may put the container's work files there). */
    @TempDir
    protected Path temp;

    /** A container started by {@link #start}: the application may have failed to start. */
    protected interface Running extends AutoCloseable {
        /** {@code http://127.0.0.1:PORT/}, or null when the server itself did not start listening. */
        URI base();

        /** True when the application started and serves requests. */
        boolean contextAvailable();

        /** Stops and destroys everything the start created (a failure to stop is an unchecked exception). */
        @Override
        void close();
    }

    /**
     * Starts the container on 127.0.0.1 with an ephemeral port and one application at the root context: {@code webRoot}
     * as its resources, the container's default servlet on {@code /}, {@link ScenarioServlets.Legacy} named
     * {@value #LEGACY} on {@code /legacy/*}, the servlet-context {@code attributes} set by a
     * {@code ServletContainerInitializer} that runs before {@link StagelineInitializer}, and Stageline installed by
     * {@link StagelineInitializer} only. Must not throw when only the application fails to start: the result says so.
     */
    protected abstract Running start(Path webRoot, Map<String, Object> attributes) throws Exception;

    /** What the container's {@code ServletContext.log} wrote during the last start, when the subclass captures it. */
    protected String contextLog() {
        return null;
    }

    private Path webRoot(String yaml) throws IOException {
        Path root = Files.createDirectories(temp.resolve("webapp"));
        Files.writeString(root.resolve("hello.html"), "<p>hello static</p>");
        Files.writeString(root.resolve("notes.custom"), "custom type");
        Files.writeString(root.resolve("data.unknownext"), "data");
        Files.createDirectories(root.resolve("WEB-INF"));
        Files.writeString(root.resolve("WEB-INF/stageline.yaml"), yaml);
        return root;
    }

    private static HttpResponse<String> get(Running r, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(r.base().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0];
    }

    private Running startApp(Path root) throws Exception {
        return start(root, Map.of());
    }

    private static void assertStarted(Running r) {
        assertTrue(r.contextAvailable(), "the application must start");
    }

    @Test
    void applicationFileAddsAHandlerMappingAndAMimeMapEntry() throws Exception {
        Path root = webRoot("""
                handlers:
                  list:
                    - add: Reports
                      path: "*.do"
                      verb: GET,POST
                      servlet: legacy
                staticContent:
                  mimeMap:
                    - add: .custom
                      mimeType: text/x-custom
                """);
        try (Running r = startApp(root)) {
            assertStarted(r);
            HttpResponse<String> report = get(r, "/reports/monthly.do");
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().startsWith("legacy:GET:/reports/monthly.do"), report.body());
            HttpResponse<String> custom = get(r, "/notes.custom");
            assertEquals(200, custom.statusCode(), custom.body());
            assertEquals("custom type", custom.body());
            assertEquals("text/x-custom", contentType(custom));
            HttpResponse<String> unknown = get(r, "/data.unknownext");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("404.3"), unknown.body());
        }
    }

    @Test
    void withTheFileCacheOffADeletedFileIsAStagelineNotFoundAtOnce() throws Exception {
        Path root = webRoot("""
                caching:
                  fileCacheTtl: 0
                """);
        Path gone = Files.writeString(root.resolve("gone.html"), "<p>soon gone</p>");
        try (Running r = startApp(root)) {
            assertStarted(r);
            assertEquals(200, get(r, "/gone.html").statusCode());
            Files.delete(gone);
            HttpResponse<String> after = get(r, "/gone.html");
            assertEquals(404, after.statusCode(), after.body());
            assertTrue(after.body().contains("stageline-status: 404.0"), after.body());
        }
    }

    @Test
    void withinTheFileCacheTtlAPathsKindIsRemembered() throws Exception {
        Path root = webRoot("""
                caching:
                  fileCacheTtl: 1h
                """);
        try (Running r = startApp(root)) {
            assertStarted(r);
            HttpResponse<String> before = get(r, "/late.html");
            assertEquals(404, before.statusCode(), before.body());
            Files.writeString(root.resolve("late.html"), "<p>late</p>");
            HttpResponse<String> after = get(r, "/late.html");
            assertEquals(404, after.statusCode(), after.body());
            assertTrue(after.body().contains("stageline-status: 404.0"), after.body());
        }
    }

    @Test
    void classicModeFromTheFileMakesATypeMappingA500Point21() throws Exception {
        Path root = webRoot("""
                pipelineMode: classic
                handlers:
                  list:
                    - add: Hello
                      path: /hello-handler
                      verb: GET
                      type: io.stageline.servlet.YamlHelloHandler
                """);
        try (Running r = startApp(root)) {
            assertStarted(r);
            HttpResponse<String> hello = get(r, "/hello-handler");
            assertEquals(500, hello.statusCode(), hello.body());
            assertTrue(hello.body().contains("500.21"), hello.body());
            assertFalse(hello.body().contains("hello from"), hello.body());
            HttpResponse<String> legacy = get(r, "/legacy/report");
            assertEquals(200, legacy.statusCode(), "ServletClassic serves the application's servlets");
            assertEquals(200, get(r, "/hello.html").statusCode());
        }
    }

    @Test
    void theSameTypeMappingAnswersInIntegratedMode() throws Exception {
        Path root = webRoot("""
                handlers:
                  list:
                    - add: Hello
                      path: /hello-handler
                      verb: GET
                      type: io.stageline.servlet.YamlHelloHandler
                """);
        try (Running r = startApp(root)) {
            assertStarted(r);
            HttpResponse<String> hello = get(r, "/hello-handler");
            assertEquals(200, hello.statusCode(), hello.body());
            assertEquals("hello from Hello", hello.body());
        }
    }

    @Test
    void legacyHttpModulesInIntegratedModeFailAStaticFileWith500Point22() throws Exception {
        Path root = webRoot("""
                legacy:
                  httpModules:
                    - add: Audit
                      type: io.stageline.servlet.RecordingModule
                """);
        try (Running r = startApp(root)) {
            assertStarted(r);
            HttpResponse<String> page = get(r, "/hello.html");
            assertEquals(500, page.statusCode(), page.body());
            assertTrue(page.body().contains("500.22"), page.body());
            assertTrue(page.body().contains("stageline migrate"), page.body());
            assertFalse(page.body().contains("hello static"), page.body());
        }
    }

    @Test
    void anInvalidFileKeepsTheApplicationFromStartingAndLogsEveryProblem() throws Exception {
        Path root = webRoot("""
                pipelineMode: integrated
                handlerMappings: []
                handlers:
                  list:
                    - add: Reports
                      path: "*.do,*.rpt"
                      verb: GET
                      servlet: legacy
                """);
        try (CapturedLog log = CapturedLog.of(YamlPipelineSource.LOGGER_NAME); Running r = startApp(root)) {
            assertFalse(r.contextAvailable(), "an invalid configuration must keep the application from starting");
            assertNotServed(r);
            String text = log.text();
            assertTrue(text.contains("WEB-INF/stageline.yaml:2:1 SL-CFG-004 unknown key 'handlerMappings'"), text);
            assertTrue(text.contains("WEB-INF/stageline.yaml:6:13 SL-CFG-009 invalid path mask '*.do,*.rpt'"), text);
            String container = contextLog();
            if (container != null) {
                assertTrue(container.contains("WEB-INF/stageline.yaml:2:1 SL-CFG-004"), container);
                assertTrue(container.contains("WEB-INF/stageline.yaml:6:13 SL-CFG-009"), container);
            }
        }
    }

    private static void assertNotServed(Running r) throws Exception {
        if (r.base() != null) {
            HttpResponse<String> page = get(r, "/hello.html");
            assertNotEquals(200, page.statusCode());
            assertFalse(page.body().contains("hello static"), page.body());
        }
    }

    @Test
    void theServerFileNamedByTheSystemPropertyAppliesUnderTheApplicationFile() throws Exception {
        Path server = Files.writeString(Files.createDirectories(temp.resolve("conf")).resolve("stageline.yaml"), """
                handlers:
                  list:
                    - add: ServerReports
                      path: "*.do"
                      verb: GET
                      servlet: legacy
                staticContent:
                  mimeMap:
                    - add: .custom
                      mimeType: text/x-server
                """);
        Path root = webRoot("""
                staticContent:
                  mimeMap:
                    - remove: .custom
                    - add: .custom
                      mimeType: text/x-app
                """);
        String previous = System.setProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY, server.toString());
        try (Running r = startApp(root)) {
            assertStarted(r);
            HttpResponse<String> report = get(r, "/reports/monthly.do");
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().startsWith("legacy:GET:/reports/monthly.do"), report.body());
            assertEquals("text/x-app", contentType(get(r, "/notes.custom")), "the application level is nearer");
        } finally {
            restore(previous);
        }
    }

    @Test
    void aServerFileNamedByTheSystemPropertyThatDoesNotExistKeepsTheApplicationFromStarting() throws Exception {
        Path root = webRoot("pipelineMode: integrated\n");
        Path missing = temp.resolve("no-such-dir").resolve("stageline.yaml");
        String previous = System.setProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY, missing.toString());
        try (CapturedLog log = CapturedLog.of(YamlPipelineSource.LOGGER_NAME); Running r = startApp(root)) {
            assertFalse(r.contextAvailable(), "a missing file named by the property is an error");
            assertNotServed(r);
            assertTrue(log.text().contains(missing + " SL-CFG-022"), log.text());
        } finally {
            restore(previous);
        }
    }

    @Test
    void theAdaptersConventionalServerFileApplies() throws Exception {
        Path server = Files.writeString(temp.resolve("server.yaml"), """
                handlers:
                  list:
                    - add: ServerReports
                      path: "*.do"
                      verb: GET
                      servlet: legacy
                """);
        Path root = webRoot("pipelineMode: integrated\n");
        try (Running r = start(root, Map.of(StagelineInitializer.SERVER_CONFIG_PATH_ATTRIBUTE, server))) {
            assertStarted(r);
            HttpResponse<String> report = get(r, "/x.do");
            assertEquals(200, report.statusCode(), report.body());
            assertTrue(report.body().startsWith("legacy:GET:/x.do"), report.body());
        }
    }

    @Test
    void aMissingConventionalServerFileIsFine() throws Exception {
        Path root = webRoot("pipelineMode: integrated\n");
        Path missing = temp.resolve("conf-missing").resolve("stageline.yaml");
        try (Running r = start(root, Map.of(StagelineInitializer.SERVER_CONFIG_PATH_ATTRIBUTE, missing.toString()))) {
            assertStarted(r);
            assertEquals(200, get(r, "/hello.html").statusCode());
            assertEquals(404, get(r, "/x.do").statusCode());
        }
    }

    @Test
    void thePipelineAttributeStillOverridesTheFile() throws Exception {
        Path root = webRoot("handlerMappings: []\n");
        Map<String, Object> attrs = Map.of(StagelineFilter.PIPELINE_ATTRIBUTE, Stageline.builder().build());
        try (Running r = start(root, attrs)) {
            assertStarted(r);
            assertEquals(200, get(r, "/hello.html").statusCode());
        }
    }

    @Test
    void aPipelineSourceInTheAttributeMayChooseTheMode() throws Exception {
        Path root = webRoot("""
                handlers:
                  list:
                    - add: Hello
                      path: /hello-handler
                      verb: GET
                      type: io.stageline.servlet.YamlHelloHandler
                """);
        PipelineSource classic = new YamlPipelineSource(null, PipelineMode.CLASSIC);
        try (Running r = start(root, Map.of(StagelineFilter.PIPELINE_ATTRIBUTE, classic))) {
            assertStarted(r);
            HttpResponse<String> hello = get(r, "/hello-handler");
            assertEquals(500, hello.statusCode(), hello.body());
            assertTrue(hello.body().contains("500.21"), hello.body());
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY);
        } else {
            System.setProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY, previous);
        }
    }
}
