package io.stageline.modules.managedauthorization;

import static io.stageline.modules.auth.AuthFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.auth.AuthFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagedUrlAuthorizationModuleTest {
    private final TestExchange.App app = new TestExchange.App().file("/page.html").file("/admin/page.html");

    private CompiledPipeline pipeline(Map<String, ?> root, Map<String, ?> admin, String... preConditions) {
        var b = Stageline.builder().removeModule(ManagedUrlAuthorizationModule.NAME)
                .addNativeModule("HeaderUser", new AuthFixtures.HeaderUser(), ModuleSettings.empty())
                .addManagedBuiltIn(ManagedUrlAuthorizationModule.NAME, new ManagedUrlAuthorizationModule(),
                        ModuleSettings.of(root), preConditions)
                .addHandler(HandlerMapping.builder("App").path("*.do").verb("*")
                        .handler(ctx -> ctx.responseBody().write('k')).build());
        if (admin != null) {
            b.location("/admin", null, Map.of(ManagedUrlAuthorizationModule.NAME, ModuleSettings.of(admin)));
        }
        return b.build();
    }

    private String status(CompiledPipeline p, String path, String user, String roles) {
        return AuthFixtures.status(AuthFixtures.run(p, app, "GET", path, user, roles));
    }

    private static Map<String, Object> levels(String root, String admin) {
        return Map.of("levels", List.of(Map.of("path", "", "list", rules(root, true)),
                Map.of("path", "/admin", "list", rules(admin, true))));
    }

    @ParameterizedTest(name = "[{0}] / [{1}] as {2}/{3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Deny users=?                 | Allow users=?              | -    | -     | 200.0
            Deny users=?                 | -                          | -    | -     | 401.2
            Deny users=?;Allow users=*   | -                          | bob  | -     | 200.0
            Allow users=*                | Deny users=bob             | bob  | -     | 403.0
            Allow users=*                | Deny users=bob             | ann  | -     | 200.0
            Allow users=*                | Allow roles=admin;Deny users=*  | ann | admin | 200.0
            Allow users=*                | Allow roles=admin;Deny users=*  | bob | staff | 403.0
            Allow users=*                | Deny users=*;Allow roles=admin  | ann | admin | 403.0
            Deny users=*                 | clear                      | ann  | -     | 403.0
            Allow users=*                | clear;Allow roles=admin    | -    | -     | 401.2
            Allow users=*                | Deny users=* verbs=POST    | bob  | -     | 200.0
            """)
    void nearestLevelFirstAndFirstMatchWins(String root, String admin, String user, String roles, String expected) {
        CompiledPipeline p = pipeline(Map.of(), levels(root, admin == null ? "" : admin));
        assertEquals(expected, status(p, "/admin/x.do", user, roles));
    }

    @Test
    void withoutRulesEveryoneIsAllowed() {
        assertEquals("200.0", status(pipeline(Map.of(), null), "/x.do", null, null));
    }

    @Test
    void withManagedHandlerItProtectsHandlersButNotStaticFiles() {
        CompiledPipeline p = pipeline(Map.of("list", rules("Deny users=?", true)), null, "managedHandler");
        assertEquals("401.2", status(p, "/x.do", null, null));
        assertEquals("200.0", status(p, "/page.html", null, null));
        CompiledPipeline all = pipeline(Map.of("list", rules("Deny users=?", true)), null);
        assertEquals("401.2", status(all, "/page.html", null, null));
    }

    @Test
    void anUnknownOperationIsAConfigurationError() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> pipeline(Map.of("list", List.of(Map.of("add", Map.of("users", "*")))), null));
        assertTrue(e.getMessage().contains("ManagedUrlAuthorization rule #1: unknown operation 'add'"), e.getMessage());
    }
}
