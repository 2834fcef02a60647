package io.stageline.modules.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.RequireAccess;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.Requests;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolSupportModuleTest {
    private final TestExchange.App app = new TestExchange.App();

    static Stream<Arguments> optionsCases() {
        return Stream.of(
                Arguments.of(Map.of(), "OPTIONS, GET, HEAD, POST"),
                Arguments.of(Map.of("allowTrace", true), "OPTIONS, TRACE, GET, HEAD, POST"),
                Arguments.of(Map.of("allowedVerbs", "GET, OPTIONS"), "GET, OPTIONS"),
                Arguments.of(Map.of("allowedVerbs", List.of("GET", "TRACE", "PROPFIND", "GET")), "GET, PROPFIND"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("optionsCases")
    void optionsAnswers200WithTheAllowedVerbsAndNoBody(Map<String, Object> s, String allow) {
        TestExchange x = Requests.run(Requests.with(Stageline.PROTOCOL_SUPPORT, s), app, "OPTIONS", "/anything/at/all");
        assertEquals("200.0", Requests.statusOf(x));
        assertEquals(allow, x.responseHeader("Allow"));
        assertEquals("", x.bodyText());
        assertEquals(Stageline.OPTIONS_VERB_HANDLER, x.handlerMapping().name());
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void traceIsRefusedWith405ByDefault() {
        app.file("/a.html");
        TestExchange x = Requests.run(Requests.defaults(), app, "TRACE", "/a.html");
        assertEquals("405.0", Requests.statusOf(x));
        assertEquals("OPTIONS, GET, HEAD, POST", x.responseHeader("Allow"));
        assertEquals(Stageline.TRACE_VERB_HANDLER, x.handlerMapping().name());
        assertFalse(x.bodyText().contains("TRACE /a.html"), x.bodyText());
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void anAllowedTraceEchoesTheRequestWithoutCredentials() {
        CompiledPipeline p = Requests.with(Stageline.PROTOCOL_SUPPORT, Map.of("allowTrace", "true"));
        TestExchange x = new TestExchange(p, app, "TRACE", "/a/b").header("Host", "example.test")
                .header("X-Probe", "1").header("X-Probe", "2").header("Cookie", "JSESSIONID=secret")
                .header("authorization", "Basic c2VjcmV0").header("Proxy-Authorization", "Basic c2VjcmV0");
        assertTrue(x.run());
        assertEquals("200.0", Requests.statusOf(x));
        assertEquals("message/http", x.responseHeader("Content-Type"));
        assertEquals("TRACE /a/b HTTP/1.1\r\nHost: example.test\r\nX-Probe: 1\r\nX-Probe: 2\r\n\r\n", x.bodyText());
    }

    @Test
    void otherVerbsAreDeclinedSoTheNextHandlerModuleServes() {
        app.file("/a.html");
        CompiledPipeline p = Stageline.builder()
                .addHandler(HandlerMapping.builder("Both").path("*.html").verb("GET,OPTIONS")
                        .modules(Stageline.STATIC_FILE, Stageline.PROTOCOL_SUPPORT).requireAccess(RequireAccess.READ).build())
                .build();
        TestExchange get = Requests.run(p, app, "GET", "/a.html");
        assertEquals("static:/a.html", get.bodyText());
        assertEquals("Both", get.handlerMapping().name());
        TestExchange options = Requests.run(p, app, "OPTIONS", "/a.html");
        assertEquals("OPTIONS, GET, HEAD, POST", options.responseHeader("Allow"));
        assertEquals(List.of("default:/a.html"), app.invocations);
    }

    @Test
    void withoutProtocolSupportTheVerbHandlersHaveABadModule() {
        CompiledPipeline p = Stageline.builder().removeModule(Stageline.PROTOCOL_SUPPORT).build();
        TestExchange x = Requests.run(p, app, "OPTIONS", "/");
        assertEquals("500.21", Requests.statusOf(x));
        assertEquals("Handler 'OPTIONSVerbHandler' has a bad module 'ProtocolSupport' in its module list", x.failureDetail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET, PO ST", "GET,,POST", "GET, (x)"})
    void badVerbListsFailTheBuild(String verbs) {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> Requests.with(Stageline.PROTOCOL_SUPPORT, Map.of("allowedVerbs", verbs)));
        assertTrue(e.getMessage().contains("module 'ProtocolSupport' failed to initialise")
                && e.getMessage().contains("allowedVerbs"), e.getMessage());
    }
}
