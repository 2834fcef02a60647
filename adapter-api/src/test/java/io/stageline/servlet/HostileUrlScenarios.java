package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.HostileRequests.Probe;
import io.stageline.servlet.RawHttp.Request;
import io.stageline.servlet.RawHttp.Response;
import io.stageline.servlet.TestContainer.ServletSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-URL suite (issue 5, item 7, the part that does not need the real authorization modules): an application
 * protecting {@code /admin/**} with {@link AdminOnlyModule} behind the default RequestFiltering, with a static file
 * {@code /admin/secret.html}, an exact servlet mapping {@code /admin/report} and a suffix mapping {@code *.do} hit at
 * {@code /admin/x.do}. Every crafted request of {@link HostileRequests} (targets × mutations, sent over raw sockets)
 * must end in a 4xx without any secret marker; the legitimate requests must still succeed. A subclass per container
 * runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostileUrlScenarios {
    private TestContainer container;
    private Path webRoot;
    private URI base;

    /** A new, unstarted container. */
    protected abstract TestContainer newContainer();

    @BeforeAll
    void start() throws Exception {
        webRoot = Files.createTempDirectory("stageline-hostile");
        Files.createDirectories(webRoot.resolve("admin"));
        Files.writeString(webRoot.resolve("admin/secret.html"), "<p>" + HostileServlets.STATIC_MARKER + "</p>");
        Files.writeString(webRoot.resolve("hello.html"), "<p>hello</p>");
        Files.createDirectories(webRoot.resolve("public"));
        Files.writeString(webRoot.resolve("public/page.html"), "<p>public page</p>");
        // RequestFiltering is in the default module list (first), with its default settings
        CompiledPipeline pipeline = Stageline.builder()
                .addNativeModule(AdminOnlyModule.NAME, new AdminOnlyModule(), ModuleSettings.empty())
                .build();
        container = newContainer();
        base = container.start(webRoot, "", pipeline, List.of(
                new ServletSpec("report", new HostileServlets.Report(), "/admin/report"),
                new ServletSpec("action", new HostileServlets.Action(), "*.do")));
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

    @TestFactory
    Stream<DynamicNode> noCraftedRequestReachesProtectedContent() {
        List<Probe> probes = HostileRequests.all();
        assertTrue(probes.size() >= 150, "the suite must fire at least 150 crafted requests, has " + probes.size());
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> byProbe = new java.util.LinkedHashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        for (Probe p : probes) {
            tests.add(DynamicTest.dynamicTest(p.name(), () -> {
                Response r = p.attempt().perform(base);
                outcomes.merge(Integer.toString(r.status()), 1, Integer::sum);
                byProbe.put(p.name(), r.status());
                assertFalse(HostileServlets.leaks(r.body()), "protected content served (" + r.status() + "): "
                        + r.body());
                if (!p.otherResource()) {
                    assertTrue(r.status() >= 400 && r.status() < 500, "expected a 4xx, got " + r.status());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            System.out.println("[" + container.name() + "] " + probes.size() + " hostile requests ("
                    + HostileRequests.TARGETS.size() + " targets x " + HostileRequests.mutationCount()
                    + " mutations), statuses " + outcomes);
            StringBuilder table = new StringBuilder();
            byProbe.forEach((name, status) -> table.append(status).append("  ").append(name).append('\n'));
            Files.writeString(Path.of("target", "hostile-url-outcomes-" + container.name() + ".txt"), table);
        }));
        String name = probes.size() + " hostile requests on " + container.name() + " (" + HostileRequests.TARGETS.size()
                + " targets x " + HostileRequests.mutationCount() + " mutations)";
        return Stream.of(DynamicContainer.dynamicContainer(name, tests));
    }

    @TestFactory
    Stream<DynamicTest> legitimateRequestsStillSucceed() {
        String auth = AdminOnlyModule.USER_HEADER + ": admin";
        List<DynamicTest> tests = new ArrayList<>();
        for (HostileRequests.Target t : HostileRequests.TARGETS) {
            String marker = markerOf(t);
            tests.add(served("authorized " + t.path(), new Request("GET", t.path(), auth), marker));
            tests.add(served("authorized, header name in lower case", new Request("GET", t.path(),
                    "x-test-user: admin"), marker));
            tests.add(served("authorized with a trailing session id", new Request("GET", t.path()
                    + ";jsessionid=0A1B2C3D.node1", auth), marker));
            tests.add(served("authorized in absolute-form", new Request("GET", "http://localhost" + t.path(), auth),
                    marker));
            tests.add(served("authorized with an encoded letter", new Request("GET", "/%61dmin/" + t.rest(), auth),
                    marker));
            tests.add(served("authorized with a hostile-looking query", new Request("GET", t.path()
                    + "?next=/admin/../x%2f&a=..;", auth), marker));
            tests.add(served("authorized HEAD " + t.path(), new Request("HEAD", t.path(), auth), ""));
        }
        tests.add(served("public static page", new Request("GET", "/hello.html"), "<p>hello</p>"));
        tests.add(served("public page in a directory", new Request("GET", "/public/page.html"), "public page"));
        tests.add(served("public *.do action", new Request("GET", "/public/x.do"), HostileServlets.DO_PUBLIC));
        tests.add(DynamicTest.dynamicTest("keep-alive: unauthorized, then authorized", () -> {
            List<Response> r = RawHttp.exchange(base, List.of(new Request("GET", "/admin/report"),
                    new Request("GET", "/admin/report", auth)), false);
            assertEquals(401, r.get(0).status());
            assertEquals(200, r.get(1).status());
            assertTrue(r.get(1).body().contains(HostileServlets.REPORT_MARKER));
        }));
        return tests.stream();
    }

    private DynamicTest served(String name, Request request, String expectedInBody) {
        return DynamicTest.dynamicTest(name + ": " + request, () -> {
            Response r = RawHttp.send(base, request);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains(expectedInBody), r.body());
        });
    }

    private static String markerOf(HostileRequests.Target t) {
        return switch (t.rest()) {
            case "secret.html" -> HostileServlets.STATIC_MARKER;
            case "report" -> HostileServlets.REPORT_MARKER;
            default -> HostileServlets.DO_MARKER;
        };
    }
}
