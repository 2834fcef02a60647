package io.stageline.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.engine.CompiledPipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The performance budget of the defaults (SPEC §9): a built-in module with nothing to do subscribes to no stage, so
 * the per-stage arrays hold only the modules that act. Each case checks the idle configuration and, so that the check
 * is not vacuous, one where the module acts.
 */
class IdleModulesTest {
    private static final String WHERE = "/admin";

    private static CompiledPipeline with(String module, Map<String, ?> settings) {
        return Stageline.builder(Map.of(module, ModuleSettings.of(settings))).build();
    }

    /** The defaults, with {@code module} configured at the location {@value #WHERE} only. */
    private static CompiledPipeline at(String module, Map<String, ?> settings) {
        return Stageline.builder().location(WHERE, null, Map.of(module, ModuleSettings.of(settings))).build();
    }

    private static boolean subscribed(CompiledPipeline p, PipelineStage stage, String module) {
        return p.modulesFor(stage, false).contains(module) || p.modulesFor(stage, true).contains(module);
    }

    @Test
    void theDefaultsRunOnlyRequestFilteringForAStaticFile() {
        CompiledPipeline p = Stageline.builder().build();
        Map<PipelineStage, List<String>> active = new LinkedHashMap<>();
        for (PipelineStage s : PipelineStage.values()) {
            if (!p.modulesFor(s, false).isEmpty()) {
                active.put(s, p.modulesFor(s, false));
            }
        }
        // RequestFiltering protects every request (WEB-INF, META-INF, stageline.yaml, double escaping...); every
        // other default module has nothing to do: anonymous enabled, Basic and Forms disabled, authorization allowing
        // everyone, no cache profile, logging and tracing off, no custom headers. StaticFile, DefaultDocument and
        // DirectoryListing run as the StaticFile mapping's handler, not through a stage.
        assertEquals(Map.of(PipelineStage.BEGIN_REQUEST, List.of(Stageline.REQUEST_FILTERING)), active);
        // the managed arrays hold no more: the managed built-ins are idle too
        for (PipelineStage s : PipelineStage.values()) {
            assertEquals(s == PipelineStage.BEGIN_REQUEST ? List.of(Stageline.REQUEST_FILTERING) : List.of(),
                    p.modulesFor(s, true), s.name());
        }
    }

    @Test
    void basicAuthenticationDisabledEverywhereSubscribesToNothing() {
        String basic = Stageline.BASIC_AUTHENTICATION;
        assertFalse(subscribed(Stageline.builder().build(), PipelineStage.AUTHENTICATE_REQUEST, basic));
        assertFalse(subscribed(at(basic, Map.of("enabled", false)), PipelineStage.AUTHENTICATE_REQUEST, basic));
        assertTrue(subscribed(at(basic, Map.of("enabled", true, "credentials", Map.of("store", "container"))),
                PipelineStage.AUTHENTICATE_REQUEST, basic));
    }

    @Test
    void anonymousAuthenticationEnabledEverywhereSubscribesToNothing() {
        String anonymous = Stageline.ANONYMOUS_AUTHENTICATION;
        assertFalse(subscribed(Stageline.builder().build(), PipelineStage.AUTHENTICATE_REQUEST, anonymous));
        assertFalse(subscribed(at(anonymous, Map.of("enabled", true)), PipelineStage.AUTHENTICATE_REQUEST, anonymous));
        // disabled somewhere, it answers 401.2 there
        assertTrue(subscribed(at(anonymous, Map.of("enabled", false)), PipelineStage.AUTHENTICATE_REQUEST, anonymous));
    }

    @Test
    void urlAuthorizationAllowingEveryoneSubscribesToNothing() {
        String url = Stageline.URL_AUTHORIZATION;
        assertFalse(subscribed(Stageline.builder().build(), PipelineStage.AUTHORIZE_REQUEST, url));
        assertFalse(subscribed(at(url, Map.of("list", List.of(
                Map.of("add", Map.of("accessType", "Allow", "roles", "admin")),
                Map.of("add", Map.of("accessType", "Allow", "users", "*"))))), PipelineStage.AUTHORIZE_REQUEST, url));
        // a deny anywhere, an allow limited to verbs, or no allow for everyone: there is something to check
        assertTrue(subscribed(at(url, Map.of("list", List.of(Map.of("add", Map.of("accessType", "Deny",
                "users", "?"))))), PipelineStage.AUTHORIZE_REQUEST, url));
        assertTrue(subscribed(at(url, Map.of("list", List.of("clear", Map.of("add", Map.of("accessType", "Allow",
                "users", "*", "verbs", "GET"))))), PipelineStage.AUTHORIZE_REQUEST, url));
        assertTrue(subscribed(at(url, Map.of("list", List.of("clear", Map.of("add", Map.of("accessType", "Allow",
                "roles", "admin"))))), PipelineStage.AUTHORIZE_REQUEST, url));
    }

    @Test
    void managedUrlAuthorizationAllowingEveryoneSubscribesToNothing() {
        String managed = Stageline.MANAGED_URL_AUTHORIZATION;
        assertFalse(subscribed(Stageline.builder().build(), PipelineStage.AUTHORIZE_REQUEST, managed));
        assertFalse(subscribed(at(managed, Map.of("list", List.of(Map.of("allow", Map.of("users", "*"))))),
                PipelineStage.AUTHORIZE_REQUEST, managed));
        // first match: a deny before the allow for everyone decides for some requests
        assertTrue(subscribed(at(managed, Map.of("list", List.of(Map.of("deny", Map.of("users", "?")),
                Map.of("allow", Map.of("users", "*"))))), PipelineStage.AUTHORIZE_REQUEST, managed));
    }

    @Test
    void httpLoggingWithLogFileDisabledSubscribesToNothing() {
        String logging = Stageline.HTTP_LOGGING;
        assertFalse(subscribed(Stageline.builder().build(), PipelineStage.LOG_REQUEST, logging));
        assertFalse(subscribed(with(logging, Map.of("enabled", false)), PipelineStage.LOG_REQUEST, logging));
    }

    @Test
    void formsAuthenticationDisabledSubscribesToNothing() {
        String forms = Stageline.FORMS_AUTHENTICATION;
        assertFalse(subscribed(Stageline.builder().build(), PipelineStage.AUTHENTICATE_REQUEST, forms));
        assertTrue(subscribed(with(forms, Map.of("enabled", true, "key", "ab".repeat(32),
                "credentials", Map.of("store", "container"))), PipelineStage.AUTHENTICATE_REQUEST, forms));
    }

    @Test
    void theOutputCacheModulesWithoutAProfileSubscribeToNothing() {
        for (String cache : List.of(Stageline.HTTP_CACHE, Stageline.OUTPUT_CACHE)) {
            CompiledPipeline defaults = Stageline.builder().build();
            assertFalse(subscribed(defaults, PipelineStage.RESOLVE_REQUEST_CACHE, cache), cache);
            assertFalse(subscribed(defaults, PipelineStage.UPDATE_REQUEST_CACHE, cache), cache);
            // a profile that does not cache, or a disabled cache, does nothing either
            assertFalse(subscribed(with(cache, Map.of("profiles", List.of(Map.of("add", ".html",
                    "policy", "DisableCache")))), PipelineStage.RESOLVE_REQUEST_CACHE, cache), cache);
            assertFalse(subscribed(with(cache, Map.of("enabled", false, "profiles", List.of(Map.of("add", ".html",
                    "policy", "CacheForTimePeriod")))), PipelineStage.RESOLVE_REQUEST_CACHE, cache), cache);
            CompiledPipeline caching = with(cache, Map.of("profiles", List.of(Map.of("add", ".html",
                    "policy", "CacheForTimePeriod"))));
            assertTrue(subscribed(caching, PipelineStage.RESOLVE_REQUEST_CACHE, cache), cache);
            assertTrue(subscribed(caching, PipelineStage.UPDATE_REQUEST_CACHE, cache), cache);
        }
        // OutputCache keeps its managedHandler precondition: only the managed arrays list it
        CompiledPipeline managed = with(Stageline.OUTPUT_CACHE, Map.of("profiles", List.of(Map.of("add", ".html",
                "policy", "CacheForTimePeriod"))));
        assertEquals(List.of(Stageline.OUTPUT_CACHE), managed.modulesFor(PipelineStage.RESOLVE_REQUEST_CACHE, true));
        assertEquals(List.of(), managed.modulesFor(PipelineStage.RESOLVE_REQUEST_CACHE, false));
    }
}
