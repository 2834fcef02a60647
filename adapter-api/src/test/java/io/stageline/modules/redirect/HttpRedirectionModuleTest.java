package io.stageline.modules.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpRedirectionModuleTest {
    private final TestExchange.App app = new TestExchange.App().file("/old/a.html").file("/index.html");

    private static RedirectRules rules(String directory, Map<String, Object> settings) {
        return RedirectRules.parse(ModuleSettings.of(settings), HttpRedirectionModule.NAME, directory);
    }

    @ParameterizedTest(name = "[{0}] {1} exact={2} childOnly={3}: {4}?{5} -> {6}")
    @CsvSource(nullValues = "null", value = {
        "/old, https://new.test/new, false, false, /old/a/b.html, x=1, https://new.test/new/a/b.html?x=1",
        "/old, https://new.test/new/, false, false, /old/a.html, null, https://new.test/new/a.html",
        "/old, /new, false, false, /old, null, /new",
        "/old, /new, false, false, /OLD/x, null, /new/x",
        "/old, /new, false, false, /older/x, null, null",
        "/old, /new.html, true, false, /old/a/b.html, x=1, /new.html",
        "/old, /new, false, true, /old/a.html, null, /new/a.html",
        "/old, /new, false, true, /old/, null, /new/",
        "/old, /new, false, true, /old/sub/a.html, null, null",
        "'', /new, false, false, /a/b, q, /new/a/b?q",
        "'', /new, false, true, /a/b, null, null"})
    void destinationExactDestinationAndChildOnly(String dir, String destination, boolean exact, boolean childOnly,
                                                 String path, String query, String expected) {
        RedirectRules r = rules(dir, Map.of("enabled", true, "destination", destination, "exactDestination", exact,
                "childOnly", childOnly));
        assertEquals(expected, r.target(path, query));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "/old/x.php, /index.html",
        "/old/deep/er/x.PHP, /index.html",
        "/old/legacy/report.asp, /reports/",
        "/old/report.asp, /asp-root.html",
        "/old/x.html, null",
        "/old/a1.cgi, /cgi.html",
        "/old/a12.cgi, null"})
    void wildcardRulesFirstMatchWins(String path, String expected) {
        RedirectRules r = rules("/old", Map.of("enabled", true, "list", List.of(
                Map.of("add", "*.php", "destination", "/index.html"),
                Map.of("add", "/legacy/*.asp", "destination", "/reports/"),
                Map.of("add", "*.asp", "destination", "/asp-root.html"),
                Map.of("add", "a?.cgi", "destination", "/cgi.html"))));
        assertEquals(expected, r.target(path, null));
    }

    @Test
    void wildcardRulesApplyOnlyWhenTheDestinationIsEmpty() {
        RedirectRules r = rules("", Map.of("enabled", true, "destination", "/all", "list", List.of(
                Map.of("add", "*.php", "destination", "/index.html"))));
        assertEquals("/all/x.php", r.target("/x.php", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Found, 302", "Permanent, 301", "Temporary, 307", "PermRedirect, 308"})
    void httpResponseStatusNamesTheRedirectStatus(String name, int status) {
        CompiledPipeline p = Stageline.builder().addNativeModule(HttpRedirectionModule.NAME,
                        new HttpRedirectionModule(), ModuleSettings.empty())
                .location("/old", null, Map.of(HttpRedirectionModule.NAME, ModuleSettings.of(Map.of("enabled", true,
                        "destination", "/new", "httpResponseStatus", name))))
                .build();
        TestExchange x = Requests.run(p, app, "GET", "/old/a.html", "q=1");
        assertEquals(status, x.status);
        assertEquals("/new/a.html?q=1", x.redirectLocation);
        TestExchange other = Requests.run(p, app, "GET", "/index.html");
        assertEquals(200, other.status);
        assertNull(other.redirectLocation);
    }

    @Test
    void aDisabledModuleSubscribesToNothing() {
        CompiledPipeline p = Stageline.builder().addNativeModule(HttpRedirectionModule.NAME,
                new HttpRedirectionModule(), ModuleSettings.of(Map.of("destination", "/x"))).build();
        // only RequestFiltering (first in the defaults) runs in BEGIN_REQUEST
        assertEquals(List.of(Stageline.REQUEST_FILTERING),
                p.modulesFor(io.stageline.api.PipelineStage.BEGIN_REQUEST, false));
    }

    @Test
    void redirectHeadersOfProtocolSupportGoOnTheRedirect() {
        CompiledPipeline p = Stageline.builder(Map.of(Stageline.PROTOCOL_SUPPORT, ModuleSettings.of(Map.of(
                        "redirectHeaders", List.of(Map.of("add", "X-Moved", "value", "yes"))))))
                .addNativeModule(HttpRedirectionModule.NAME, new HttpRedirectionModule(), ModuleSettings.of(Map.of(
                        "enabled", true, "destination", "https://new.test")))
                .build();
        TestExchange x = Requests.run(p, app, "GET", "/old/a.html");
        assertEquals("https://new.test/old/a.html", x.redirectLocation);
        assertEquals("yes", x.responseHeader("X-Moved"));
    }

    @Test
    void badSettingsFailTheDeployment() {
        for (Object[] c : new Object[][] {
            {Map.of("enabled", true), "without a destination or wildcard rules"},
            {Map.of("enabled", true, "destination", "/x", "httpResponseStatus", "Moved"), "httpResponseStatus"},
            {Map.of("enabled", true, "list", List.of(Map.of("add", "*.php"))), "needs a wildcard and a destination"},
            {Map.of("enabled", true, "list", List.of(Map.of("add", "*.php", "destination", "/a"),
                    Map.of("add", "*.PHP", "destination", "/b"))), "duplicate wildcard"},
            {Map.of("destinaton", "/x"), "unknown setting destinaton"}}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) c[0];
            PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                    () -> Stageline.builder().addNativeModule(HttpRedirectionModule.NAME, new HttpRedirectionModule(),
                            ModuleSettings.of(s)).build());
            assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
        }
    }
}
