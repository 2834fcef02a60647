package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLevelTest {
    private static final String POOLS = """
            applicationPools:
              - { name: ClassicPool, pipelineMode: classic }
              - { name: Default }
            applications:
              /legacy: { pool: classicpool }
              /: { pool: Default }
            """;
    /** Every native module but DirectoryListing (and HttpRedirection). */
    private static final String INSTALLED = "[ProtocolSupport, CustomErrors, RequestFiltering, HttpCache, "
            + "AnonymousAuthentication, "
            + "BasicAuthentication, "
            + "UrlAuthorization, DefaultDocument, StaticFile, ServletDelegation, HttpLogging, FailedRequestTracing]";
    private static final String NO_LISTING = "globalModules: " + INSTALLED + "\n" + """
            modules:
              list:
                - remove: DirectoryListing
            """;

    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir);
    }

    @Test
    void theBuiltInDefaultsInstallEveryBuiltInModule() {
        assertEquals(Stageline.NATIVE_MODULES, fx.load(null, null).effective().globalModules());
    }

    @Test
    void anApplicationMayRemoveAndReAddAnInstalledNativeModule() {
        LoadedConfiguration c = fx.load(NO_LISTING, """
                modules:
                  list:
                    - remove: StaticFile
                    - add: StaticFile
                """);
        assertEquals(List.of("ProtocolSupport", "CustomErrors", "RequestFiltering", "HttpCache",
                "AnonymousAuthentication", "BasicAuthentication", "UrlAuthorization", "DefaultDocument", "StaticFile",
                "ServletDelegation", "HttpLogging", "FailedRequestTracing"), c.effective().globalModules());
        assertEquals(List.of("RequestFiltering", "ProtocolSupport", "CustomErrors", "HttpCache",
                "AnonymousAuthentication", "BasicAuthentication", "UrlAuthorization", "DefaultDocument",
                "ServletDelegation", "HttpLogging", "FailedRequestTracing", "FormsAuthentication",
                "ManagedUrlAuthorization", "OutputCache", "StaticFile"), c.effective().moduleNames());
    }

    @Test
    void addingANativeModuleTheServerDoesNotInstallIsAnErrorNamingTheServerFile() {
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> fx.load(NO_LISTING, "modules:\n  list:\n    - add: DirectoryListing\n"));
        assertEquals(List.of("app:3:7 SL-CFG-029 native module 'DirectoryListing' is not installed: globalModules "
                + "(server:1) does not list it"), fx.strip(e.problems()));
        assertEquals("remove it from modules ('- remove: DirectoryListing'), or install it in the server's globalModules; "
                + "installed: ProtocolSupport, CustomErrors, RequestFiltering, HttpCache, AnonymousAuthentication, "
                + "BasicAuthentication, "
                + "UrlAuthorization, DefaultDocument, StaticFile, ServletDelegation, HttpLogging, FailedRequestTracing",
                e.problems().get(0).hint());
    }

    @Test
    void anUninstalledModuleLeftInTheInheritedListIsAnErrorToo() {
        assertEquals(List.of(ConfigLoader.DEFAULTS_LABEL + ":24:7 SL-CFG-029 native module 'DirectoryListing' is not "
                + "installed: globalModules (server:1) does not list it"),
                fx.loadProblems("globalModules: " + INSTALLED + "\n", null));
    }

    @Test
    void globalModulesListsBuiltInModulesOnce() {
        assertEquals(List.of("server:1:17 SL-CFG-017 globalModules: 'WebDAVModule' is not a built-in native module",
                "server:1:60 SL-CFG-007 globalModules lists 'StaticFile' twice",
                "server:1:72 SL-CFG-017 globalModules: 'FormsAuthentication' is not a built-in native module"),
                fx.loadProblems("globalModules: [WebDAVModule, ProtocolSupport, StaticFile, StaticFile, "
                        + "FormsAuthentication, DirectoryListing, CustomErrors, RequestFiltering, AnonymousAuthentication, "
                        + "BasicAuthentication, UrlAuthorization, DefaultDocument, ServletDelegation, HttpLogging, "
                        + "FailedRequestTracing, HttpCache]\n", null));
    }

    @Test
    void serverOnlySectionsAreErrorsInTheApplicationFile() {
        assertEquals(List.of("app:1:1 SL-CFG-028 'globalModules' can only be set in the server-level file",
                "app:2:1 SL-CFG-028 'applicationPools' can only be set in the server-level file",
                "app:3:1 SL-CFG-028 'applications' can only be set in the server-level file"), fx.loadProblems(null, """
                globalModules: [StaticFile]
                applicationPools: []
                applications: {}
                """));
    }

    @Test
    void theApplicationPoolsPipelineModeAppliesToTheApplicationsAssignedToIt() {
        LoadedConfiguration legacy = fx.load(POOLS, null, "/legacy");
        assertEquals(PipelineMode.CLASSIC, legacy.effective().pipelineMode());
        assertEquals("ClassicPool", legacy.effective().applicationPool());
        assertEquals(PipelineMode.CLASSIC, fx.compile(legacy).pipeline().mode());
        assertEquals("Default", fx.load(POOLS, null, "").effective().applicationPool());
        LoadedConfiguration other = fx.load(POOLS + "pipelineMode: classic\n", null, "/other");
        assertNull(other.effective().applicationPool());
        assertEquals(PipelineMode.CLASSIC, other.effective().pipelineMode());
        assertEquals(PipelineMode.INTEGRATED, fx.load(POOLS, null).effective().pipelineMode());
    }

    @Test
    void anApplicationFileAskingForAnotherModeThanItsPoolGetsAWarningAndThePoolsMode() {
        LoadedConfiguration c = fx.load(POOLS, "pipelineMode: integrated\n", "/legacy");
        assertEquals(PipelineMode.CLASSIC, c.effective().pipelineMode());
        assertEquals(List.of("app:1:15 SL-CFG-031 pipelineMode integrated is ignored: the server runs this application in "
                + "pool 'ClassicPool' (server:2:5), whose pipelineMode is classic"), fx.strip(c.warnings()));
        assertEquals(List.of(), fx.load(POOLS, "pipelineMode: classic\n", "/legacy").warnings());
        assertEquals(PipelineMode.INTEGRATED, fx.load(POOLS, "pipelineMode: integrated\n", "/x").effective()
                .pipelineMode());
    }

    @Test
    void assigningAnApplicationToAnUndeclaredPoolIsAnError() {
        assertEquals(List.of("server:4:18 SL-CFG-030 application '/shop' is assigned to pool 'Shop', which "
                        + "applicationPools does not declare",
                "server:5:3 SL-CFG-007 applications: 'shop' is not a context path"), fx.loadProblems("""
                applicationPools:
                  - { name: ClassicPool, pipelineMode: classic }
                applications:
                  /shop: { pool: Shop }
                  shop: { pool: ClassicPool }
                """, null));
    }

    @Test
    void poolsNeedUniqueNamesAndAValidMode() {
        assertEquals(List.of("server:2:5 SL-CFG-006 an application pool needs 'name'",
                "server:3:30 SL-CFG-007 pipelineMode 'mixed' is not a pipeline mode",
                "server:5:13 SL-CFG-030 application pool 'a' is declared twice (first at server:4:13)"),
                fx.loadProblems("""
                        applicationPools:
                          - { pipelineMode: classic }
                          - { name: B, pipelineMode: mixed }
                          - { name: A }
                          - { name: a }
                        """, null));
    }
}
