package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.customerrors.CustomErrorsModule;
import io.stageline.modules.redirect.HttpRedirectionModule;
import jakarta.servlet.http.HttpServlet;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ProtocolSupport's headers and HttpRedirection over real HTTP, written once and run on every container: custom
 * headers on static, servlet, error and OPTIONS responses, redirect headers only on redirects, the container's
 * {@code Server} header, and the redirect rules per location.
 */
public abstract class ProtocolScenarios extends ScenarioBase {

    private static Map<String, Object> header(String name, String value) {
        return Map.of("add", name, "value", value);
    }

    private static ModuleSettings redirect(Map<String, Object> s) {
        return ModuleSettings.of(s);
    }

    @Override
    protected Map<String, String> files() {
        return Map.of("hello.html", "<p>hello static</p>", "errors/404.html", "custom not found page",
                "kids/a.html", "kid", "kids/sub/b.html", "grandkid");
    }

    @Override
    protected CompiledPipeline pipeline() {
        String hr = HttpRedirectionModule.NAME;
        return Stageline.builder(Map.of(Stageline.PROTOCOL_SUPPORT, ModuleSettings.of(Map.of(
                        "removeServerHeader", true,
                        "customHeaders", List.of(header("X-Powered-By", "ASP.NET"), header("X-Frame-Options", "DENY"),
                                Map.of("remove", "X-Powered-By"), header("X-Content-Type-Options", "nosniff")),
                        "redirectHeaders", List.of(header("X-Redirected-By", "Stageline"))))))
                .addNativeModule(hr, new HttpRedirectionModule(), ModuleSettings.empty())
                .removeModule(CustomErrorsModule.NAME)
                .addNativeModule(CustomErrorsModule.NAME, new CustomErrorsModule(), ModuleSettings.of(Map.of(
                        "errorMode", "Custom", "errors", List.of(Map.of("add", 404, "path", "/errors/404.html")))))
                .location("/old", null, Map.of(hr, redirect(Map.of("enabled", true, "destination", "/new"))))
                .location("/exact", null, Map.of(hr, redirect(Map.of("enabled", true, "destination", "/hello.html",
                        "exactDestination", true, "httpResponseStatus", "Permanent"))))
                .location("/kids", null, Map.of(hr, redirect(Map.of("enabled", true, "destination",
                        "https://kids.example.test", "childOnly", true, "httpResponseStatus", "Temporary"))))
                .location("/wild", null, Map.of(hr, redirect(Map.of("enabled", true, "httpResponseStatus", "PermRedirect",
                        "list", List.of(Map.of("add", "*.php", "destination", "/hello.html"))))))
                .build();
    }

    @Override
    protected Map<String, Class<? extends HttpServlet>> servlets() {
        return Map.of("*.hello", ErrorScenarioServlets.Hello.class, "*.senderror", ErrorScenarioServlets.SendError.class,
                "*.redirect", ErrorScenarioServlets.Redirect.class);
    }

    private static void assertCustomHeaders(HttpResponse<String> r) {
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse("none"), r.uri().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse("none"));
        assertFalse(r.headers().firstValue("X-Powered-By").isPresent(), "removed by the later operation");
        assertFalse(r.headers().firstValue("X-Redirected-By").isPresent(), "not a redirect");
    }

    @Test
    void customHeadersAreOnStaticFiles() throws Exception {
        HttpResponse<String> r = get("/hello.html");
        assertEquals(200, r.statusCode());
        assertEquals("<p>hello static</p>", r.body());
        assertCustomHeaders(r);
    }

    @Test
    void customHeadersAreOnServletResponses() throws Exception {
        HttpResponse<String> r = get("/x.hello");
        assertEquals("servlet ok", r.body());
        assertCustomHeaders(r);
    }

    @Test
    void customHeadersAreOnErrorResponsesOfThePipelineAndOfServlets() throws Exception {
        HttpResponse<String> missing = get("/nope.html");
        assertEquals(404, missing.statusCode());
        assertCustomHeaders(missing);
        HttpResponse<String> sent = get("/x.senderror");
        assertEquals(404, sent.statusCode());
        assertEquals("custom not found page", sent.body());
        assertCustomHeaders(sent);
    }

    @Test
    void customHeadersAreOnOptions() throws Exception {
        HttpResponse<String> r = send(request("/hello.html").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
        assertCustomHeaders(r);
    }

    @Test
    void theServerHeaderIsRemovedWhereTheContainerLetsAFilterRemoveIt() throws Exception {
        HttpResponse<String> r = get("/hello.html");
        String configured = running().serverHeader();
        boolean expectGone = configured == null || running().filterCanRemoveServerHeader();
        assertEquals(expectGone, r.headers().firstValue("Server").isEmpty(),
                "Server: " + r.headers().firstValue("Server").orElse("(none)"));
    }

    @Test
    void aDirectoryRedirectKeepsThePathBelowItAndTheQuery() throws Exception {
        HttpResponse<String> r = get("/old/a/b.html?x=1");
        assertEquals(302, r.statusCode());
        assertEquals("/new/a/b.html?x=1", r.headers().firstValue("Location").orElse(""));
        assertEquals("Stageline", r.headers().firstValue("X-Redirected-By").orElse("none"));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse("none"));
    }

    @Test
    void exactDestinationRedirectsExactly() throws Exception {
        HttpResponse<String> r = get("/exact/anything?x=1");
        assertEquals(301, r.statusCode());
        assertEquals("/hello.html", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void childOnlyRedirectsTheDirectoryContentButNotItsSubdirectories() throws Exception {
        HttpResponse<String> r = get("/kids/a.html");
        assertEquals(307, r.statusCode());
        assertEquals("https://kids.example.test/a.html", r.headers().firstValue("Location").orElse(""));
        HttpResponse<String> deeper = get("/kids/sub/b.html");
        assertEquals(200, deeper.statusCode());
        assertEquals("grandkid", deeper.body());
    }

    @Test
    void wildcardRulesRedirectMatchingPathsOnly() throws Exception {
        HttpResponse<String> r = get("/wild/deep/index.php");
        assertEquals(308, r.statusCode());
        assertEquals("/hello.html", r.headers().firstValue("Location").orElse(""));
        assertEquals(404, get("/wild/index.html").statusCode());
    }

    @Test
    void aServletsOwnRedirectIsLeftAsItIs() throws Exception {
        HttpResponse<String> r = get("/x.redirect");
        assertEquals(302, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/hello.html"));
    }
}
