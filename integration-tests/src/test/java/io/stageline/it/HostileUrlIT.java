package io.stageline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.servlet.HostileRequests;
import io.stageline.servlet.HostileRequests.Credentials;
import io.stageline.servlet.HostileRequests.Forged;
import io.stageline.servlet.HostileRequests.Probe;
import io.stageline.servlet.HostileRequests.Target;
import io.stageline.servlet.RawHttp;
import io.stageline.servlet.RawHttp.Request;
import io.stageline.servlet.RawHttp.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The hostile-URL suite (issue 5, item 7) on a standalone Jetty 12.1 and a standalone Tomcat 11, each with the drop-in
 * jar and {@link HostileWebApp} as its root application, protected by the real modules configured only by YAML. Every
 * crafted request of {@link HostileRequests} (targets × mutations, over raw sockets, with Basic credentials as the
 * admin's and forged ones) plus the forms probes below must end in a 4xx or the forms login redirect, without any
 * secret marker; the legitimate requests must still succeed. Each run writes every probe's status to
 * {@code target/hostile-outcomes-<container>.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUrlIT {
    private static final String ADMIN_BASIC = basic(HostileWebApp.ADMIN, HostileWebApp.ADMIN_PASSWORD);
    private static final String GUEST_BASIC = basic(HostileWebApp.GUEST, HostileWebApp.GUEST_PASSWORD);

    /** The admin's Basic header opens the area; the forged ones look like credentials and must not. */
    static final Credentials CREDENTIALS = new Credentials(ADMIN_BASIC, List.of(
            new Forged("Basic: a valid non-admin user", GUEST_BASIC),
            new Forged("Basic: admin, wrong password", basic("admin", "wrong")),
            new Forged("Basic: admin with the non-admin's password", basic("admin", HostileWebApp.GUEST_PASSWORD)),
            new Forged("Basic: admin, empty password", basic("admin", "")),
            new Forged("Basic: admin, password with a trailing space", basic("admin", HostileWebApp.ADMIN_PASSWORD
                    + " ")),
            new Forged("Basic: ADMIN in upper case, wrong password", basic("ADMIN", "wrong")),
            new Forged("Basic: admin2 with the admin's password", basic("admin2", HostileWebApp.ADMIN_PASSWORD)),
            new Forged("Basic: user name only", "Authorization: Basic " + b64("admin")),
            new Forged("Basic: malformed base64", "Authorization: Basic !!!not-base64"),
            new Forged("Basic: no credentials", "Authorization: Basic"),
            new Forged("Bearer scheme", "Authorization: Bearer admin"),
            new Forged("two Authorization headers, the non-admin's first", GUEST_BASIC + "\r\n"
                    + basic("admin", "wrong")),
            new Forged("X-Test-User: admin (the embedded test module's header)", "X-Test-User: admin"),
            new Forged("X-Forwarded-User: admin", "X-Forwarded-User: admin"),
            new Forged("X-Remote-User: admin", "X-Remote-User: admin"),
            new Forged("forged forms cookie", "Cookie: " + HostileWebApp.COOKIE + "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            new Forged("empty forms cookie", "Cookie: " + HostileWebApp.COOKIE + "=")));

    /** Forms probes per target; the status each must end with (0: a 4xx or the login redirect, as every probe). */
    private record FormsProbe(String name, Attempt attempt, int status) {
    }

    @FunctionalInterface
    private interface Attempt {
        Response perform(URI base, Target target) throws IOException;
    }

    private final Map<Container, ServerUnderTest> servers = new EnumMap<>(Container.class);

    @BeforeAll
    void startServers() throws Exception {
        Path work = Workspace.freshDirectory(getClass().getSimpleName());
        Path app = HostileWebApp.build(work.resolve("webapps/ROOT"));
        ExecutorService starter = Executors.newFixedThreadPool(Container.values().length);
        try {
            Map<Container, Future<ServerUnderTest>> starting = new EnumMap<>(Container.class);
            for (Container c : Container.values()) {
                Path base = work.resolve(c.name().toLowerCase());
                starting.put(c, starter.submit(() -> c.start(base, Map.of("ROOT", app), Install.DROP_IN, "",
                        "hello.html")));
            }
            for (Map.Entry<Container, Future<ServerUnderTest>> s : starting.entrySet()) {
                try {
                    servers.put(s.getKey(), s.getValue().get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(s.getKey() + " did not start", e.getCause());
                }
            }
        } catch (RuntimeException e) {
            stopServers();
            throw e;
        } finally {
            starter.shutdown();
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
    Stream<DynamicNode> noCraftedRequestReachesProtectedContent() {
        List<Probe> probes = new ArrayList<>(HostileRequests.all(CREDENTIALS));
        Map<String, Integer> exact = new LinkedHashMap<>();
        for (Target t : HostileRequests.TARGETS) {
            for (Probe p : StandaloneMutations.of(t)) {
                probes.add(p);
            }
            for (FormsProbe f : formsProbes()) {
                String name = t.path() + " | " + f.name();
                probes.add(new Probe(name, base -> f.attempt().perform(base, t), false));
                exact.put(name, f.status());
            }
        }
        assertTrue(probes.size() >= 150 * HostileRequests.TARGETS.size(), "at least 150 crafted requests per target, has "
                + probes.size());
        return Stream.of(Container.values()).map(c -> container(c, probes, exact));
    }

    private DynamicContainer container(Container c, List<Probe> probes, Map<String, Integer> exact) {
        String name = c.name().toLowerCase();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> byProbe = new LinkedHashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        for (Probe p : probes) {
            tests.add(DynamicTest.dynamicTest(p.name(), () -> {
                Response r = p.attempt().perform(servers.get(c).root());
                outcomes.merge(Integer.toString(r.status()), 1, Integer::sum);
                byProbe.put(p.name(), r.status());
                assertFalse(HostileWebApp.leaks(r.body()) || HostileWebApp.leaks(r.headers().toString()),
                        "PROTECTED CONTENT SERVED (" + r.status() + "): " + r.headers() + "\n" + r.body());
                if (exact.getOrDefault(p.name(), 0) != 0) {
                    assertEquals(exact.get(p.name()), r.status(), r.body());
                } else if (!p.otherResource()) {
                    assertRefused(r);
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            System.out.println("[" + name + "] " + probes.size() + " hostile requests (" + HostileRequests.TARGETS.size()
                    + " targets x " + probes.size() / HostileRequests.TARGETS.size() + " mutations), statuses "
                    + outcomes);
            StringBuilder table = new StringBuilder("# " + probes.size() + " probes on standalone " + name
                    + ", statuses " + outcomes + "\n");
            byProbe.forEach((probe, status) -> table.append(status).append("  ").append(probe).append('\n'));
            Files.writeString(Path.of("target", "hostile-outcomes-" + name + ".txt"), table);
        }));
        return DynamicContainer.dynamicContainer(probes.size() + " hostile requests on standalone " + name, tests);
    }

    /** A refusal: a 4xx, or the forms login redirect (what an anonymous request to the admin area gets). */
    private static void assertRefused(Response r) {
        if (r.status() == 302) {
            String location = r.header("Location");
            assertNotNull(location, "302 without Location");
            assertTrue(URI.create(location).getPath().equals(HostileWebApp.LOGIN_URL), "302 elsewhere: " + location);
        } else {
            assertTrue(r.status() >= 400 && r.status() < 500, "expected a 4xx or the login redirect, got "
                    + r.status());
        }
    }

    private static List<FormsProbe> formsProbes() {
        return List.of(
                new FormsProbe("forms: non-admin logs in, then asks on the same connection with the cookie",
                        (base, t) -> {
                            try (RawHttp.Connection conn = new RawHttp.Connection(base)) {
                                String cookie = login(conn, HostileWebApp.GUEST, HostileWebApp.GUEST_PASSWORD, null);
                                return conn.send(new Request("GET", t.path(), "Cookie: " + cookie));
                            }
                        }, 403),
                new FormsProbe("forms: non-admin logs in with ReturnUrl = the target, follows the redirect",
                        (base, t) -> {
                            try (RawHttp.Connection conn = new RawHttp.Connection(base)) {
                                String cookie = login(conn, HostileWebApp.GUEST, HostileWebApp.GUEST_PASSWORD,
                                        t.path());
                                return conn.send(new Request("GET", t.path(), "Cookie: " + cookie));
                            }
                        }, 403),
                new FormsProbe("forms: admin logs in and is served, then the same connection without the cookie",
                        (base, t) -> {
                            try (RawHttp.Connection conn = new RawHttp.Connection(base)) {
                                String cookie = login(conn, HostileWebApp.ADMIN, HostileWebApp.ADMIN_PASSWORD, null);
                                Response served = conn.send(new Request("GET", t.path(), "Cookie: " + cookie));
                                assertEquals(200, served.status(), "the admin's request before the hostile one");
                                assertTrue(HostileWebApp.leaks(served.body()), served.body());
                                return conn.send(new Request("GET", t.path()));
                            }
                        }, 302),
                new FormsProbe("forms: admin's cookie with one character changed", (base, t) -> {
                    try (RawHttp.Connection conn = new RawHttp.Connection(base)) {
                        String cookie = login(conn, HostileWebApp.ADMIN, HostileWebApp.ADMIN_PASSWORD, null);
                        int at = cookie.length() - 5;
                        char flipped = cookie.charAt(at) == 'A' ? 'B' : 'A';
                        return conn.send(new Request("GET", t.path(), "Cookie: " + cookie.substring(0, at) + flipped
                                + cookie.substring(at + 1)));
                    }
                }, 302),
                new FormsProbe("forms: non-admin's cookie and the admin's user name in Basic, wrong password",
                        (base, t) -> {
                            try (RawHttp.Connection conn = new RawHttp.Connection(base)) {
                                String cookie = login(conn, HostileWebApp.GUEST, HostileWebApp.GUEST_PASSWORD, null);
                                return conn.send(new Request("GET", t.path(), "Cookie: " + cookie,
                                        basic("admin", "wrong")));
                            }
                        }, 0),
                new FormsProbe("forms: failed admin login, then the target on the same connection", (base, t) -> {
                    try (RawHttp.Connection conn = new RawHttp.Connection(base)) {
                        Response failed = conn.send(loginRequest(HostileWebApp.ADMIN, "wrong", null));
                        assertEquals(302, failed.status());
                        assertTrue(failed.header("Location").contains("loginFailed=1"), failed.header("Location"));
                        return conn.send(new Request("GET", t.path()));
                    }
                }, 302));
    }

    @TestFactory
    Stream<DynamicContainer> legitimateRequestsStillSucceed() {
        return Stream.of(Container.values()).map(c -> DynamicContainer.dynamicContainer(c.name().toLowerCase(),
                legitimate(c)));
    }

    private List<DynamicTest> legitimate(Container c) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Target t : HostileRequests.TARGETS) {
            String marker = markerOf(t);
            tests.add(served(c, "admin, Basic " + t.path(), new Request("GET", t.path(), ADMIN_BASIC), marker));
            tests.add(served(c, "admin, user name in upper case", new Request("GET", t.path(),
                    basic("ADMIN", HostileWebApp.ADMIN_PASSWORD)), marker));
            tests.add(served(c, "admin, trailing session id", new Request("GET", t.path()
                    + ";jsessionid=0A1B2C3D.node1", ADMIN_BASIC), marker));
            tests.add(served(c, "admin, absolute-form", new Request("GET", "http://localhost" + t.path(), ADMIN_BASIC),
                    marker));
            tests.add(served(c, "admin, encoded letter", new Request("GET", "/%61dmin/" + t.rest(), ADMIN_BASIC),
                    marker));
            tests.add(served(c, "admin, hostile-looking query", new Request("GET", t.path()
                    + "?next=/admin/../x%2f&a=..;", ADMIN_BASIC), marker));
            tests.add(served(c, "admin, HEAD", new Request("HEAD", t.path(), ADMIN_BASIC), ""));
            tests.add(DynamicTest.dynamicTest("admin, forms login then " + t.path(), () -> {
                try (RawHttp.Connection conn = new RawHttp.Connection(servers.get(c).root())) {
                    String cookie = login(conn, HostileWebApp.ADMIN, HostileWebApp.ADMIN_PASSWORD, null);
                    Response r = conn.send(new Request("GET", t.path(), "Cookie: " + cookie));
                    assertEquals(200, r.status(), r.body());
                    assertTrue(r.body().contains(marker), r.body());
                }
            }));
            tests.add(DynamicTest.dynamicTest("non-admin, Basic: 403 " + t.path(), () -> {
                Response r = RawHttp.send(servers.get(c).root(), new Request("GET", t.path(), GUEST_BASIC));
                assertEquals(403, r.status(), r.body());
                assertFalse(HostileWebApp.leaks(r.body()), r.body());
            }));
            tests.add(DynamicTest.dynamicTest("anonymous: login redirect " + t.path(), () -> {
                Response r = RawHttp.send(servers.get(c).root(), new Request("GET", t.path()));
                assertEquals(302, r.status(), r.body());
                assertEquals(HostileWebApp.LOGIN_URL + "?ReturnUrl=" + t.path().replace("/", "%2F"),
                        r.header("Location").replaceFirst("^https?://[^/]+", ""));
            }));
        }
        tests.add(served(c, "public static page", new Request("GET", "/hello.html"), "<p>hello</p>"));
        tests.add(served(c, "public page in a directory", new Request("GET", "/public/page.html"), "public page"));
        tests.add(served(c, "public *.do action", new Request("GET", "/public/x.do"), HostileWebApp.DO_PUBLIC));
        tests.add(served(c, "the login page", new Request("GET", HostileWebApp.LOGIN_URL), "<form"));
        tests.add(served(c, "a public page with the non-admin's Basic credentials", new Request("GET", "/hello.html",
                GUEST_BASIC), "<p>hello</p>"));
        tests.add(DynamicTest.dynamicTest("keep-alive: anonymous, then the admin", () -> {
            List<Response> r = RawHttp.exchange(servers.get(c).root(), List.of(new Request("GET", "/admin/report"),
                    new Request("GET", "/admin/report", ADMIN_BASIC)), false);
            assertEquals(302, r.get(0).status());
            assertEquals(200, r.get(1).status());
            assertTrue(r.get(1).body().contains(HostileWebApp.REPORT_MARKER), r.get(1).body());
        }));
        return tests;
    }

    private DynamicTest served(Container c, String name, Request request, String expectedInBody) {
        return DynamicTest.dynamicTest(name + ": " + request.method() + " " + request.target(), () -> {
            Response r = RawHttp.send(servers.get(c).root(), request);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains(expectedInBody), r.body());
        });
    }

    /** Logs in with a forms POST on {@code conn}; returns the ticket cookie as {@code name=value}. */
    private static String login(RawHttp.Connection conn, String user, String password, String returnUrl)
            throws IOException {
        Response r = conn.send(loginRequest(user, password, returnUrl));
        assertEquals(302, r.status(), "login of " + user + ": " + r.body());
        List<String> cookies = r.headers().getOrDefault("set-cookie", List.of());
        for (String cookie : cookies) {
            if (cookie.startsWith(HostileWebApp.COOKIE + "=")) {
                return cookie.split(";", 2)[0];
            }
        }
        throw new AssertionError("login of " + user + " set no ticket cookie: " + r.headers());
    }

    private static Request loginRequest(String user, String password, String returnUrl) {
        String target = HostileWebApp.LOGIN_URL + (returnUrl == null ? "" : "?ReturnUrl=" + returnUrl.replace("/", "%2F"));
        return new Request("POST", target, List.of("Content-Type: application/x-www-form-urlencoded"),
                "username=" + user + "&password=" + password);
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + b64(user + ":" + password);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String markerOf(Target t) {
        return switch (t.rest()) {
            case "secret.html" -> HostileWebApp.STATIC_MARKER;
            case "report" -> HostileWebApp.REPORT_MARKER;
            default -> HostileWebApp.DO_MARKER;
        };
    }
}
