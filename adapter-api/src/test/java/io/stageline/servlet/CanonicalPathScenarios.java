package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.RawHttp.Request;
import io.stageline.servlet.RawHttp.Response;
import io.stageline.servlet.TestContainer.ServletSpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical-path guarantee over real HTTP, with nothing but the filter (no request filtering, no authorization):
 * an application at {@code /app} on a container with its default settings. Every ambiguous form ends 400 on every
 * container; each subclass lists the forms its container refuses itself, before Stageline runs, and every other one
 * must be Stageline's 400.0 page. The difference between the lists is the documented container difference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CanonicalPathScenarios {
    /** Ambiguous request targets: 400 on every container, whoever answers. */
    public static final List<String> AMBIGUOUS = List.of(
            "/app/x/..;/admin/secret.html", "/app/admin;x=y/secret.html", "/app;x=y/admin/secret.html",
            "/app/admin/secret.html;x=y", "/app/admin/secret.html;jsessionid=", "/app/x/../admin/secret.html",
            "/app/./admin/secret.html", "/app/admin/report/..", "/app/x/%2e%2e/admin/secret.html",
            "/app/%2e/admin/secret.html", "/app/x/.%2E/admin/secret.html", "/app//admin/secret.html",
            "/app/admin//secret.html", "/app/admin%2fsecret.html", "/app/admin%5csecret.html", "/app/admin\\secret.html",
            "/app/x/%c0%ae%c0%ae/admin/secret.html", "/app/admin/%e0%80%aesecret.html", "/app/admin/secret%00.html",
            "/app/admin%09/secret.html", "/app/admin%0a/secret.html", "/app/admin/secret%zz.html",
            "/app/admin/s%E9cret.html", "/app/admin./secret.html", "/app/admin%20/secret.html",
            "/app/admin/secret.html.", "/app/admin%3bx/secret.html");

    private TestContainer container;
    private Path webRoot;
    private URI origin;

    protected abstract TestContainer newContainer();

    /** The members of {@link #AMBIGUOUS} the container answers 400 itself, before the filter runs. */
    protected abstract Set<String> refusedByTheContainer();

    @BeforeAll
    void start() throws Exception {
        webRoot = Files.createTempDirectory("stageline-canonical");
        Files.createDirectories(webRoot.resolve("admin"));
        Files.writeString(webRoot.resolve("admin/secret.html"), "secret page");
        Files.createDirectories(webRoot.resolve("docs"));
        Files.writeString(webRoot.resolve("docs/index.html"), "docs index");
        CompiledPipeline pipeline = Stageline.builder().build();
        container = newContainer();
        URI base = container.start(webRoot, "/app", pipeline, List.of(new ServletSpec("echo", new Echo(), "/echo/*")));
        origin = URI.create(base.getScheme() + "://" + base.getHost() + ":" + base.getPort() + "/");
    }

    @AfterAll
    void stop() throws Exception {
        container.stop();
        try (Stream<Path> files = Files.walk(webRoot)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Stream<String> ambiguous() {
        return AMBIGUOUS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguous")
    void anAmbiguousUrlIs400OnEveryContainerAndStagelineAnswersWhatTheContainerLetsThrough(String target)
            throws IOException {
        Response r = RawHttp.send(origin, new Request("GET", target));
        assertEquals(400, r.status(), r.body());
        assertFalse(r.body().contains("secret page"), r.body());
        if (refusedByTheContainer().contains(target)) {
            assertFalse(r.isStagelinePage("400.0"), "expected the container's own 400: " + r.body());
        } else {
            assertTrue(r.isStagelinePage("400.0"), "expected Stageline's 400.0 page: " + r.body());
            assertTrue(r.body().contains("Rejected URL: "), r.body());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/app/admin/secret.html, secret page", "/app/admin/secret.html;jsessionid=0A1B.n1, secret page",
        "/%61pp/admin/secret.html, secret page", "/app/adm%69n/secret.html, secret page", "/app/docs/, docs index",
        "/app/echo/a%20b/c%C3%A9, /echo|/a b/cé", "/app/echo/x?y=/../%2f, /echo|/x"})
    void aCanonicalUrlIsServed(String target, String body) throws IOException {
        Response r = RawHttp.send(origin, new Request("GET", target));
        assertEquals(200, r.status(), r.body());
        assertEquals(body, r.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/app/x/%252e%252e/admin/secret.html", "/app/admin%252fsecret.html"})
    void aDoubleEncodedUrlIsA4xxOnEveryContainer(String target) throws IOException {
        Response r = RawHttp.send(origin, new Request("GET", target));
        assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
        assertFalse(r.body().contains("secret page"), r.body());
    }

    /** Prints the servlet path and path info it was given. */
    static final class Echo extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print(req.getServletPath() + "|" + req.getPathInfo());
        }
    }
}
