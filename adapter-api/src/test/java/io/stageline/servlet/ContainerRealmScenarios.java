package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.anonymous.AnonymousAuthenticationModule;
import io.stageline.modules.auth.AuthFixtures;
import io.stageline.modules.basic.BasicAuthenticationModule;
import io.stageline.modules.urlauthorization.UrlAuthorizationModule;
import io.stageline.servlet.TestContainer.ServletSpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
 * {@code credentials: { store: container }} against the container's real realm, written once and run on every
 * container: BasicAuthentication checks passwords with {@code HttpServletRequest.login} and asks
 * {@code isUserInRole}; UrlAuthorization locks {@code /admin} to role admin. The container protects nothing itself
 * (no security constraints); each subclass only puts {@link #USERS} into its realm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ContainerRealmScenarios {
    /** A user of the container's realm. */
    public record RealmUser(String name, String password, List<String> roles) {
    }

    /** alice holds role admin, bob holds no role. */
    public static final List<RealmUser> USERS = List.of(new RealmUser("alice", "alice-pw", List.of("admin")),
            new RealmUser("bob", "bob-pw", List.of()));

    private static final String CHALLENGE = "Basic realm=\"Stageline\"";
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private TestContainer container;
    private Path webRoot;
    private URI base;

    /** A container whose realm (engine realm, login service, …) knows exactly {@code users}. */
    protected abstract TestContainer newContainerWithUsers(List<RealmUser> users);

    @BeforeAll
    void start() throws Exception {
        webRoot = Files.createTempDirectory("stageline-realm");
        Files.createDirectories(webRoot.resolve("admin"));
        Files.writeString(webRoot.resolve("admin/page.html"), "admin page");
        container = newContainerWithUsers(USERS);
        base = container.start(webRoot, "", pipeline(), List.of(new ServletSpec("whoami", new WhoAmI(),
                "/admin/whoami")));
    }

    @AfterAll
    void stop() throws Exception {
        container.stop();
        try (Stream<Path> files = Files.walk(webRoot)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static CompiledPipeline pipeline() {
        return Stageline.builder()
                .removeModule(AnonymousAuthenticationModule.NAME)
                .removeModule(BasicAuthenticationModule.NAME)
                .removeModule(UrlAuthorizationModule.NAME)
                .addNativeModule(AnonymousAuthenticationModule.NAME, new AnonymousAuthenticationModule(),
                        ModuleSettings.empty())
                .addNativeModule(BasicAuthenticationModule.NAME, new BasicAuthenticationModule(),
                        ModuleSettings.of(Map.of("enabled", true, "credentials", Map.of("store", "container",
                                "roles", List.of("admin", "staff")))))
                .addNativeModule(UrlAuthorizationModule.NAME, new UrlAuthorizationModule(), ModuleSettings.empty())
                .location("/admin", null, Map.of(UrlAuthorizationModule.NAME, ModuleSettings.of(Map.of("levels",
                        List.of(Map.of("path", "", "list", AuthFixtures.rules("Allow users=*", false)),
                                Map.of("path", "/admin", "list", AuthFixtures.rules("clear;Allow roles=admin",
                                        false)))))))
                .build();
    }

    /** A legacy servlet: the user and role it sees through Stageline, and what the container itself still holds. */
    public static final class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HttpServletRequest inner = req;
            while (inner instanceof HttpServletRequestWrapper w && w.getRequest() instanceof HttpServletRequest r) {
                inner = r;
            }
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("user=" + req.getRemoteUser() + ";admin=" + req.isUserInRole("admin")
                    + ";staff=" + req.isUserInRole("staff") + ";type=" + req.getAuthType()
                    + ";container=" + inner.getRemoteUser());
        }
    }

    private HttpResponse<String> get(String path, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theRealmsAdminGetsTheAdminAreaAndTheLegacyServletSeesUserAndRole() throws Exception {
        // twice: a second request must log in again, the first one's container login being gone
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = get("/admin/whoami", "alice", "alice-pw");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("user=alice;admin=true;staff=false;type=Basic;container=null", r.body());
            // the container login leaves no session behind
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), r.headers().toString());
        }
        HttpResponse<String> page = get("/admin/page.html", "alice", "alice-pw");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("admin page", page.body());
    }

    @Test
    void aRealmUserWithoutTheRoleGets403() throws Exception {
        HttpResponse<String> r = get("/admin/whoami", "bob", "bob-pw");
        assertEquals(403, r.statusCode(), r.body());
        assertEquals(403, get("/admin/page.html", "bob", "bob-pw").statusCode());
    }

    @Test
    void aWrongPasswordGets401Point1WithTheChallenge() throws Exception {
        for (String[] c : new String[][] {{"alice", "bob-pw"}, {"alice", ""}, {"carol", "alice-pw"}}) {
            HttpResponse<String> r = get("/admin/whoami", c[0], c[1]);
            assertEquals(401, r.statusCode(), c[0] + ":" + c[1]);
            assertEquals(CHALLENGE, r.headers().firstValue("WWW-Authenticate").orElse(""));
            assertTrue(r.body().contains("401.1"), r.body());
        }
    }

    @Test
    void noCredentialsGet401WithTheChallenge() throws Exception {
        HttpResponse<String> r = get("/admin/whoami", null, null);
        assertEquals(401, r.statusCode(), r.body());
        assertEquals(CHALLENGE, r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(r.body().contains("401.2"), r.body());
    }
}
