package io.stageline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scenarios every standalone installation must pass, written once (a subclass per container and install starts
 * the server): the test application's static files, its legacy servlet and Stageline's own answers, over real HTTP.
 * One server per class, in {@code target/it-work/<class>}, stopped after the last scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandaloneScenarios {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServerUnderTest server;

    /** Installs Stageline and the test application into a fresh server under {@code work} and starts it. */
    protected abstract ServerUnderTest start(Path work) throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        server = start(Workspace.freshDirectory(getClass().getSimpleName()));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void staticFileIsServedThroughThePipeline() throws Exception {
        HttpResponse<String> page = get("hello.html");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("<p>hello static</p>", page.body());
        HttpResponse<String> custom = get("notes.custom");
        assertEquals(200, custom.statusCode(), custom.body());
        assertEquals("custom type", custom.body());
        assertEquals("text/x-stageline", custom.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "only Stageline's MIME map knows .custom");
    }

    @Test
    void legacyServletAnswersThroughThePipeline() throws Exception {
        HttpResponse<String> r = get("legacy/report");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("legacy:GET:/legacy:/report", r.body());
    }

    @Test
    void typeHandlerOfTheConfigurationAnswers() throws Exception {
        HttpResponse<String> r = get("yaml-hello");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("hello from YamlHello", r.body());
    }

    @Test
    void missingFileIsStagelines404Point0() throws Exception {
        HttpResponse<String> r = get("missing.html");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("404.0"), "not Stageline's detailed error page: " + r.body());
    }

    @Test
    void directoryWithoutSlashGetsACourtesyRedirect() throws Exception {
        HttpResponse<String> r = get("docs");
        assertEquals(301, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElse("none");
        assertTrue(location.endsWith("/app/docs/"), location);
    }

    @Test
    void directoryServesItsDefaultDocument() throws Exception {
        HttpResponse<String> r = get("docs/");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("docs index", r.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.app().resolve(path)).timeout(Duration.ofSeconds(10)).GET()
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
