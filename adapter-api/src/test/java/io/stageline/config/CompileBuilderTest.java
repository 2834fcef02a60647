package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileBuilderTest {
    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir);
    }

    @Test
    void aLegacySectionWithOnlyClearOrRemoveStillFailsEveryRequestInIntegratedMode() {
        assertEquals(22, fx.compile(fx.app("legacy: {httpModules: [clear]}\n")).pipeline()
                .legacyConfigurationSubStatus());
        assertEquals(23, fx.compile(fx.app("legacy: {httpHandlers: [ {remove: X} ]}\n")).pipeline()
                .legacyConfigurationSubStatus());
        assertEquals(0, fx.compile(fx.app("legacy: {httpModules: []}\n")).pipeline().legacyConfigurationSubStatus());
        assertEquals(0, fx.compile(fx.app("legacy: {httpModules: [clear]}\n"
                + "validation: { validateIntegratedModeConfiguration: false }\n")).pipeline()
                .legacyConfigurationSubStatus());
    }

    @Test
    void onlyTheApplicationFilesLegacySectionsCountNotTheServers() {
        LoadedConfiguration c = fx.load("legacy: {httpModules: [clear], httpHandlers: [clear]}\n", null);
        assertEquals(0, fx.compile(c).pipeline().legacyConfigurationSubStatus());
    }

    @Test
    void typeHandlersComeFromTheApplicationClassLoaderNotTheThreadsContextLoader() throws Exception {
        LoadedConfiguration c = fx.app("""
                handlers:
                  list:
                    - add: Hello
                      path: /hello
                      verb: GET
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                locations:
                  - path: /a
                    handlers:
                      list:
                        - add: Hello2
                          path: /hello2
                          verb: GET
                          type: io.stageline.config.ConfigFixtures$HelloHandler
                """);
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            t.setContextClassLoader(empty);
            var p = fx.compile(c).pipeline();
            HandlerMapping m = p.handlers().mapping(0);
            assertEquals(ConfigFixtures.HelloHandler.class, m.handler().getClass());
            assertEquals(ConfigFixtures.HelloHandler.class, p.handlers(1).table().mapping(0).handler().getClass());
        } finally {
            t.setContextClassLoader(saved);
        }
    }

    @Test
    void aHandlerTheEngineCannotCreateIsReportedAtItsEntry() {
        List<String> p = fx.appProblems("""
                locations:
                  - path: /a
                    handlers:
                      list:
                        - add: Boom
                          path: "*.x"
                          verb: GET
                          type: io.stageline.config.ConfigFixtures$FailingHandler
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("app:5:11 SL-CFG-020 handler 'Boom' (app:5:11): cannot create "
                + "io.stageline.config.ConfigFixtures$FailingHandler"), p.get(0));
    }

    @Test
    void aMappingShadowedInALocationIsAWarning() {
        CompiledConfiguration c = fx.compile(fx.app("""
                locations:
                  - path: /a
                    handlers:
                      list:
                        - clear
                        - add: All
                          path: "*"
                          verb: "*"
                          type: io.stageline.config.ConfigFixtures$HelloHandler
                        - add: Never
                          path: "*.x"
                          verb: GET
                          servlet: s
                """));
        assertEquals(List.of("app:10:11 SL-CFG-019 handler 'Never' can never be selected: handler 'All' (app:6:11, path *, "
                + "verb *) comes first and matches every request"), fx.strip(c.warnings()));
    }

    @Test
    void theOldLoadOverloadsStillWorkWithoutAContextPath() {
        assertThrows(ConfigurationException.class, () -> new ConfigLoader().load(null, dir.resolve("none.yaml"),
                getClass().getClassLoader()));
        assertEquals(List.of(), new ConfigLoader().load((ConfigSource) null, null, getClass().getClassLoader())
                .effective().locations());
    }
}
