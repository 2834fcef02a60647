package io.stageline.modules.urlauthorization;

import static io.stageline.modules.auth.AuthFixtures.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
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

class UrlAuthorizationModuleTest {
    private final TestExchange.App app = new TestExchange.App().file("/page.html").file("/admin/page.html")
            .file("/admin/open/page.html");

    private CompiledPipeline pipeline(Map<String, ?> root, Map<String, ?> admin, Map<String, ?> adminOpen) {
        var b = Stageline.builder().removeModule(UrlAuthorizationModule.NAME)
                .addNativeModule("HeaderUser", new AuthFixtures.HeaderUser(), ModuleSettings.empty())
                .addNativeModule(UrlAuthorizationModule.NAME, new UrlAuthorizationModule(), ModuleSettings.of(root));
        if (admin != null) {
            b.location("/admin", null, Map.of(UrlAuthorizationModule.NAME, ModuleSettings.of(admin)));
        }
        if (adminOpen != null) {
            b.location("/admin/open", null, Map.of(UrlAuthorizationModule.NAME, ModuleSettings.of(adminOpen)));
        }
        return b.build();
    }

    private String status(CompiledPipeline p, String method, String path, String user, String roles) {
        return AuthFixtures.status(AuthFixtures.run(p, app, method, path, user, roles));
    }

    @ParameterizedTest(name = "[{0}] {2} as {3}/{4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Allow users=*                                  | GET  | -     | -         | 200.0
            Allow users=?                                  | GET  | -     | -         | 200.0
            Allow users=?                                  | GET  | bob   | -         | 403.0
            Allow users=bob                                | GET  | BOB   | -         | 200.0
            Allow users=bob                                | GET  | alice | -         | 403.0
            Allow users=bob                                | GET  | -     | -         | 401.2
            Allow roles=admin                              | GET  | alice | admin     | 200.0
            Allow roles=admin                              | GET  | alice | ADMIN     | 200.0
            Allow roles=admin                              | GET  | alice | staff     | 403.0
            Allow roles=admin,staff                        | GET  | alice | x,staff   | 200.0
            Allow users=* ; Deny users=?                   | GET  | -     | -         | 401.2
            Allow users=* ; Deny users=?                   | GET  | bob   | -         | 200.0
            Allow users=* ; Deny users=bob                 | GET  | bob   | -         | 403.0
            Allow users=* ; Deny roles=banned              | GET  | bob   | banned    | 403.0
            Allow users=* verbs=GET                        | GET  | -     | -         | 200.0
            Allow users=* verbs=GET                        | POST | -     | -         | 401.2
            Allow users=* verbs=get                        | GET  | -     | -         | 200.0
            Allow users=* ; Deny users=* verbs=POST        | POST | bob   | -         | 403.0
            Allow users=* ; Deny users=* verbs=POST        | GET  | bob   | -         | 200.0
            Deny users=?                                   | GET  | bob   | -         | 403.0
            """)
    void oneLevelRules(String list, String method, String user, String roles, String expected) {
        CompiledPipeline p = pipeline(Map.of("list", rules(list.replace(" ; ", ";"), false)), null, null);
        String path = "POST".equals(method) ? "/x.do" : "/page.html";
        String s = status(p, method, path, user, roles);
        if ("200.0".equals(expected)) {
            assertTrue(!s.startsWith("401") && !s.startsWith("403"), s);
        } else {
            assertEquals(expected, s);
        }
    }

    private static Map<String, Object> levels(String... lists) {
        List<Object> levels = new java.util.ArrayList<>();
        String[] paths = {"", "/admin", "/admin/open"};
        for (int i = 0; i < lists.length; i++) {
            levels.add(Map.of("path", paths[i], "list", rules(lists[i], false)));
        }
        return Map.of("levels", levels);
    }

    @Test
    void aParentDenyCannotBeUndoneByAChildAllow() {
        CompiledPipeline p = pipeline(levels("Allow users=*;Deny users=?"),
                levels("Allow users=*;Deny users=?", "Allow users=? verbs=GET"), null);
        assertEquals("401.2", status(p, "GET", "/admin/page.html", null, null));
    }

    @Test
    void clearInAChildReplacesTheInheritedRules() {
        Map<String, Object> root = levels("Allow users=*");
        Map<String, Object> admin = levels("Allow users=*", "clear;Allow roles=admin");
        CompiledPipeline p = pipeline(root, admin, null);
        assertEquals("200.0", status(p, "GET", "/page.html", null, null));
        assertEquals("401.2", status(p, "GET", "/admin/page.html", null, null));
        assertEquals("403.0", status(p, "GET", "/admin/page.html", "bob", "staff"));
        assertEquals("200.0", status(p, "GET", "/admin/page.html", "ann", "admin"));
    }

    @Test
    void removeDropsAnInheritedRuleByItsUsersRolesAndVerbs() {
        Map<String, Object> admin = Map.of("levels", List.of(
                Map.of("path", "", "list", rules("Allow users=*", false)),
                Map.of("path", "/admin", "list", List.of(Map.of("remove", Map.of("users", "*")),
                        Map.of("add", Map.of("accessType", "Allow", "roles", "admin"))))));
        CompiledPipeline p = pipeline(Map.of(), admin, null);
        assertEquals("403.0", status(p, "GET", "/admin/page.html", "bob", ""));
        assertEquals("200.0", status(p, "GET", "/page.html", null, null));
    }

    @Test
    void noRuleThatAppliesMeansDeny() {
        CompiledPipeline p = pipeline(Map.of("list", List.of()), null, null);
        assertEquals("401.2", status(p, "GET", "/page.html", null, null));
        assertEquals("403.0", status(p, "GET", "/page.html", "bob", "admin"));
    }

    @Test
    void withoutRulesTheServerDefaultAllowsEveryone() {
        assertEquals("200.0", status(pipeline(Map.of(), null, null), "GET", "/page.html", null, null));
    }

    @Test
    void aNestedLocationGetsTheRulesOfEveryLevel() {
        CompiledPipeline p = pipeline(levels("Allow users=*"), levels("Allow users=*", "Deny users=?"),
                levels("Allow users=*", "Deny users=?", "Deny users=bob"));
        assertEquals("401.2", status(p, "GET", "/admin/open/page.html", null, null));
        assertEquals("403.0", status(p, "GET", "/admin/open/page.html", "bob", null));
        assertEquals("200.0", status(p, "GET", "/admin/open/page.html", "ann", null));
        assertEquals("200.0", status(p, "GET", "/admin/page.html", "bob", null));
    }

    @Test
    void configurationErrorsNameTheModuleAndTheRule() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> pipeline(Map.of("list", List.of(Map.of("add", Map.of("accessType", "Maybe", "users", "*")))),
                        null, null));
        assertTrue(e.getMessage().contains("UrlAuthorization rule #1: accessType is 'Maybe'"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(Map.of("list",
                rules("Allow users=*;Allow users=*", false)), null, null));
        assertTrue(e.getMessage().contains("duplicate rule"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(Map.of("list",
                List.of(Map.of("add", Map.of("accessType", "Allow", "verbs", "GET")))), null, null));
        assertTrue(e.getMessage().contains("names neither users nor roles"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline(Map.of("rules", List.of()), null, null));
        assertTrue(e.getMessage().contains("unknown setting rules for module UrlAuthorization"), e.getMessage());
    }
}
