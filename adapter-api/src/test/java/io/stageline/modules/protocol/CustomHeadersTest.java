package io.stageline.modules.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code httpProtocol.customHeaders}, {@code redirectHeaders} and {@code removeServerHeader}. */
class CustomHeadersTest {
    private final TestExchange.App app = new TestExchange.App().file("/a.html").file("/docs/index.html");

    private static Map<String, Object> add(String name, String value) {
        return Map.of("add", name, "value", value);
    }

    private static CompiledPipeline with(Map<String, ?> settings) {
        return Requests.with(Stageline.PROTOCOL_SUPPORT, settings);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/a.html, 200",
        "/missing.html, 404",
        "/docs, 301",
        "/docs/, 200",
        "/WEB-INF/web.xml, 404",
        "/a%25.html, 404"})
    void customHeadersAreOnEveryResponseStaticErrorsAndRedirectsIncluded(String path, int status) {
        CompiledPipeline p = with(Map.of("customHeaders", List.of(add("X-Frame-Options", "DENY"),
                add("X-Custom", "yes"))));
        TestExchange x = Requests.run(p, app, "GET", path);
        assertEquals(status, x.status);
        // requests RequestFiltering refuses in BEGIN_REQUEST, before ProtocolSupport's turn, carry them too
        assertEquals("DENY", x.responseHeader("X-Frame-Options"));
        assertEquals("yes", x.responseHeader("X-Custom"));
    }

    @Test
    void operationsMergeInOrderClearRemoveAdd() {
        ProtocolSupportModule m = new ProtocolSupportModule();
        CompiledPipeline p = Stageline.builder().build();
        List<HeaderList.Header> h = HeaderList.parse("customHeaders", List.of(add("X-Powered-By", "ASP.NET"),
                add("X-A", "1"), Map.of("remove", "x-powered-by"), "clear", add("X-B", "2"), Map.of("name", "X-C",
                        "value", "3"), add("X-Powered-By", "Stageline")));
        assertEquals(List.of(new HeaderList.Header("X-B", "2"), new HeaderList.Header("X-C", "3"),
                new HeaderList.Header("X-Powered-By", "Stageline")), h);
        assertTrue(m.customHeaders().isEmpty());
        assertTrue(p.modules().size() > 0);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "X-A,X-A | duplicate header 'X-A'",
        "Bad Name | is not a header name",
        "'' | is not a header name"})
    void badHeaderListsFailTheDeployment(String names, String message) {
        List<Object> ops = new java.util.ArrayList<>();
        for (String n : names.split(",", -1)) {
            ops.add(add(n, "v"));
        }
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> with(Map.of("customHeaders", ops)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aValueWithALineBreakFailsTheDeployment() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> with(Map.of("customHeaders", List.of(add("X-A", "a\r\nSet-Cookie: x")))));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
    }

    @Test
    void aModuleCanStillOverrideACustomHeaderLater() {
        PipelineModule override = new PipelineModule() {
            @Override
            public void init(ModuleSetup setup) {
                setup.subscribe(PipelineStage.POST_AUTHORIZE_REQUEST);
            }

            @Override
            public void handle(RequestContext ctx) {
                ctx.setResponseHeader("X-Frame-Options", "SAMEORIGIN");
                ctx.removeResponseHeader("X-Custom");
            }
        };
        CompiledPipeline p = Stageline.builder(Map.of(Stageline.PROTOCOL_SUPPORT, ModuleSettings.of(Map.of(
                        "customHeaders", List.of(add("X-Frame-Options", "DENY"), add("X-Custom", "yes"))))))
                .addNativeModule("Override", override, ModuleSettings.empty()).build();
        TestExchange x = Requests.run(p, app, "GET", "/a.html");
        assertEquals("SAMEORIGIN", x.responseHeader("X-Frame-Options"));
        assertNull(x.responseHeader("X-Custom"));
    }

    @Test
    void redirectHeadersGoOnlyOnRedirects() {
        CompiledPipeline p = with(Map.of("redirectHeaders", List.of(add("X-Redirected-By", "Stageline"))));
        assertEquals("Stageline", Requests.run(p, app, "GET", "/docs").responseHeader("X-Redirected-By"));
        assertNull(Requests.run(p, app, "GET", "/a.html").responseHeader("X-Redirected-By"));
        assertNull(Requests.run(p, app, "GET", "/missing").responseHeader("X-Redirected-By"));
    }

    @Test
    void redirectHeadersAlsoGoOnA3xxAHandlerSetsItself() {
        CompiledPipeline p = Stageline.builder(Map.of(Stageline.PROTOCOL_SUPPORT, ModuleSettings.of(Map.of(
                        "redirectHeaders", List.of(add("X-Redirected-By", "Stageline"))))))
                .addHandler(HandlerMapping.builder("Moved").path("/moved").verb("*").handler(ctx -> {
                    ctx.setStatus(303);
                    ctx.setResponseHeader("Location", "/elsewhere");
                }).build()).build();
        TestExchange x = Requests.run(p, app, "GET", "/moved");
        assertEquals(303, x.status);
        assertEquals("Stageline", x.responseHeader("X-Redirected-By"));
    }

    @Test
    void removeServerHeaderRemovesWhatTheContainerPutThere() {
        CompiledPipeline p = with(Map.of("removeServerHeader", true));
        TestExchange x = new TestExchange(p, app, "GET", "/a.html");
        x.responseHeaders.put("Server", new java.util.ArrayList<>(List.of("Jetty(12)")));
        x.responseHeaders.put("X-Powered-By", new java.util.ArrayList<>(List.of("Servlet/6.1")));
        x.run();
        assertNull(x.responseHeader("Server"));
        assertNull(x.responseHeader("X-Powered-By"));
    }

    @Test
    void withoutHeadersTheModuleSubscribesToNothing() {
        // RequestFiltering (first in the defaults) always runs in BEGIN_REQUEST; ProtocolSupport only with headers
        assertEquals(List.of(Stageline.REQUEST_FILTERING),
                Requests.defaults().modulesFor(PipelineStage.BEGIN_REQUEST, false));
        assertEquals(List.of(Stageline.REQUEST_FILTERING, Stageline.PROTOCOL_SUPPORT),
                with(Map.of("customHeaders", List.of(add("X-A", "1")))).modulesFor(PipelineStage.BEGIN_REQUEST, false));
    }
}
