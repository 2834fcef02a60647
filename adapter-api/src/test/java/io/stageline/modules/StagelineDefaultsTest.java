package io.stageline.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineMode;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.ModuleSlot;
import io.stageline.engine.TestExchange;
import io.stageline.match.HandlerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StagelineDefaultsTest {
    private final TestExchange.App app = new TestExchange.App();

    private static List<String> moduleNames(CompiledPipeline p) {
        List<String> names = new ArrayList<>();
        for (ModuleSlot s : p.modules()) {
            names.add(s.name());
        }
        return names;
    }

    private static List<String> handlerNames(CompiledPipeline p) {
        HandlerTable t = p.handlers();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            names.add(t.mapping(i).name());
        }
        return names;
    }

    @Test
    void theBuiltInModulesAreInstalledInTheirDocumentedOrder() {
        assertEquals(List.of("RequestFiltering", "ProtocolSupport", "CustomErrors", "HttpCache",
                "AnonymousAuthentication", "BasicAuthentication",
                "UrlAuthorization", "DefaultDocument", "DirectoryListing", "StaticFile", "ServletDelegation",
                "HttpLogging", "FailedRequestTracing", "FormsAuthentication", "ManagedUrlAuthorization", "OutputCache"),
                Stageline.DEFAULT_MODULES);
        assertEquals(Stageline.DEFAULT_MODULES, moduleNames(Requests.defaults()));
    }

    @Test
    void theDefaultHandlerTableKeepsTheMappingOfTheRunningMode() {
        assertEquals(List.of("TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated", "ServletClassic", "StaticFile"),
                Stageline.DEFAULT_HANDLERS);
        assertEquals(List.of("TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated", "StaticFile"),
                handlerNames(Requests.defaults()));
        assertEquals(List.of("TRACEVerbHandler", "OPTIONSVerbHandler", "ServletClassic", "StaticFile"),
                handlerNames(Stageline.builder().mode(PipelineMode.CLASSIC).build()));
    }

    @Test
    void theDefaultMappingsCarryTheSpecifiedAttributes() {
        List<HandlerMapping> m = Stageline.defaultHandlers();
        assertEquals(Stageline.DEFAULT_HANDLERS, m.stream().map(HandlerMapping::name).toList());
        assertEquals("TRACE", m.get(0).verb());
        assertEquals(List.of("ProtocolSupport"), m.get(0).modules());
        assertEquals(RequireAccess.NONE, m.get(0).requireAccess());
        assertEquals("OPTIONS", m.get(1).verb());
        assertEquals(RequireAccess.NONE, m.get(1).requireAccess());
        assertEquals("*", m.get(2).servletName());
        assertEquals(List.of("integratedMode"), m.get(2).preConditions());
        assertTrue(m.get(2).isManagedHandler());
        assertEquals(List.of("ServletDelegation"), m.get(3).modules());
        assertEquals(List.of("classicMode"), m.get(3).preConditions());
        assertEquals(List.of("StaticFile", "DefaultDocument", "DirectoryListing"), m.get(4).modules());
        assertEquals(ResourceType.EITHER, m.get(4).resourceType());
        assertEquals(RequireAccess.READ, m.get(4).requireAccess());
        for (HandlerMapping h : m) {
            assertEquals("*", h.path());
            assertEquals(Stageline.SOURCE, h.source());
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineMode.class)
    void aRequestTheContainerMapsToAServletGoesToThatServlet(PipelineMode mode) {
        app.servlet("hello", "/hello", x -> x.write("hello from " + x.path()));
        TestExchange x = Requests.run(Stageline.builder().mode(mode).build(), app, "GET", "/hello");
        assertEquals(List.of("servlet:hello"), app.invocations);
        assertEquals("hello from /hello", x.bodyText());
        assertEquals(mode == PipelineMode.INTEGRATED ? "ServletIntegrated" : "ServletClassic", x.handlerMapping().name());
    }

    @ParameterizedTest
    @EnumSource(PipelineMode.class)
    void staticFilesAndDefaultDocumentsAreServedInBothModes(PipelineMode mode) {
        app.file("/a.css").file("/d/index.html");
        CompiledPipeline p = Stageline.builder().mode(mode).build();
        assertEquals("text/css", Requests.run(p, app, "GET", "/a.css").responseHeader("Content-Type"));
        assertEquals("static:/d/index.html", Requests.run(p, app, "GET", "/d/").bodyText());
        assertEquals(List.of("default:/a.css", "default:/d/index.html"), app.invocations);
    }

    @Test
    void applicationMappingsWinOverTheDefaults() {
        app.file("/a.html");
        CompiledPipeline p = Stageline.builder()
                .addHandler(HandlerMapping.builder("Pages").path("*.html").verb("GET")
                        .handler(ctx -> ctx.responseBody().write("page".getBytes())).build())
                .build();
        TestExchange x = Requests.run(p, app, "GET", "/a.html");
        assertEquals("page", x.bodyText());
        assertEquals("Pages", x.handlerMapping().name());
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void withoutTheStaticFileMappingAFileGets404dot4() {
        app.file("/a.html");
        TestExchange x = Requests.run(Stageline.builder().removeHandler(Stageline.STATIC_FILE_HANDLER).build(), app, "GET",
                "/a.html");
        assertEquals("404.4", Requests.statusOf(x));
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void withoutModulesTheStaticFileMappingHasABadModule() {
        app.file("/a.html");
        TestExchange x = Requests.run(Stageline.builder().clearModules().build(), app, "GET", "/a.html");
        assertEquals("500.21", Requests.statusOf(x));
        assertEquals("Handler 'StaticFile' has a bad module 'StaticFile' in its module list", x.failureDetail());
        assertTrue(x.bodyText().contains("bad module"), x.bodyText());
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void settingsReachTheirModuleAndEachBuilderHasItsOwnInstances() {
        CompiledPipeline listing = Requests.with(Stageline.DIRECTORY_LISTING, Map.of("enabled", true));
        CompiledPipeline plain = Requests.defaults();
        app.file("/d/x.txt");
        assertEquals("200.0", Requests.statusOf(Requests.run(listing, app, "GET", "/d/")));
        assertEquals("403.14", Requests.statusOf(Requests.run(plain, app, "GET", "/d/")));
        assertNotSame(listing.module(Stageline.STATIC_FILE).module(), plain.module(Stageline.STATIC_FILE).module());
    }

    @Test
    void settingsForAnUnknownModuleAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stageline.builder(Map.of("StaticContent", ModuleSettings.empty())));
        assertEquals("settings given for unknown built-in module(s) StaticContent (built-in modules: "
                + String.join(", ", Stageline.DEFAULT_MODULES) + ")", e.getMessage());
    }
}
