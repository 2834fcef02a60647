package io.stageline.modules.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.auth.AuthFixtures;
import io.stageline.modules.managedauthorization.ManagedUrlAuthorizationModule;
import io.stageline.modules.urlauthorization.UrlAuthorizationModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FormsAuthenticationModuleTest {
    private static final long MINUTE = 60_000L;
    private final TestExchange.App app = new TestExchange.App().file("/login.html").file("/page.html")
            .file("/admin/page.html");
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> seen = new ArrayList<>();
    private FormsAuthenticationModule forms;

    private CompiledPipeline pipeline(Map<String, Object> extra, String... preConditions) {
        Map<String, Object> s = new HashMap<>(Map.of("enabled", true, "key", TicketAndReturnUrlTest.KEY_HEX,
                "credentials", Map.of("users", List.of(
                        Map.of("name", "ann", "password", AuthFixtures.SECRET_HASH, "roles", List.of("admin")),
                        Map.of("name", "bob", "password", AuthFixtures.SECRET_HASH)))));
        s.putAll(extra);
        forms = new FormsAuthenticationModule();
        forms.clock(now::get);
        PipelineBuilder b = Stageline.builder()
                .removeModule(UrlAuthorizationModule.NAME)
                .removeModule(FormsAuthenticationModule.NAME)
                .removeModule(ManagedUrlAuthorizationModule.NAME)
                .addNativeModule(UrlAuthorizationModule.NAME, new UrlAuthorizationModule(), ModuleSettings.empty())
                .addManagedBuiltIn(FormsAuthenticationModule.NAME, forms, ModuleSettings.of(s), preConditions)
                .addManagedBuiltIn(ManagedUrlAuthorizationModule.NAME, new ManagedUrlAuthorizationModule(),
                        ModuleSettings.of(Map.of("list", AuthFixtures.rules("Deny users=?;Allow users=*", true))), preConditions)
                .location("/admin", null, Map.of(UrlAuthorizationModule.NAME, ModuleSettings.of(Map.of("list",
                        AuthFixtures.rules("Allow roles=admin", false)))));
        for (HandlerMapping m : FormsAuthenticationModule.handlerMappings("/login.html", "/logout")) {
            b.addHandler(m);
        }
        b.addHandler(HandlerMapping.builder("App").path("*.do").verb("*").handler(ctx -> seen.add(
                ctx.user() == null ? "anonymous" : ctx.user().getName() + ":" + ctx.authenticationType() + ":"
                        + ctx.roles())).build());
        return b.build();
    }

    private TestExchange get(CompiledPipeline p, String path, String cookie) {
        TestExchange x = new TestExchange(p, app, "GET", path);
        if (cookie != null) {
            x.header("Cookie", "other=1; " + cookie);
        }
        x.run();
        return x;
    }

    private TestExchange login(CompiledPipeline p, String user, String password, String returnUrl) {
        TestExchange x = new TestExchange(p, app, "POST", "/login.html");
        x.parameters.put("username", user);
        x.parameters.put("password", password);
        if (returnUrl != null) {
            x.parameters.put("ReturnUrl", returnUrl);
        }
        x.run();
        return x;
    }

    /** The {@code name=value} part of the ticket cookie the response sets, or null. */
    private static String cookie(TestExchange x) {
        List<String> all = x.responseHeaders.get("Set-Cookie");
        return all == null ? null : all.get(all.size() - 1).substring(0, all.get(all.size() - 1).indexOf(';'));
    }

    @Test
    void anAnonymousRequestForProtectedContentIsRedirectedToTheLoginPage() {
        TestExchange x = get(pipeline(Map.of()), "/report.do", null);
        assertEquals(302, x.status);
        assertEquals("/login.html?ReturnUrl=%2Freport.do", x.redirectLocation);
        assertTrue(seen.isEmpty());
    }

    @Test
    void theLoginPageBypassesAuthorization() {
        TestExchange x = get(pipeline(Map.of()), "/login.html", null);
        assertEquals(200, x.status);
    }

    @Test
    void aLoginIssuesTheCookieThatLetsTheUserIn() {
        CompiledPipeline p = pipeline(Map.of());
        TestExchange in = login(p, "ann", "secret", "/report.do?x=1");
        assertEquals(302, in.status);
        assertEquals("/report.do?x=1", in.redirectLocation);
        String setCookie = in.responseHeaders.get("Set-Cookie").get(0);
        assertTrue(setCookie.startsWith(".STAGELINEAUTH="), setCookie);
        assertTrue(setCookie.endsWith("; Path=/; HttpOnly; SameSite=Lax"), setCookie);
        TestExchange x = get(p, "/report.do", cookie(in));
        assertEquals(200, x.status);
        assertEquals(List.of("ann:Forms:[admin]"), seen);
        assertNull(x.responseHeaders.get("Set-Cookie"));
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithoutACookie() {
        TestExchange x = login(pipeline(Map.of()), "ann", "nope", "/report.do");
        assertEquals(302, x.status);
        assertEquals("/login.html?loginFailed=1&ReturnUrl=%2Freport.do", x.redirectLocation);
        assertNull(x.responseHeaders.get("Set-Cookie"));
    }

    @Test
    void anOffSiteReturnUrlIsReplacedByTheDefaultUrl() {
        TestExchange x = login(pipeline(Map.of("defaultUrl", "/home.do")), "ann", "secret", "//evil.example/");
        assertEquals("/home.do", x.redirectLocation);
        assertTrue(x.responseHeaders.get("Set-Cookie").get(0).startsWith(".STAGELINEAUTH="));
    }

    @Test
    void anAuthenticatedUserWithoutTheRoleGets403NotALoginRedirect() {
        CompiledPipeline p = pipeline(Map.of());
        String bob = cookie(login(p, "bob", "secret", null));
        assertEquals(403, get(p, "/admin/page.html", bob).status);
        String ann = cookie(login(p, "ann", "secret", null));
        assertEquals(200, get(p, "/admin/page.html", ann).status);
    }

    @Test
    void anExpiredTicketIsIgnoredAndRemoved() {
        CompiledPipeline p = pipeline(Map.of("timeout", "30m"));
        String c = cookie(login(p, "ann", "secret", null));
        now.addAndGet(30 * MINUTE);
        TestExchange x = get(p, "/report.do", c);
        assertEquals(302, x.status);
        assertTrue(x.responseHeaders.get("Set-Cookie").get(0).startsWith(".STAGELINEAUTH=; Max-Age=0"));
    }

    @Test
    void aTamperedTicketIsIgnoredAndRemoved() {
        CompiledPipeline p = pipeline(Map.of());
        String c = cookie(login(p, "ann", "secret", null));
        // not the last character: in unpadded base64 its low bits may be unused, so changing it may change nothing
        int at = c.length() - 6;
        String tampered = c.substring(0, at) + (c.charAt(at) == 'A' ? 'B' : 'A') + c.substring(at + 1);
        TestExchange x = get(p, "/report.do", tampered);
        assertEquals(302, x.status);
        assertTrue(x.responseHeaders.get("Set-Cookie").get(0).contains("Max-Age=0"));
    }

    @Test
    void aTicketFromAnotherServerWithTheSameKeyIsAccepted() {
        String c = ".STAGELINEAUTH=" + pipelineForms().seal("ann", List.of("admin"), now.get());
        assertEquals(200, get(pipeline(Map.of()), "/report.do", c).status);
        assertEquals(List.of("ann:Forms:[admin]"), seen);
    }

    private FormsAuthenticationModule pipelineForms() {
        pipeline(Map.of());
        return forms;
    }

    @Test
    void slidingExpirationRenewsAtHalfLifeOnly() {
        CompiledPipeline p = pipeline(Map.of("timeout", "30m"));
        String c = cookie(login(p, "ann", "secret", null));
        now.addAndGet(14 * MINUTE);
        assertNull(get(p, "/report.do", c).responseHeaders.get("Set-Cookie"));
        now.addAndGet(2 * MINUTE);
        TestExchange renewed = get(p, "/report.do", c);
        String c2 = cookie(renewed);
        assertTrue(c2.startsWith(".STAGELINEAUTH=") && !c2.equals(c), c2);
        now.addAndGet(20 * MINUTE);
        assertEquals(302, get(p, "/report.do", c).status, "the old ticket expired");
        assertEquals(200, get(p, "/report.do", c2).status, "the renewed one lives 30m from its renewal");
    }

    @Test
    void withoutSlidingExpirationNothingIsRenewed() {
        CompiledPipeline p = pipeline(Map.of("slidingExpiration", false));
        String c = cookie(login(p, "ann", "secret", null));
        now.addAndGet(20 * MINUTE);
        assertNull(get(p, "/report.do", c).responseHeaders.get("Set-Cookie"));
    }

    @Test
    void logoutRemovesTheCookie() {
        CompiledPipeline p = pipeline(Map.of());
        String c = cookie(login(p, "ann", "secret", null));
        TestExchange x = get(p, "/logout", c);
        assertEquals(302, x.status);
        assertEquals("/login.html", x.redirectLocation);
        assertTrue(x.responseHeaders.get("Set-Cookie").get(0).startsWith(".STAGELINEAUTH=; Max-Age=0"));
    }

    @Test
    void requireSslIgnoresTicketsOnPlainHttpAndMarksTheCookieSecure() {
        CompiledPipeline p = pipeline(Map.of("requireSSL", true, "cookieSameSite", "strict"));
        TestExchange in = new TestExchange(p, app, "POST", "/login.html");
        in.secure = true;
        in.parameters.putAll(Map.of("username", "ann", "password", "secret"));
        in.run();
        assertTrue(in.responseHeaders.get("Set-Cookie").get(0).endsWith("; HttpOnly; SameSite=Strict; Secure"));
        assertEquals(302, get(p, "/report.do", cookie(in)).status);
        TestExchange plainLogin = login(p, "ann", "secret", null);
        assertEquals(403, plainLogin.status);
        assertEquals(4, plainLogin.subStatus());
    }

    @Test
    void withManagedHandlerStaticFilesAreNotProtectedAndWithoutItTheyAre() {
        CompiledPipeline managed = pipeline(Map.of(), "managedHandler");
        assertEquals(200, get(managed, "/page.html", null).status);
        assertEquals(302, get(managed, "/report.do", null).status);
        CompiledPipeline all = pipeline(Map.of());
        TestExchange x = get(all, "/page.html", null);
        assertEquals(302, x.status);
        assertEquals("/login.html?ReturnUrl=%2Fpage.html", x.redirectLocation);
    }

    @Test
    void theCookieAndPathsAreRelativeToTheContextPath() {
        app.contextPath = "/shop";
        CompiledPipeline p = pipeline(Map.of());
        assertEquals("/shop/login.html?ReturnUrl=%2Fshop%2Freport.do", get(p, "/report.do", null).redirectLocation);
        TestExchange in = login(p, "ann", "secret", "/shop/report.do");
        assertEquals("/shop/report.do", in.redirectLocation);
        assertTrue(in.responseHeaders.get("Set-Cookie").get(0).contains("; Path=/shop;"));
        assertEquals("/shop/", login(p, "ann", "secret", "/elsewhere").redirectLocation);
    }

    @Test
    void configurationProblemsNameTheModule() {
        var e = assertThrows(PipelineConfigurationException.class, () -> pipeline(Map.of("key", "c2hvcnQ=")));
        assertTrue(e.getMessage().contains("FormsAuthentication: setting 'key' holds 5 bytes; at least 32"),
                e.getMessage());
        Map<String, Object> noKey = new HashMap<>(Map.of("enabled", true));
        e = assertThrows(PipelineConfigurationException.class, () -> Stageline.builder()
                .removeModule(FormsAuthenticationModule.NAME)
                .addManagedBuiltIn(FormsAuthenticationModule.NAME, new FormsAuthenticationModule(),
                        ModuleSettings.of(noKey)).build());
        assertTrue(e.getMessage().contains("FormsAuthentication is enabled but has no 'key'"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(Map.of("cookieSameSite", "Loose")));
        assertTrue(e.getMessage().contains("setting 'cookieSameSite' is 'Loose'"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(Map.of("timeout", "soon")));
        assertTrue(e.getMessage().contains("setting 'timeout' is 'soon'"), e.getMessage());
    }
}
