package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged launcher, run as {@code java -jar} on ephemeral loopback ports, on both containers. */
class LauncherIT {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<LauncherProcess> processes = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void killWhatIsStillRunning() {
        for (LauncherProcess p : processes) {
            p.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void bundledSampleServesStaticFilesTheLegacyServletAndErrorPagesThroughThePipeline(String container)
            throws Exception {
        LauncherProcess launcher = launch("--container", container, "--port", "0");
        URI base = launcher.awaitStarted(container);
        assertEquals("/", base.getPath());
        for (String page : List.of("", "docs/", "hello", "missing.html")) {
            String line = launcher.nextLine();
            assertTrue(line.startsWith("  " + base + page + " "), line);
        }
        assertEquals("Pipeline mode: integrated. Stop with Ctrl+C.", launcher.nextLine());

        HttpResponse<String> home = get(base, "");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("<h1>Stageline sample</h1>"), home.body());
        HttpResponse<String> css = get(base, "css/site.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), css.headers().toString());
        HttpResponse<String> docs = get(base, "docs/");
        assertEquals(200, docs.statusCode());
        assertTrue(docs.body().contains("Sample docs"), docs.body());
        HttpResponse<String> hello = get(base, "hello");
        assertEquals(200, hello.statusCode());
        assertTrue(hello.body().startsWith("Hello from HelloServlet"), hello.body());
        HttpResponse<String> missing = get(base, "missing.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("404.0"), missing.body());
        assertEquals(404, get(base, "WEB-INF/web.xml").statusCode());

        assertEquals(0, launcher.stop(), launcher.stderr());
        assertEquals(List.of(), launcher.leftoverTempFiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void explodedWebAppRunsUnderItsContextPathInClassicModeAndNeverShowsJspSource(String container) throws Exception {
        Path webapp = Files.createDirectories(tmp.resolve("app"));
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("WEB-INF/stageline.yaml"), "pipelineMode: classic\n");
        Files.writeString(webapp.resolve("page.html"), "<p>an exploded application</p>");
        Files.writeString(webapp.resolve("page.note"), "a note");
        Files.writeString(webapp.resolve("secret.jsp"), "<%-- JSP SOURCE --%>");
        Path serverConfig = Files.writeString(tmp.resolve("server.yaml"),
                "staticContent:\n  mimeMap:\n    - add: .note\n      mimeType: text/x-note\n");

        LauncherProcess launcher = launch("--container", container, "--port", "0", "--webapp", webapp.toString(),
                "--context-path", "/app", "--mode", "classic", "--server-config", serverConfig.toString());
        URI base = launcher.awaitStarted(container);
        assertEquals("/app/", base.getPath());
        assertEquals("Pipeline mode: classic. Stop with Ctrl+C.", launcher.nextLine());

        HttpResponse<String> page = get(base, "page.html");
        assertEquals(200, page.statusCode());
        assertEquals("<p>an exploded application</p>", page.body());
        HttpResponse<String> note = get(base, "page.note");
        assertEquals(200, note.statusCode(), "the server-level file adds the MIME type");
        assertEquals("text/x-note", note.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        HttpResponse<String> missing = get(base, "missing.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("404.0"), missing.body());
        HttpResponse<String> jsp = get(base, "secret.jsp");
        assertEquals(500, jsp.statusCode(), "no JSP engine: the JSP servlet refuses, the default servlet never serves it");
        assertFalse(jsp.body().contains("JSP SOURCE"), jsp.body());
        assertEquals(404, get(base.resolve("/"), "page.html").statusCode());

        assertEquals(0, launcher.stop(), launcher.stderr());
        assertEquals(List.of(), launcher.leftoverTempFiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void anInvalidConfigurationEndsWithEveryProblemAndExitCode1(String container) throws Exception {
        Path webapp = Files.createDirectories(tmp.resolve("bad"));
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("WEB-INF/stageline.yaml"), "pipelineMode: classic\nunknownKey: 1\n"
                + "handlers:\n  list:\n    - add: Bad\n      path: \"a//b\"\n      verb: GET\n      servlet: x\n");
        LauncherProcess launcher = launch("--container", container, "--port", "0", "--webapp", webapp.toString());
        assertEquals(1, launcher.awaitExit(), launcher.stderr());
        String err = launcher.stderr();
        assertTrue(err.contains("stageline.yaml:2:1 SL-CFG-004"), err);
        assertTrue(err.contains("SL-CFG-009"), err);
        assertEquals(List.of(), launcher.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port http", "--port 65536", "--port", "--container undertow",
        "--mode mixed", "--context-path app", "--webapp /nonexistent/stageline-webapp", "--port 1 --port 2", "extra"})
    void badArgumentsExitWith2AndOneLineOnStderr(String args) throws Exception {
        assertUsageError(launch(args.split(" ")));
    }

    @Test
    void webAppWithoutWebInfExitsWith2() throws Exception {
        Path notAWebapp = Files.createDirectories(tmp.resolve("static-only"));
        Files.writeString(notAWebapp.resolve("index.html"), "no WEB-INF here");
        LauncherProcess launcher = launch("--webapp", notAWebapp.toString());
        assertEquals(List.of(Launcher.PREFIX + "'" + notAWebapp + "' is not a web application: it has no WEB-INF folder"),
                assertUsageError(launcher));
    }

    @Test
    void portAlreadyInUseExitsWith2() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            LauncherProcess launcher = launch("--container", "tomcat", "--port", Integer.toString(taken.getLocalPort()));
            String line = assertUsageError(launcher).get(0);
            assertTrue(line.startsWith(Launcher.PREFIX + "cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), line);
        }
    }

    /** Exit status 2, nothing on stdout, one line on stderr with the launcher's prefix; returns stderr. */
    private static List<String> assertUsageError(LauncherProcess launcher) throws InterruptedException {
        int status = launcher.awaitExit();
        List<String> err = launcher.stderrLines();
        assertEquals(2, status, String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith(Launcher.PREFIX), err.get(0));
        assertEquals(List.of(), launcher.stdout());
        return err;
    }

    private LauncherProcess launch(String... args) throws IOException {
        LauncherProcess p = LauncherProcess.start(tmp, args);
        processes.add(p);
        return p;
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
