package io.stageline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code locations:}: per-location handler lists and module settings, most specific location wins. */
class LocationsTest {
    private final List<String> log = new ArrayList<>();

    private HandlerMapping answering(String name) {
        return EngineFixtures.typeMapping(name, "*", EngineFixtures.recordingHandler(log, name, name));
    }

    private CompiledPipeline pipeline() {
        return new PipelineBuilder()
                .addHandler(answering("Root"))
                .location("/admin", List.of(answering("Admin")), Map.of())
                .location("/admin/reports/", List.of(answering("Reports")), Map.of())
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "/index.html, Root, ''",
        "/admin, Admin, /admin",
        "/admin/, Admin, /admin",
        "/ADMIN/users, Admin, /admin",
        "/administrator, Root, ''",
        "/admin/reports/2026.html, Reports, /admin/reports",
        "/admin/reportsX, Admin, /admin"})
    void theMostSpecificLocationCoveringThePathSuppliesTheHandlers(String path, String handler, String location) {
        TestExchange x = new TestExchange(pipeline(), new TestExchange.App(), "GET", path);
        x.run();
        assertEquals(handler, x.bodyText());
        assertEquals(location, x.locationPath());
    }

    @Test
    void aRewriteIntoAnotherLocationUsesThatLocationsHandlers() {
        PipelineModule rewriter = new PipelineModule() {
            @Override
            public void init(ModuleSetup setup) {
                setup.subscribe(PipelineStage.BEGIN_REQUEST);
            }

            @Override
            public void handle(RequestContext ctx) {
                ctx.rewritePath("/admin/home");
            }
        };
        CompiledPipeline p = new PipelineBuilder().addHandler(answering("Root"))
                .location("/admin", List.of(answering("Admin")), Map.of())
                .addNativeModule("Rewriter", rewriter, ModuleSettings.empty()).build();
        TestExchange x = new TestExchange(p, new TestExchange.App(), "GET", "/start");
        x.run();
        assertEquals("Admin", x.bodyText());
    }

    @Test
    void aModuleSeesItsOwnSettingsPerLocationAndTheApplicationSettingsElsewhere() {
        List<String> seen = new ArrayList<>();
        PipelineModule greeter = new PipelineModule() {
            private String[] greeting;

            @Override
            public void init(ModuleSetup setup) {
                greeting = new String[setup.locationCount()];
                for (int i = 0; i < greeting.length; i++) {
                    greeting[i] = setup.locationPath(i) + "=" + setup.settings(i).getString("greeting", "none");
                }
                setup.subscribe(PipelineStage.BEGIN_REQUEST);
            }

            @Override
            public void handle(RequestContext ctx) {
                seen.add(greeting[ctx.locationIndex()]);
            }
        };
        CompiledPipeline p = new PipelineBuilder().addHandler(answering("Root"))
                .addNativeModule("Greeter", greeter, ModuleSettings.of(Map.of("greeting", "hello")))
                .location("/fr", null, Map.of("Greeter", ModuleSettings.of(Map.of("greeting", "bonjour"))))
                .location("/de", null, Map.of())
                .build();
        for (String path : List.of("/x", "/fr/page", "/de/page")) {
            new TestExchange(p, new TestExchange.App(), "GET", path).run();
        }
        assertEquals(List.of("=hello", "/fr=bonjour", "/de=hello"), seen);
    }

    @Test
    void aLocationWithoutItsOwnHandlerListInheritsTheApplicationList() {
        CompiledPipeline p = new PipelineBuilder().addHandler(answering("Root"))
                .location("/docs", null, Map.of()).build();
        TestExchange x = new TestExchange(p, new TestExchange.App(), "GET", "/docs/a");
        x.run();
        assertEquals("Root", x.bodyText());
        assertEquals(1, x.locationIndex());
    }

    @Test
    void badAndDuplicateLocationsAreAllReported() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class, () ->
                new PipelineBuilder().location("/a/../b", null, Map.of()).location("/x", null, Map.of())
                        .location("/X/", null, Map.of()).location("relative", null, Map.of()).build());
        assertEquals(3, e.problems().size(), e.problems().toString());
    }

    @Test
    void aLegacySectionThatOnlyClearsStillFailsEveryRequestWith500Point22() {
        CompiledPipeline p = new PipelineBuilder().addHandler(answering("Root"))
                .legacySectionsPresent(true, false).build();
        TestExchange x = new TestExchange(p, new TestExchange.App(), "GET", "/a.html");
        x.run();
        assertEquals(500, x.status);
        assertEquals(22, x.subStatus());
        assertTrue(x.bodyText().contains("500.22"));
    }

    /** A handler class for the class-loader test. */
    public static final class NamedHandler implements io.stageline.api.RequestHandler {
        @Override
        public void handle(RequestContext ctx) throws java.io.IOException {
            ctx.responseBody().write("named".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void typeHandlersAreLoadedFromTheGivenClassLoader() {
        ClassLoader refusing = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                throw new ClassNotFoundException("refused " + name);
            }
        };
        HandlerMapping m = HandlerMapping.builder("Named").path("*").verb("*").type(NamedHandler.class.getName()).build();
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> new PipelineBuilder().classLoader(refusing).addHandler(m).build());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        CompiledPipeline ok = new PipelineBuilder().classLoader(getClass().getClassLoader()).addHandler(m).build();
        TestExchange x = new TestExchange(ok, new TestExchange.App(), "GET", "/a");
        x.run();
        assertEquals("named", x.bodyText());
    }
}
