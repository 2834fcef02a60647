package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.failedrequesttracing.FailedRequestTracingModule;
import io.stageline.testutil.MiniJson;
import io.stageline.modules.httplogging.HttpLoggingModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * W3C logging and failed-request tracing over real HTTP, written once and run on every container (a subclass per
 * container starts it, as {@link ContainerScenarios} does): real requests must produce real log lines and traces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LoggingScenarios {
    private static final String FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs-version cs(User-Agent) cs-host sc-status sc-substatus sc-win32-status sc-bytes time-taken";

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path root;
    private Path logs;
    private Path traces;
    private URI base;

    /** Starts the container with the {@link ContainerScenarios} application on {@code root}; returns the base URI. */
    protected abstract URI start(Path root, CompiledPipeline pipeline) throws Exception;

    protected abstract void stop() throws Exception;

    @BeforeAll
    void startContainer() throws Exception {
        root = Files.createTempDirectory("stageline-logging-webroot");
        Files.writeString(root.resolve("hello.html"), "<p>hello static</p>");
        Files.createDirectories(root.resolve("WEB-INF"));
        Files.writeString(root.resolve("WEB-INF/stageline.yaml"), "pipelineMode: integrated\n");
        logs = Files.createTempDirectory("stageline-w3c");
        traces = Files.createTempDirectory("stageline-freb");
        CompiledPipeline pipeline = Stageline.builder()
                .removeModule(HttpLoggingModule.NAME)
                .removeModule(FailedRequestTracingModule.NAME)
                .addNativeModule(HttpLoggingModule.NAME, new HttpLoggingModule(),
                        ModuleSettings.of(Map.of("directory", logs.toString(), "fields", FIELDS)))
                .addNativeModule(FailedRequestTracingModule.NAME, new FailedRequestTracingModule(),
                        ModuleSettings.of(Map.of("enabled", true, "directory", traces.toString(),
                                "rules", List.of(Map.of("path", "*.html", "statusCodes", "404")))))
                .addHandler(HandlerMapping.builder("Reports").path("*.do").verb("GET").servlet(ContainerScenarios.LEGACY)
                        .build())
                .build();
        base = start(root, pipeline);
    }

    @AfterAll
    void stopContainer() throws Exception {
        stop();
        for (Path dir : List.of(root, logs, traces)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private HttpResponse<String> get(String path, String userAgent) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).header("User-Agent", userAgent).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The log records (non-directive lines) of every file, waiting up to 10 s until {@code ready} holds. */
    private List<String> records(Predicate<List<String>> ready) throws Exception {
        List<String> out = List.of();
        for (int i = 0; i < 200 && !ready.test(out); i++) {
            Thread.sleep(50);
            out = new ArrayList<>();
            try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("u_ex\\d{6}\\.log")).sorted()
                        .toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (!line.startsWith("#")) {
                            out.add(line);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String recordFor(List<String> records, String stem) {
        for (String r : records) {
            if (r.split(" ")[4].equals(stem)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void realRequestsWriteW3cLinesWithTheirFields() throws Exception {
        HttpResponse<String> hello = get("/hello.html?lang=en", "Scenario Agent/1.0 (test run)");
        assertEquals(200, hello.statusCode(), hello.body());
        assertEquals(200, get("/reports/monthly.do", "curl/8").statusCode());
        assertEquals(404, get("/missing.html", "curl/8").statusCode());
        List<String> recs = records(r -> recordFor(r, "/hello.html") != null && recordFor(r, "/reports/monthly.do")
                != null && recordFor(r, "/missing.html") != null);
        String[] stat = recordFor(recs, "/hello.html").split(" ");
        assertEquals(17, stat.length, String.join(" ", stat));
        assertTrue(stat[0].matches("\\d{4}-\\d\\d-\\d\\d") && stat[1].matches("\\d\\d:\\d\\d:\\d\\d"), stat[0]);
        assertEquals("127.0.0.1", stat[2]);
        assertEquals("GET", stat[3]);
        assertEquals("lang=en", stat[5]);
        assertEquals(String.valueOf(base.getPort()), stat[6]);
        assertEquals("-", stat[7]);
        assertEquals("127.0.0.1", stat[8]);
        assertEquals("HTTP/1.1", stat[9]);
        assertEquals("Scenario+Agent/1.0+(test+run)", stat[10]);
        assertEquals("127.0.0.1:" + base.getPort(), stat[11]);
        assertEquals(List.of("200", "0", "0"), List.of(stat[12], stat[13], stat[14]));
        assertTrue(stat[15].equals("19") || stat[15].equals("-"), "sc-bytes " + stat[15]);
        assertTrue(stat[16].matches("\\d+"), "time-taken " + stat[16]);
        String[] servlet = recordFor(recs, "/reports/monthly.do").split(" ");
        assertEquals(List.of("-", "200", "0"), List.of(servlet[5], servlet[12], servlet[13]));
        String[] missing = recordFor(recs, "/missing.html").split(" ");
        assertEquals(List.of("404", "0"), List.of(missing[12], missing[13]));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aNotFoundRequestLeavesATraceWithEveryModulesStartAndEnd() throws Exception {
        assertEquals(404, get("/nothing-here.html", "curl/8").statusCode());
        assertEquals(200, get("/hello.html", "curl/8").statusCode());
        Map<String, Object> trace = null;
        for (int i = 0; i < 200 && trace == null; i++) {
            Thread.sleep(50);
            try (Stream<Path> files = Files.list(traces)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Map<String, Object> t = (Map<String, Object>) MiniJson.parse(Files.readString(f));
                    if ("/nothing-here.html".equals(((Map<String, Object>) t.get("request")).get("url"))) {
                        trace = t;
                        assertTrue(Files.readString(Path.of(f.toString().replace(".json", ".html")))
                                .contains("nothing-here.html"));
                    }
                }
            }
        }
        assertTrue(trace != null, "no trace for /nothing-here.html");
        Map<String, Object> response = (Map<String, Object>) trace.get("response");
        assertEquals(404L, response.get("status"));
        assertEquals(0L, response.get("subStatus"));
        List<Map<String, Object>> events = (List<Map<String, Object>>) trace.get("events");
        List<String> modules = new ArrayList<>();
        for (Map<String, Object> e : events) {
            Map<String, Object> data = (Map<String, Object>) e.get("data");
            if ("NOTIFY_MODULE_END".equals(e.get("name"))) {
                assertTrue(data.get("durationMs") instanceof Double);
                modules.add(data.get("module") + "@" + data.get("stage"));
            }
        }
        assertTrue(modules.contains("HttpLogging@LOG_REQUEST"), modules.toString());
        assertEquals("GENERAL_REQUEST_START", events.get(0).get("name"));
        assertEquals("GENERAL_REQUEST_END", events.get(events.size() - 1).get("name"));
        try (Stream<Path> files = Files.list(traces)) {
            assertEquals(0, files.filter(p -> p.toString().contains("hello")).count());
        }
    }
}
