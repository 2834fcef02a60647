package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.requestfiltering.RequestFilteringModule;
import io.stageline.servlet.RawHttp.Request;
import io.stageline.servlet.RawHttp.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RequestFiltering over real HTTP: every denial shows its status and substatus on the engine's page, the same on
 * every container, and a location may use the legacy codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RequestFilteringScenarios {
    private TestContainer container;
    private Path webRoot;
    private URI base;

    protected abstract TestContainer newContainer();

    @BeforeAll
    void start() throws Exception {
        webRoot = Files.createTempDirectory("stageline-filtering");
        Files.writeString(webRoot.resolve("hello.html"), "hello");
        Files.writeString(webRoot.resolve("a+b.html"), "plus");
        Files.writeString(webRoot.resolve("tool.exe"), "binary");
        Files.createDirectories(webRoot.resolve("conf"));
        Files.writeString(webRoot.resolve("conf/stageline.yaml"), "secret: configuration");
        Map<String, Object> settings = Map.of(
                "removeServerHeader", true,
                "verbs", Map.of("list", List.of(Map.of("add", "PUT", "allowed", false))),
                "fileExtensions", Map.of("list", List.of(Map.of("add", ".exe", "allowed", false))),
                "denyQueryStringSequences", List.of(Map.of("add", "<script")),
                "filteringRules", List.of(Map.of("add", "Scanners", "scanHeaders", List.of("User-Agent"),
                        "denyStrings", List.of("sqlmap"))),
                "requestLimits", Map.of("maxAllowedContentLength", 10, "maxUrl", 200, "maxQueryString", 50,
                        "headerLimits", List.of(Map.of("add", "X-Big", "sizeLimit", 10))));
        Map<String, Object> legacy = new java.util.HashMap<>(settings);
        legacy.put("legacyStatusCodes", true);
        CompiledPipeline pipeline = Stageline.builder(Map.of(RequestFilteringModule.NAME, ModuleSettings.of(settings)))
                .location("/legacy", null, Map.of(RequestFilteringModule.NAME, ModuleSettings.of(legacy)))
                .build();
        container = newContainer();
        base = container.start(webRoot, "", pipeline, List.of(new TestContainer.ServletSpec("branded", new Branded(),
                "/branded")));
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

    private Response send(Request r) throws IOException {
        return RawHttp.send(base, r);
    }

    @Test
    void aRequestThatPassesIsServed() throws IOException {
        Response r = send(new Request("GET", "/hello.html"));
        assertEquals(200, r.status());
        assertEquals("hello", r.body());
    }

    /**
     * True when a filter can remove the Server header. Jetty cannot: with its default HttpConfiguration
     * (sendServerVersion true) the Server field is persistent and survives {@code setHeader("Server", null)}, even
     * after the application replaced its value; only {@code sendServerVersion=false} on the connector removes it.
     */
    protected abstract boolean filtersCanRemoveTheServerHeader();

    @Test
    void removeServerHeaderRemovesTheServerHeaderWhereTheContainerAllowsIt() throws IOException {
        Response r = send(new Request("GET", "/branded"));
        assertEquals(200, r.status());
        assertEquals("branded", r.body());
        if (filtersCanRemoveTheServerHeader()) {
            assertNull(r.header("Server"));
            assertNull(send(new Request("GET", "/tool.exe")).header("Server"));
        } else {
            assertEquals("LegacyApp/1.0", r.header("Server"), "the documented Jetty limitation changed");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET  | /a+b.html                          | -                 | 404.11",
        "GET  | /conf/stageline.yaml               | -                 | 404.8",
        "GET  | /CONF/Stageline.YAML               | -                 | 404.8",
        "GET  | /tool.exe                          | -                 | 404.7",
        "GET  | /tool.EXE;jsessionid=A1            | -                 | 404.7",
        "PUT  | /hello.html                        | -                 | 404.6",
        "GET  | /hello.html?q=%3Cscript%3E         | -                 | 404.18",
        "GET  | /hello.html                        | User-Agent: sqlmap/1.7 | 404.19",
        "GET  | /hello.html                        | X-Big: 01234567890 | 431.0",
        "GET  | /legacy/hello.html                 | X-Big: 01234567890 | 404.10",
        "GET  | /hello.html?q=0123456789012345678901234567890123456789012345678901 | - | 404.15"})
    void eachDenialShowsItsSubstatusOnEveryContainer(String verb, String target, String header, String code)
            throws IOException {
        Request r = new Request(verb.trim(), target.trim());
        if (!"-".equals(header.trim())) {
            r = r.with(header.trim());
        }
        Response response = send(r);
        assertEquals(Integer.parseInt(code.substring(0, 3)), response.status(), response.body());
        assertTrue(response.isStagelinePage(code.trim()), response.body());
    }

    /** A legacy servlet that brands its responses. */
    static final class Branded extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("Server", "LegacyApp/1.0");
            resp.setContentType("text/plain");
            resp.getWriter().print("branded");
        }
    }

    /** True when the container refuses a path with {@code %25} itself (Jetty: "Ambiguous URI path encoding"). */
    protected abstract boolean containerRefusesAnEncodedPercent();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/x/%252e%252e/hello.html", "/hello%252ehtml", "/100%25.html"})
    void aDoubleEscapedUrlIs404Point11WhereStagelineSeesIt(String target) throws IOException {
        Response r = send(new Request("GET", target));
        if (containerRefusesAnEncodedPercent()) {
            assertEquals(400, r.status(), r.body());
        } else {
            assertEquals(404, r.status(), r.body());
            assertTrue(r.isStagelinePage("404.11"), r.body());
        }
    }

    @Test
    void aUrlLongerThanMaxUrlIs404Point14() throws IOException {
        Response r = send(new Request("GET", "/" + "a".repeat(250) + ".html"));
        assertEquals(404, r.status());
        assertTrue(r.isStagelinePage("404.14"), r.body());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/hello.html, 413.1", "/legacy/hello.html, 404.13"})
    void aBodyLongerThanMaxAllowedContentLengthIs413Point1OrTheLegacy404Point13(String target, String code)
            throws IOException {
        Response r = send(new Request("POST", target, List.of("Content-Type: text/plain"), "0123456789ABCDEF"));
        assertEquals(Integer.parseInt(code.substring(0, 3)), r.status(), r.body());
        assertTrue(r.isStagelinePage(code), r.body());
    }
}
