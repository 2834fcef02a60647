package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample applications of the README's Walkthrough, started as the README starts them ({@code --sample NAME}, or
 * {@code --webapp} on a copy of {@code target/samples/NAME} for the fixes) and asked over real HTTP what the README
 * says they answer.
 */
class SamplesIT {
    static final String COOKIE = ".STAGELINEAUTH";
    static final Path EXPLODED = Path.of(System.getProperty("stageline.samples.dir", "target/samples"));
    static final Path CLI_JAR = Path.of(System.getProperty("stageline.cli.jar", "../adapter-api/target/cli.jar"));

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
    void formsProtectsTheServletButNotStaticFilesUntilTheUserLogsIn(String container) throws Exception {
        LauncherProcess launcher = launch("--sample", "forms", "--container", container);
        URI base = launcher.awaitStarted(container);
        assertEquals("Sample forms: " + Sample.FORMS.description(), launcher.nextLine());

        assertRedirectsToLogin(get(base, "hello", null), "%2Fhello");
        assertRedirectsToLogin(get(base, "hello.jsp", null), "%2Fhello.jsp");
        assertEquals(200, get(base, "index.html", null).statusCode());
        assertEquals(200, get(base, "", null).statusCode());
        HttpResponse<String> loginPage = get(base, "login.html", null);
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.body().contains("<form method=\"post\" action=\"login.html\">"), loginPage.body());

        HttpResponse<String> failed = login(base, "%2Fhello", "wrong");
        assertEquals(302, failed.statusCode());
        assertEquals("/login.html?loginFailed=1&ReturnUrl=%2Fhello", location(failed));
        assertTrue(failed.headers().firstValue("Set-Cookie").isEmpty(), failed.headers().toString());

        String cookie = loginCookie(base, "%2Fhello", "/hello");
        HttpResponse<String> hello = get(base, "hello", cookie);
        assertEquals(200, hello.statusCode(), hello.body());
        assertTrue(hello.body().startsWith("Hello from HelloServlet"), hello.body());
        assertTrue(hello.body().contains("User: demo"), hello.body());
        HttpResponse<String> jsp = get(base, "hello.jsp", cookie);
        assertEquals(500, jsp.statusCode(), "no JSP engine in the launcher");
        assertFalse(jsp.body().contains("<%"), jsp.body());

        HttpResponse<String> logout = get(base, "logout", cookie);
        assertEquals(302, logout.statusCode());
        assertEquals("/login.html", location(logout));
        assertTrue(logout.headers().firstValue("Set-Cookie").orElse("").startsWith(COOKIE + "=;"),
                logout.headers().toString());
        assertStopsCleanly(launcher);
    }

    @Test
    void formsAllProtectsStaticFilesTooButNotTheLoginPage() throws Exception {
        LauncherProcess launcher = launch("--sample", "forms-all");
        URI base = launcher.awaitStarted("jetty");

        assertRedirectsToLogin(get(base, "hello", null), "%2Fhello");
        assertRedirectsToLogin(get(base, "index.html", null), "%2Findex.html");
        assertRedirectsToLogin(get(base, "", null), "%2F");
        assertEquals(200, get(base, "login.html", null).statusCode());

        String cookie = loginCookie(base, "%2Findex.html", "/index.html");
        HttpResponse<String> index = get(base, "index.html", cookie);
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<h1>Legacy sample</h1>"), index.body());
        assertEquals(200, get(base, "hello", cookie).statusCode());
        assertStopsCleanly(launcher);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void classicProtectsTheServletThroughLegacyModulesAndNeverStaticFiles(String container) throws Exception {
        LauncherProcess launcher = launch("--sample", "classic", "--container", container);
        URI base = launcher.awaitStarted(container);

        assertRedirectsToLogin(get(base, "hello", null), "%2Fhello");
        assertEquals(200, get(base, "index.html", null).statusCode());
        assertEquals(200, get(base, "login.html", null).statusCode());
        assertEquals("Sample classic: " + Sample.CLASSIC.description(), launcher.nextLine());
        String line = launcher.nextLine();
        while (line != null && line.startsWith("  ")) {
            line = launcher.nextLine();
        }
        assertEquals("Pipeline mode: classic. Stop with Ctrl+C.", line);

        String cookie = loginCookie(base, "%2Fhello", "/hello");
        HttpResponse<String> hello = get(base, "hello", cookie);
        assertEquals(200, hello.statusCode(), hello.body());
        assertTrue(hello.body().contains("User: demo"), hello.body());
        assertEquals(302, get(base, "logout", cookie).statusCode());
        assertStopsCleanly(launcher);
    }

    @Test
    void typeHandlerInClassicModeIs500Point21AndBothFixesWork() throws Exception {
        LauncherProcess classic = launch("--sample", "type-in-classic");
        URI base = classic.awaitStarted("jetty");
        HttpResponse<String> status = get(base, "status", null);
        assertEquals(500, status.statusCode());
        assertTrue(status.body().contains("HTTP Error 500.21"), status.body());
        assertTrue(status.body().contains("Add preCondition: integratedMode to the mapping, run the application in "
                + "integrated mode"), status.body());
        assertEquals(200, get(base, "hello", null).statusCode());
        assertStopsCleanly(classic);

        // Fix 1: integrated mode.
        LauncherProcess integrated = launch("--sample", "type-in-classic", "--mode", "integrated");
        base = integrated.awaitStarted("jetty");
        status = get(base, "status", null);
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("status: ok (a type: handler, pipeline mode integrated)\n", status.body());
        assertStopsCleanly(integrated);

        // Fix 2: preCondition: integratedMode, as the README's sed command adds it.
        Path app = copy("type-in-classic");
        Path yaml = app.resolve("WEB-INF/stageline.yaml");
        String config = Files.readString(yaml);
        String fixed = config.replace("      type: io.stageline.samples.extras.StatusHandler\n",
                "      type: io.stageline.samples.extras.StatusHandler\n      preCondition: integratedMode\n");
        assertFalse(fixed.equals(config), config);
        Files.writeString(yaml, fixed);
        LauncherProcess withPrecondition = launch("--webapp", app.toString());
        base = withPrecondition.awaitStarted("jetty");
        status = get(base, "status", null);
        assertEquals(404, status.statusCode(), "the mapping is dropped in classic mode: " + status.body());
        assertEquals(200, get(base, "hello", null).statusCode());
        assertStopsCleanly(withPrecondition);
    }

    @Test
    void legacyModulesInIntegratedModeAre500Point22UntilStagelineMigrate() throws Exception {
        LauncherProcess before = launch("--sample", "legacy-modules");
        URI base = before.awaitStarted("jetty");
        for (String path : List.of("index.html", "hello")) {
            HttpResponse<String> r = get(base, path, null);
            assertEquals(500, r.statusCode(), path);
            assertTrue(r.body().contains("HTTP Error 500.22"), r.body());
            assertTrue(r.body().contains("Migrate the configuration with: stageline migrate"), r.body());
        }
        assertStopsCleanly(before);

        Path app = copy("legacy-modules");
        Process migrate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                CLI_JAR.toString(), "migrate", app.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("migrate.txt").toFile()).start();
        assertTrue(migrate.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(tmp.resolve("migrate.txt"));
        assertEquals(0, migrate.exitValue(), output);
        assertTrue(output.contains("+    - add: Audit"), output);
        assertTrue(output.contains("+  validateIntegratedModeConfiguration: false"), output);

        for (String mode : List.of("integrated", "classic")) {
            LauncherProcess after = launch("--webapp", app.toString(), "--mode", mode);
            base = after.awaitStarted("jetty");
            HttpResponse<String> index = get(base, "index.html", null);
            assertEquals(200, index.statusCode(), mode + ": " + index.body());
            HttpResponse<String> hello = get(base, "hello", null);
            assertEquals(200, hello.statusCode(), mode + ": " + hello.body());
            assertEquals("legacy-audit", hello.headers().firstValue("X-Audit").orElse(null), mode);
            if (mode.equals("integrated")) {
                assertTrue(index.headers().firstValue("X-Audit").isEmpty(), "managedHandler: not for static files");
            }
            assertStopsCleanly(after);
        }
    }

    /** Logs the demo user in and returns the ticket cookie ("name=value"), checking the redirect to the ReturnUrl. */
    private String loginCookie(URI base, String returnUrl, String expectedLocation) throws Exception {
        HttpResponse<String> ok = login(base, returnUrl, "stageline-demo");
        assertEquals(302, ok.statusCode(), ok.body());
        assertEquals(expectedLocation, location(ok));
        String setCookie = ok.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(setCookie.startsWith(COOKIE + "=") && setCookie.contains("HttpOnly"), setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> login(URI base, String returnUrl, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("login.html?ReturnUrl=" + returnUrl))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=" + password)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRedirectsToLogin(HttpResponse<String> r, String returnUrl) {
        assertEquals(302, r.statusCode(), r.uri() + ": " + r.body());
        assertEquals("/login.html?ReturnUrl=" + returnUrl, location(r));
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").map(l -> l.replaceFirst("^http://127\\.0\\.0\\.1:\\d+", ""))
                .orElse(null);
    }

    private static void assertStopsCleanly(LauncherProcess launcher) throws Exception {
        assertEquals(0, launcher.stop(), launcher.stderr());
        assertEquals(List.of(), launcher.leftoverTempFiles());
    }

    private LauncherProcess launch(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--port", "0"));
        LauncherProcess p = LauncherProcess.start(tmp, all.toArray(new String[0]));
        processes.add(p);
        return p;
    }

    private HttpResponse<String> get(URI base, String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A private copy of the exploded sample {@code name}, as the README makes one before changing it. */
    private Path copy(String name) throws IOException {
        Path source = EXPLODED.resolve(name);
        assertTrue(Files.isDirectory(source.resolve("WEB-INF")), source + " is missing: mvn package builds it");
        Path target = tmp.resolve("apps").resolve(name);
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }
}
