package io.stageline.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.stageline.it.webapp.Recordings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * The conformance suite: every row of {@link ConformanceTable} on a standalone Jetty and a standalone Tomcat (both
 * started in {@link #startServers()}, in parallel, each its own JVM on its own class path, hosting all of
 * {@link ConformanceApps}), installed the way a subclass says, over real HTTP. Each row is one dynamic test per
 * container; the last test checks that both containers made the same {@link Observation} for every row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ConformanceSuite {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SUBSTATUS = Pattern.compile("<!-- stageline-status: (\\d{3}\\.\\d+) -->");
    private static final Duration RECORDING_DEADLINE = Duration.ofSeconds(10);
    /** How long a row that expects no recording waits for one to appear anyway. */
    private static final Duration QUIET_WAIT = Duration.ofMillis(300);
    private static final String PROBE = "integrated/hello.html";

    private final Map<Container, ServerUnderTest> servers = new EnumMap<>(Container.class);
    private final Map<Container, Map<String, Observation>> observed = new EnumMap<>(Container.class);
    private final List<Scenario> rows = ConformanceTable.all().stream()
            .filter(row -> row.installs().contains(install())).toList();

    /** How Stageline is installed in both servers. */
    protected abstract Install install();

    @BeforeAll
    void startServers() throws Exception {
        Path work = Workspace.freshDirectory(getClass().getSimpleName());
        Map<String, Path> apps = ConformanceApps.build(work.resolve("webapps"), install());
        ExecutorService starter = Executors.newFixedThreadPool(Container.values().length);
        try {
            Map<Container, Future<ServerUnderTest>> starting = new EnumMap<>(Container.class);
            for (Container c : Container.values()) {
                Path base = work.resolve(c.name().toLowerCase());
                starting.put(c, starter.submit(() -> c.start(base, apps, install(), ConformanceApps.SHARED, PROBE)));
            }
            for (Map.Entry<Container, Future<ServerUnderTest>> s : starting.entrySet()) {
                observed.put(s.getKey(), new ConcurrentHashMap<>());
                servers.put(s.getKey(), started(s.getValue()));
            }
        } catch (RuntimeException e) {
            stopServers();
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    private static ServerUnderTest started(Future<ServerUnderTest> start) throws InterruptedException {
        try {
            return start.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a server did not start", e.getCause());
        }
    }

    @AfterAll
    void stopServers() {
        for (ServerUnderTest server : servers.values()) {
            server.close();
        }
        servers.clear();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicContainer> everyScenarioOnEachContainer() {
        return Stream.of(Container.values()).map(c -> DynamicContainer.dynamicContainer(c.name().toLowerCase(),
                rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(c, row)))));
    }

    @Test
    @Order(2)
    void bothContainersObserveTheSameForEveryScenario() {
        List<Executable> checks = new ArrayList<>();
        for (Scenario row : rows) {
            checks.add(() -> {
                Observation jetty = observed.get(Container.JETTY).get(row.name());
                Observation tomcat = observed.get(Container.TOMCAT).get(row.name());
                assertNotNull(jetty, "no Jetty observation: " + row);
                assertNotNull(tomcat, "no Tomcat observation: " + row);
                assertEquals(jetty, tomcat, "Jetty and Tomcat differ: " + row);
            });
        }
        assertAll(checks);
    }

    @TestFactory
    @Order(3)
    Stream<DynamicContainer> containerDifferencesAreTheDocumentedOnes() {
        return Stream.of(Container.values()).map(c -> DynamicContainer.dynamicContainer(c.name().toLowerCase(),
                ContainerDifferences.all().stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> assertEquals(
                        d.expected(c), ContainerDifferences.send(servers.get(c).root(), d.requestLine()),
                        d.requestLine())))));
    }

    private void check(Container container, Scenario row) throws IOException, InterruptedException {
        ServerUnderTest server = servers.get(container);
        String id = "r" + rows.indexOf(row);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.root().resolve(row.target()))
                .timeout(Duration.ofSeconds(10)).header(Recordings.ID_HEADER, id)
                .method(row.method(), "GET".equals(row.method()) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("x"));
        row.headers().forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<String> stages = awaitRecording(server.tmp(), id, row.stages());
        Observation o = observe(row, response, stages, server.root());
        observed.get(container).put(row.name(), o);
        String context = "\n" + container + " " + row.method() + " /" + row.target() + "\nbody: " + response.body()
                + "\nrecorded: " + stages;
        assertAll(
                () -> assertEquals(row.status(), o.status(), "status" + context),
                () -> assertEquals(row.substatus(), o.substatus(), "substatus marker" + context),
                () -> assertEquals(row.markers(), o.markers().stream().filter(row.markers()::contains).toList(),
                        "body markers" + context),
                () -> assertEquals(List.of(), o.markers().stream().filter(row.absent()::contains).toList(),
                        "markers that must not be in the body" + context),
                () -> assertEquals(row.contentType() == null ? o.contentType() : row.contentType(), o.contentType(),
                        "media type" + context),
                () -> assertEquals(row.location() == null ? o.location() : row.location(), o.location(),
                        "Location" + context),
                () -> assertEquals(row.stages() == null ? stages : row.stages(), stages, "recorded stages" + context));
    }

    private static Observation observe(Scenario row, HttpResponse<String> r, List<String> stages, URI root) {
        String body = r.body();
        Matcher m = SUBSTATUS.matcher(body);
        String substatus = m.find() ? m.group(1) : null;
        List<String> markers = new ArrayList<>();
        for (String marker : row.markers()) {
            if (body.contains(marker)) {
                markers.add(marker);
            }
        }
        for (String marker : row.absent()) {
            if (body.contains(marker)) {
                markers.add(marker);
            }
        }
        String contentType = r.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase())
                .orElse(null);
        String location = r.headers().firstValue("Location").map(l -> {
            URI u = root.resolve(l);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        }).orElse(null);
        return new Observation(r.statusCode(), substatus, List.copyOf(markers), contentType, location, stages);
    }

    /**
     * Reads the recording {@code id} once it holds as many END_REQUEST events as {@code expected} (END_REQUEST may run
     * after the client has the whole response), or, when none is expected, after a short quiet wait.
     */
    private static List<String> awaitRecording(Path tmp, String id, List<String> expected)
            throws IOException, InterruptedException {
        Path file = tmp.resolve(Recordings.DIRECTORY).resolve(id + ".log");
        long ends = expected == null ? 1 : expected.stream().filter(e -> e.startsWith("END_REQUEST:")).count();
        long deadline = System.nanoTime() + (ends == 0 ? QUIET_WAIT : RECORDING_DEADLINE).toNanos();
        while (true) {
            List<String> recorded = Files.exists(file) ? Files.readAllLines(file) : Collections.emptyList();
            long seen = recorded.stream().filter(e -> e.startsWith("END_REQUEST:")).count();
            if (ends > 0 && seen >= ends || System.nanoTime() > deadline) {
                return List.copyOf(recorded);
            }
            Thread.sleep(20);
        }
    }
}
