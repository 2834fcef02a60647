package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationProblemsTest {
    private static final String FIX = "io.stageline.config.ConfigFixtures$";

    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir);
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        List<String> p = fx.appProblems("""
                modules:
                  list: [ { add: A }
                handlers: {}
                """);
        assertEquals(1, p.size(), p.toString());
        assertEquals("app:3:1 SL-CFG-001 invalid YAML: expected ',' or ']', but got <scalar> (while parsing a flow sequence)",
                p.get(0));
    }

    @Test
    void duplicateKeysAreAnErrorAtTheSecondKey() {
        assertEquals(List.of("app:3:1 SL-CFG-003 duplicate key 'pipelineMode'"), fx.appProblems("""
                pipelineMode: integrated
                directoryBrowse: { enabled: true }
                pipelineMode: classic
                """));
    }

    @Test
    void unknownKeysAnywhereAreErrorsWithTheKnownKeysAsHint() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> fx.app("""
                directoryBrowse:
                  enabled: true
                  showFlags: Date
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                      preconditon: managedHandler
                """));
        assertEquals(List.of("app:3:3 SL-CFG-004 unknown key 'showFlags' in 'directoryBrowse'",
                "app:8:7 SL-CFG-004 unknown key 'preconditon' in an add entry of modules.list"), fx.strip(e.problems()));
        assertEquals("known keys: enabled", e.problems().get(0).hint());
        assertEquals("known keys: add, type, preCondition, settings", e.problems().get(1).hint());
    }

    @Test
    void sectionsOfLaterVersionsAreUnknownRatherThanIgnored() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> fx.app("""
                urlCompression:
                  doStaticCompression: true
                """));
        assertEquals(List.of("app:1:1 SL-CFG-004 unknown key 'urlCompression' in the top level"),
                fx.strip(e.problems()));
        assertEquals("known keys: " + String.join(", ", ConfigReader.TOP), e.problems().get(0).hint());
    }

    @Test
    void valuesOfTheWrongShapeAreReported() {
        assertEquals(List.of("app:1:29 SL-CFG-005 'enabled' must be true or false, found a value",
                "app:3:9 SL-CFG-005 'modules.list' must be a list, found a map"), fx.appProblems("""
                directoryBrowse: { enabled: yes }
                modules:
                  list: { add: A }
                """));
    }

    @Test
    void requiredHandlerKeysMustBePresent() {
        assertEquals(List.of("app:3:7 SL-CFG-006 handler 'Hello' needs 'verb'"), fx.appProblems("""
                handlers:
                  list:
                    - add: Hello
                      path: /hello
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                """));
    }

    @Test
    void valuesOutsideTheirSetAreReported() {
        assertEquals(List.of("app:1:15 SL-CFG-007 pipelineMode 'hybrid' is not a pipeline mode",
                "app:8:21 SL-CFG-007 resourceType 'Folder' is not one of File, Directory, Either, Unspecified",
                "app:9:7 SL-CFG-007 an entry of handlers.list must start with add or remove, not 'insert'"),
                fx.appProblems("""
                pipelineMode: hybrid
                handlers:
                  list:
                    - add: Dir
                      path: "*"
                      verb: GET
                      modules: DirectoryListing
                      resourceType: Folder
                    - insert: X
                """));
    }

    @Test
    void unknownPreconditionsAndManagedHandlerOnHandlersAreErrors() {
        assertEquals(List.of("app:5:21 SL-CFG-008 unknown precondition 'fastMode' (allowed: integratedMode, classicMode, "
                        + "runtimeVersionvN, bitness64, bitness32, managedHandler)",
                "app:11:21 SL-CFG-008 precondition 'managedHandler' applies to modules, not handlers"), fx.appProblems("""
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                      preCondition: integratedMode, fastMode
                handlers:
                  list:
                    - add: Hello
                      path: /hello
                      verb: GET
                      preCondition: managedHandler
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                """));
    }

    @Test
    void nonCanonicalPreconditionSpellingIsAWarning() {
        CompiledConfiguration c = fx.compile(fx.app("""
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                      preCondition: ManagedHandler
                """));
        assertEquals(List.of("app:5:21 SL-CFG-023 precondition 'ManagedHandler' is spelled 'managedHandler'"),
                fx.strip(c.warnings()));
    }

    @Test
    void badMasksVerbsPoliciesAndSizesAreReportedAtTheirValues() {
        assertEquals(List.of("app:2:17 SL-CFG-011 invalid accessPolicy 'Read, Run': unknown flag 'Run'; expected one of "
                        + "None, Read, Write, Execute, Source, Script, NoRemoteWrite, NoRemoteRead, NoRemoteExecute, "
                        + "NoRemoteScript",
                "app:5:13 SL-CFG-009 invalid path mask 'a//b': it contains an empty segment ('//') at index 1",
                "app:6:13 SL-CFG-010 invalid verb list 'GET,,POST': empty entry",
                "app:8:28 SL-CFG-012 'responseBufferLimit' is '4 MegaBytes', which is not a size"), fx.appProblems("""
                handlers:
                  accessPolicy: Read, Run
                  list:
                    - add: Bad
                      path: a//b
                      verb: GET,,POST
                      servlet: reports
                      responseBufferLimit: 4 MegaBytes
                """));
    }

    @Test
    void aHandlerMustNameExactlyOneKindOfHandler() {
        assertEquals(List.of("app:3:7 SL-CFG-014 handler 'Both' must name exactly one of type, servlet or modules"),
                fx.appProblems("""
                handlers:
                  list:
                    - add: Both
                      path: "*.do"
                      verb: "*"
                      servlet: reports
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                """));
    }

    @Test
    void typeClassesAreCheckedWithTheApplicationClassLoader() {
        assertEquals(List.of("app:4:13 SL-CFG-015 module 'Missing': class 'com.example.Nope' cannot be loaded "
                        + "(ClassNotFoundException)",
                "app:6:13 SL-CFG-016 module 'Wrong': class '" + FIX + "NotAModule' does not implement "
                        + "io.stageline.api.PipelineModule",
                "app:8:13 SL-CFG-016 module 'NoCtor': class '" + FIX + "NoDefaultConstructor' has no public "
                        + "no-argument constructor",
                "app:14:13 SL-CFG-016 handler 'H': class '" + FIX + "TimingModule' does not implement "
                        + "io.stageline.api.RequestHandler"), fx.appProblems("""
                modules:
                  list:
                    - add: Missing
                      type: com.example.Nope
                    - add: Wrong
                      type: io.stageline.config.ConfigFixtures$NotAModule
                    - add: NoCtor
                      type: io.stageline.config.ConfigFixtures$NoDefaultConstructor
                handlers:
                  list:
                    - add: H
                      path: "*.x"
                      verb: GET
                      type: io.stageline.config.ConfigFixtures$TimingModule
                """));
    }

    @Test
    void aNativeModuleMustBeABuiltInModule() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> fx.app("""
                modules:
                  list:
                    - add: WebDAVModule
                """));
        assertEquals(List.of("app:3:7 SL-CFG-017 module 'WebDAVModule' is not a built-in module"), fx.strip(e.problems()));
        assertEquals("built-in modules: ProtocolSupport, CustomErrors, RequestFiltering, HttpRedirection, HttpCache, "
                + "AnonymousAuthentication, "
                + "BasicAuthentication, UrlAuthorization, DefaultDocument, DirectoryListing, StaticFile, ServletDelegation, "
                + "HttpLogging, FailedRequestTracing, FormsAuthentication, ManagedUrlAuthorization, OutputCache; "
                + "a module of your own needs type: <class name>", e.problems().get(0).hint());
    }

    @Test
    void aDuplicateAddIsAnErrorNamingTheFirstEntry() {
        assertEquals(List.of("app:4:7 SL-CFG-013 cannot add duplicate module 'StaticFile': it is already in the list "
                + "(added at " + ConfigLoader.DEFAULTS_LABEL + ":25:7)"), fx.appProblems("""
                modules:
                  list:
                    - remove: NotThere
                    - add: StaticFile
                """));
    }

    @Test
    void aMappingBehindACatchAllMappingIsAWarning() {
        CompiledConfiguration c = fx.compile(fx.app("""
                handlers:
                  list:
                    - add: Everything
                      path: "*"
                      verb: "*"
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                    - add: Later
                      path: "*.do"
                      verb: GET
                      servlet: reports
                """));
        List<String> w = fx.strip(c.warnings());
        assertEquals("app:7:7 SL-CFG-019 handler 'Later' can never be selected: handler 'Everything' (app:3:7, path *, "
                + "verb *) comes first and matches every request", w.get(0));
        // Later, then the inherited TRACEVerbHandler, OPTIONSVerbHandler, ServletIntegrated and StaticFile
        assertEquals(5, w.size(), w.toString());
    }

    @Test
    void aServletStarMappingDoesNotShadowLaterMappings() {
        CompiledConfiguration c = fx.compile(fx.app("""
                handlers:
                  list:
                    - add: AnyServlet
                      path: "*"
                      verb: "*"
                      servlet: "*"
                """));
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void engineProblemsArePlacedAtTheEntryTheyName() {
        assertEquals(List.of("app:3:7 SL-CFG-020 module 'Strict' failed to initialise: java.lang.IllegalArgumentException: "
                + "unknown setting bad"), fx.appProblems("""
                modules:
                  list:
                    - add: Strict
                      type: io.stageline.config.ConfigFixtures$StrictModule
                      settings: { bad: 1 }
                """));
    }

    @Test
    void engineWarningsAreReportedWithoutAPosition() {
        CompiledConfiguration c = fx.compile(fx.app("""
                pipelineMode: classic
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                """));
        assertEquals(List.of("SL-CFG-021 classic mode ignores the managed modules in 'modules:' (configure them in "
                + "legacy.httpModules): Timing"), fx.strip(c.warnings()));
    }

    @Test
    void anUnreadableFileIsAnError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new ConfigLoader().load(null, dir.resolve("missing.yaml"), getClass().getClassLoader()));
        assertEquals("SL-CFG-022", e.problems().get(0).code());
        assertEquals(dir.resolve("missing.yaml").toString(), e.problems().get(0).file());
    }

    @Test
    void everyProblemOfEveryFileIsCollectedBeforeFailing() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> fx.load("""
                pipelineMode: sideways
                """, """
                directoryBrowse: { enabled: maybe }
                """));
        assertEquals(List.of("server:1:15 SL-CFG-007 pipelineMode 'sideways' is not a pipeline mode",
                "app:1:29 SL-CFG-005 'enabled' must be true or false, found a value"), fx.strip(e.problems()));
        assertTrue(e.getMessage().startsWith("2 configuration error(s):\n  " + fx.label("server.yaml")
                + ":1:15 SL-CFG-007 pipelineMode 'sideways' is not a pipeline mode\n      hint: write integrated or classic"),
                e.getMessage());
    }
}
