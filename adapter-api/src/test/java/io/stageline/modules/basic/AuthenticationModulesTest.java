package io.stageline.modules.basic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.anonymous.AnonymousAuthenticationModule;
import io.stageline.modules.auth.AuthFixtures;
import io.stageline.modules.urlauthorization.UrlAuthorizationModule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AnonymousAuthentication and BasicAuthentication together, as IIS runs them. */
class AuthenticationModulesTest {
    private final TestExchange.App app = new TestExchange.App().file("/page.html").file("/admin/page.html");
    private final List<String> seen = new java.util.ArrayList<>();

    private CompiledPipeline pipeline(boolean anonymous, Map<String, Object> basic, Object credentials) {
        Map<String, Object> b = new java.util.HashMap<>(basic);
        if (credentials != null) {
            b.put("credentials", credentials);
        }
        return Stageline.builder()
                .removeModule(AnonymousAuthenticationModule.NAME)
                .removeModule(BasicAuthenticationModule.NAME)
                .removeModule(UrlAuthorizationModule.NAME)
                .addNativeModule(AnonymousAuthenticationModule.NAME, new AnonymousAuthenticationModule(),
                        ModuleSettings.of(Map.of("enabled", anonymous)))
                .addNativeModule(BasicAuthenticationModule.NAME, new BasicAuthenticationModule(), ModuleSettings.of(b))
                .addNativeModule(UrlAuthorizationModule.NAME, new UrlAuthorizationModule(), ModuleSettings.empty())
                .location("/admin", null, Map.of(UrlAuthorizationModule.NAME, ModuleSettings.of(Map.of("list",
                        AuthFixtures.rules("Allow roles=admin", false)))))
                .addHandler(HandlerMapping.builder("Who").path("*.do").verb("*").handler(ctx -> {
                    seen.add(ctx.user() == null ? "anonymous" : ctx.user().getName() + ":" + ctx.authenticationType()
                            + ":" + ctx.roles());
                }).build())
                .build();
    }

    private static final Map<String, Object> USERS = Map.of("users", List.of(
            Map.of("name", "ann", "password", AuthFixtures.SECRET_HASH, "roles", List.of("admin")),
            Map.of("name", "bob", "password", AuthFixtures.SECRET_HASH, "roles", "staff, users")));

    private TestExchange run(CompiledPipeline p, String path, String authorization) {
        TestExchange x = new TestExchange(p, app, "GET", path);
        if (authorization != null) {
            x.header("Authorization", authorization);
        }
        x.run();
        return x;
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousIsAnAbsentUser() {
        CompiledPipeline p = pipeline(true, Map.of(), null);
        TestExchange x = run(p, "/x.do", null);
        assertEquals("200.0", AuthFixtures.status(x));
        assertEquals(List.of("anonymous"), seen);
    }

    @Test
    void anonymousDisabledAndNoUserIs401Point2WithTheBasicChallenge() {
        CompiledPipeline p = pipeline(false, Map.of("enabled", true, "realm", "Intranet"), USERS);
        TestExchange x = run(p, "/page.html", null);
        assertEquals("401.2", AuthFixtures.status(x));
        assertEquals("Basic realm=\"Intranet\"", x.responseHeader("WWW-Authenticate"));
        assertEquals("401.2", AuthFixtures.status(run(pipeline(false, Map.of(), null), "/page.html", null)));
        assertNull(run(pipeline(false, Map.of(), null), "/page.html", null).responseHeader("WWW-Authenticate"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ann:secret         | 200.0 | ann:Basic:[admin]
            ANN:secret         | 200.0 | ann:Basic:[admin]
            bob:secret         | 200.0 | bob:Basic:[staff, users]
            ann:wrong          | 401.1 |
            eve:secret         | 401.1 |
            ann                | 401.1 |
            :secret            | 401.1 |
            """)
    void basicCredentials(String userPass, String expected, String who) {
        TestExchange x = run(pipeline(true, Map.of("enabled", true), USERS), "/x.do", basic(userPass));
        assertEquals(expected, AuthFixtures.status(x));
        if (who != null) {
            assertEquals(List.of(who), seen);
        } else {
            assertEquals("Basic realm=\"Stageline\"", x.responseHeader("WWW-Authenticate"));
            assertTrue(seen.isEmpty());
        }
    }

    @Test
    void aMalformedBasicHeaderIs401Point1() {
        assertEquals("401.1", AuthFixtures.status(run(pipeline(true, Map.of("enabled", true), USERS), "/x.do",
                "Basic ###")));
    }

    @Test
    void authorizationDenialOfAnAnonymousRequestCarriesTheChallengeAndAWrongRoleGets403() {
        CompiledPipeline p = pipeline(true, Map.of("enabled", true), USERS);
        TestExchange anon = run(p, "/admin/page.html", null);
        assertEquals("401.2", AuthFixtures.status(anon));
        assertEquals("Basic realm=\"Stageline\"", anon.responseHeader("WWW-Authenticate"));
        TestExchange bob = run(p, "/admin/page.html", basic("bob:secret"));
        assertEquals("403.0", AuthFixtures.status(bob));
        assertNull(bob.responseHeader("WWW-Authenticate"));
        assertEquals("200.0", AuthFixtures.status(run(p, "/admin/page.html", basic("ann:secret"))));
    }

    @Test
    void basicDisabledIgnoresTheHeader() {
        TestExchange x = run(pipeline(true, Map.of(), USERS), "/x.do", basic("ann:wrong"));
        assertEquals("200.0", AuthFixtures.status(x));
        assertEquals(List.of("anonymous"), seen);
    }

    @Test
    void theContainerStoreAsksTheRealmAndProbesTheListedRoles() {
        app.realmUser("carl", "pw", "admin", "other");
        CompiledPipeline p = pipeline(true, Map.of("enabled", true), Map.of("store", "container",
                "roles", List.of("admin", "staff")));
        assertEquals("200.0", AuthFixtures.status(run(p, "/x.do", basic("carl:pw"))));
        assertEquals(List.of("carl:Basic:[admin]"), seen);
        assertEquals("401.1", AuthFixtures.status(run(p, "/x.do", basic("carl:nope"))));
    }

    @Test
    void configurationProblemsNameTheModule() {
        var e = assertThrows(PipelineConfigurationException.class,
                () -> pipeline(true, Map.of("enabled", true), null));
        assertTrue(e.getMessage().contains("BasicAuthentication is enabled but its 'credentials' list no users"),
                e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(true, Map.of("enabled", true),
                Map.of("users", List.of(Map.of("name", "x", "password", "plain")))));
        assertTrue(e.getMessage().contains("BasicAuthentication: credentials user 'x': a password must start with "
                + "{pbkdf2-sha256}"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(true,
                Map.of("enabled", true, "realm", "a\"b"), USERS));
        assertTrue(e.getMessage().contains("setting 'realm' must not contain"), e.getMessage());
    }
}
