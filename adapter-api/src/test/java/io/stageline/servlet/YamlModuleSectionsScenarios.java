package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.auth.PasswordHash;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built-in modules configured by YAML alone, over HTTP, on every container (a subclass per container): the
 * application's {@code WEB-INF/stageline.yaml} turns on forms authentication with its credentials, restricts
 * {@code /admin} to a role in a location, serves a custom 404 page and adds a custom header. No pipeline is given in
 * code: {@link StagelineInitializer} finds the file and loads it.
 */
public abstract class YamlModuleSectionsScenarios extends ScenarioBase {
    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Override
    protected Map<String, String> files() {
        String hash = PasswordHash.hash("secret".toCharArray(), PasswordHash.MIN_ITERATIONS);
        return Map.of(
                "login.html", "<form method=post>login page</form>",
                "public.html", "public page",
                "errors/404.html", "custom 404 page",
                "WEB-INF/stageline.yaml", """
                        authentication:
                          forms:
                            enabled: true
                            key: %s
                            loginUrl: /login.html
                        credentials:
                          users:
                            - { name: ann, password: "%s", roles: [admin] }
                            - { name: bob, password: "%s", roles: [staff] }
                        httpErrors:
                          errorMode: Custom
                          errors:
                            - add: 404
                              path: /errors/404.html
                        httpProtocol:
                          customHeaders:
                            - add: X-Frame-Options
                              value: DENY
                        locations:
                          - path: /admin
                            authorization:
                              list:
                                - clear
                                - add: { accessType: Allow, roles: admin }
                        """.formatted(KEY, hash, hash));
    }

    /** No pipeline in code: the YAML file alone configures Stageline. */
    @Override
    protected CompiledPipeline pipeline() {
        return null;
    }

    @Override
    protected Map<String, Class<? extends HttpServlet>> servlets() {
        return Map.of("/admin/*", ScenarioServlets.Legacy.class);
    }

    private String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("login.html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user
                        + "&password=secret&ReturnUrl=%2Fadmin%2Fpage")));
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("/admin/page", r.headers().firstValue("Location").orElse(""));
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith(".STAGELINEAUTH="), cookie);
        return cookie.split(";", 2)[0];
    }

    @Test
    void anAnonymousRequestForTheAdminLocationIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> r = get("admin/page");
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("/login.html?ReturnUrl=%2Fadmin%2Fpage", r.headers().firstValue("Location").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
    }

    @Test
    void aUserWithTheRoleLogsInAndReachesTheAdminServlet() throws Exception {
        String cookie = login("ann");
        HttpResponse<String> r = send(request("admin/page").header("Cookie", cookie).GET());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("legacy:GET:/admin"), r.body());
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() throws Exception {
        String cookie = login("bob");
        HttpResponse<String> r = send(request("admin/page").header("Cookie", cookie).GET());
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPage() throws Exception {
        HttpResponse<String> r = send(request("login.html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ann&password=wrong")));
        assertEquals(302, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").startsWith("/login.html?loginFailed=1"),
                r.headers().toString());
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void contentOutsideTheLocationStaysPublicAndCarriesTheCustomHeader() throws Exception {
        HttpResponse<String> r = get("public.html");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("public page", r.body());
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals(200, get("login.html").statusCode());
    }

    @Test
    void aMissingFileGetsTheCustomErrorPageWithItsStatus() throws Exception {
        HttpResponse<String> r = get("missing.html");
        assertEquals(404, r.statusCode());
        assertEquals("custom 404 page", r.body());
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
    }
}
