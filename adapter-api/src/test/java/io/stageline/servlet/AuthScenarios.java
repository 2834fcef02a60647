package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.modules.anonymous.AnonymousAuthenticationModule;
import io.stageline.modules.auth.AuthFixtures;
import io.stageline.modules.basic.BasicAuthenticationModule;
import io.stageline.modules.forms.FormsAuthenticationModule;
import io.stageline.modules.managedauthorization.ManagedUrlAuthorizationModule;
import io.stageline.modules.urlauthorization.UrlAuthorizationModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication and authorization over real HTTP, written once and run on every container. Two applications: one
 * with the built-in preconditions (FormsAuthentication and ManagedUrlAuthorization carry {@code managedHandler}), one
 * where both were removed and added back without it. Both have Anonymous, Basic, UrlAuthorization with {@code /admin}
 * locked to role admin, and ManagedUrlAuthorization denying anonymous users under {@code /members}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthScenarios {
    /** A started container; closing it stops it. */
    protected interface Running extends AutoCloseable {
        URI base();
    }

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path webRoot;
    private Running managed;
    private Running everything;

    /**
     * Starts the container as {@link ContainerScenarios#start} does (default servlet, the {@code legacy} servlet on
     * {@code /legacy/*}, Stageline with {@code pipeline}) and returns it.
     */
    protected abstract Running start(Path root, CompiledPipeline pipeline) throws Exception;

    @BeforeAll
    void startContainers() throws Exception {
        webRoot = Files.createTempDirectory("stageline-auth");
        Files.writeString(webRoot.resolve("login.html"), "<form method=post>login</form>");
        Files.writeString(webRoot.resolve("hello.html"), "hello");
        Files.createDirectories(webRoot.resolve("admin"));
        Files.writeString(webRoot.resolve("admin/page.html"), "admin page");
        Files.createDirectories(webRoot.resolve("members"));
        Files.writeString(webRoot.resolve("members/page.html"), "members page");
        Files.createDirectories(webRoot.resolve("WEB-INF"));
        Files.writeString(webRoot.resolve("WEB-INF/stageline.yaml"), "pipelineMode: integrated\n");
        managed = start(webRoot, pipeline("managedHandler"));
        everything = start(webRoot, pipeline());
    }

    @AfterAll
    void stopContainers() throws Exception {
        try (Running a = managed; Running b = everything) {
            // closes both
        }
        try (Stream<Path> files = Files.walk(webRoot)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static CompiledPipeline pipeline(String... managedPreConditions) {
        Map<String, Object> users = Map.of("users", List.of(
                Map.of("name", "ann", "password", AuthFixtures.SECRET_HASH, "roles", List.of("admin")),
                Map.of("name", "bob", "password", AuthFixtures.SECRET_HASH, "roles", List.of("staff"))));
        PipelineBuilder b = Stageline.builder()
                .removeModule(AnonymousAuthenticationModule.NAME)
                .removeModule(BasicAuthenticationModule.NAME)
                .removeModule(UrlAuthorizationModule.NAME)
                .removeModule(FormsAuthenticationModule.NAME)
                .removeModule(ManagedUrlAuthorizationModule.NAME)
                .addNativeModule(AnonymousAuthenticationModule.NAME, new AnonymousAuthenticationModule(),
                        ModuleSettings.empty())
                .addNativeModule(BasicAuthenticationModule.NAME, new BasicAuthenticationModule(),
                        ModuleSettings.of(Map.of("enabled", true, "credentials", users)))
                .addNativeModule(UrlAuthorizationModule.NAME, new UrlAuthorizationModule(), ModuleSettings.empty())
                .addManagedBuiltIn(FormsAuthenticationModule.NAME, new FormsAuthenticationModule(),
                        ModuleSettings.of(Map.of("enabled", true, "key", KEY, "credentials", users)),
                        managedPreConditions)
                .addManagedBuiltIn(ManagedUrlAuthorizationModule.NAME, new ManagedUrlAuthorizationModule(),
                        ModuleSettings.empty(), managedPreConditions)
                .location("/admin", null, Map.of(UrlAuthorizationModule.NAME, ModuleSettings.of(Map.of("levels",
                        List.of(Map.of("path", "", "list", AuthFixtures.rules("Allow users=*", false)),
                                Map.of("path", "/admin", "list", AuthFixtures.rules("clear;Allow roles=admin",
                                        false)))))))
                .location("/members", null, Map.of(ManagedUrlAuthorizationModule.NAME, ModuleSettings.of(Map.of(
                        "list", AuthFixtures.rules("Deny users=?;Allow users=*", true)))))
                .addHandler(HandlerMapping.builder("Reports").path("*.do").verb("GET,POST")
                        .servlet(ContainerScenarios.LEGACY).build());
        for (HandlerMapping m : FormsAuthenticationModule.handlerMappings("/login.html", "/logout")) {
            b.addHandler(m);
        }
        return b.build();
    }

    private HttpResponse<String> get(Running app, String path, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve(path)).GET();
        if (header != null) {
            b.header(header, value);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> login(Running app, String user, String returnUrl) throws Exception {
        String form = "username=" + user + "&password=secret&ReturnUrl=" + URLEncoder.encode(returnUrl,
                StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(app.base().resolve("/login.html"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String cookieOf(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Lax"), set);
        return set.substring(0, set.indexOf(';'));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAnonymousRequestForTheAdminAreaGets401WithTheBasicChallenge() throws Exception {
        HttpResponse<String> r = get(managed, "/admin/page.html", null, null);
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"Stageline\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(r.body().contains("401.2"), r.body());
    }

    @Test
    void basicCredentialsOfAnAdminOpenTheAdminAreaAndANonAdminGets403() throws Exception {
        assertEquals(200, get(managed, "/admin/page.html", "Authorization", basic("ann")).statusCode());
        assertEquals(403, get(managed, "/admin/page.html", "Authorization", basic("bob")).statusCode());
        assertEquals(401, get(managed, "/admin/page.html", "Authorization", "Basic Ym9iOm5vcGU=").statusCode());
    }

    @Test
    void aLegacyServletSeesTheBasicUser() throws Exception {
        HttpResponse<String> r = get(managed, "/admin/report.do", "Authorization", basic("ann"));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().endsWith(":user=ann"), r.body());
    }

    @Test
    void formsRedirectsToTheLoginPageAndTheLoginCookieLetsTheUserIn() throws Exception {
        HttpResponse<String> r = get(managed, "/admin/report.do?x=1", null, null);
        assertEquals(302, r.statusCode());
        assertEquals("/login.html?ReturnUrl=%2Fadmin%2Freport.do%3Fx%3D1", r.headers().firstValue("Location")
                .orElse(""));
        assertEquals(200, get(managed, "/login.html", null, null).statusCode());
        HttpResponse<String> in = login(managed, "ann", "/admin/report.do?x=1");
        assertEquals(302, in.statusCode());
        assertEquals("/admin/report.do?x=1", in.headers().firstValue("Location").orElse(""));
        String cookie = cookieOf(in);
        HttpResponse<String> page = get(managed, "/admin/report.do?x=1", "Cookie", cookie);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().endsWith(":user=ann"), page.body());
    }

    @Test
    void aFormsUserWithoutTheAdminRoleGets403() throws Exception {
        String cookie = cookieOf(login(managed, "bob", "/admin/report.do"));
        assertEquals(403, get(managed, "/admin/report.do", "Cookie", cookie).statusCode());
        assertEquals(200, get(managed, "/members/report.do", "Cookie", cookie).statusCode());
    }

    @Test
    void anOffSiteReturnUrlIsNotFollowed() throws Exception {
        HttpResponse<String> in = login(managed, "ann", "//evil.example/");
        assertEquals("/", in.headers().firstValue("Location").orElse(""));
    }

    @Test
    void withManagedHandlerFormsProtectsTheServletButNotTheStaticFile() throws Exception {
        assertEquals(302, get(managed, "/members/report.do", null, null).statusCode());
        HttpResponse<String> file = get(managed, "/members/page.html", null, null);
        assertEquals(200, file.statusCode());
        assertEquals("members page", file.body());
    }

    @Test
    void afterRemoveAndAddWithoutPreconditionFormsProtectsBoth() throws Exception {
        assertEquals(302, get(everything, "/members/report.do", null, null).statusCode());
        HttpResponse<String> file = get(everything, "/members/page.html", null, null);
        assertEquals(302, file.statusCode());
        assertEquals("/login.html?ReturnUrl=%2Fmembers%2Fpage.html", file.headers().firstValue("Location")
                .orElse(""));
        String cookie = cookieOf(login(everything, "bob", "/members/page.html"));
        HttpResponse<String> in = get(everything, "/members/page.html", "Cookie", cookie);
        assertEquals(200, in.statusCode());
        assertEquals("members page", in.body());
        assertEquals(200, get(everything, "/login.html", null, null).statusCode());
    }
}
