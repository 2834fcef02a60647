package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.match.HandlerTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationsTest {
    private static final List<String> DEFAULT_HANDLERS = List.of("TRACEVerbHandler", "OPTIONSVerbHandler",
            "ServletIntegrated", "ServletClassic", "StaticFile");
    private static final List<String> DEFAULT_DOCS = List.of("index.html", "index.htm", "index.jsp", "default.html",
            "default.htm");
    private static final String HANDLER = """
                - add: %s
                  path: "*.%s"
                  verb: GET
                  servlet: s
            """;

    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir);
    }

    private static String handler(String name, String ext, int indent) {
        return HANDLER.formatted(name, ext).indent(indent);
    }

    private static List<String> names(HandlerTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.mapping(i).name());
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void aLocationsHandlersComeBeforeTheApplicationsAndOnlyBelowItsPath() {
        LoadedConfiguration c = fx.app("handlers:\n  list:\n" + handler("App", "app", 2)
                + "locations:\n  - path: /admin\n    handlers:\n      list:\n" + handler("Admin", "adm", 6));
        LocationConfiguration admin = c.effective().location("/admin");
        assertEquals(concat(List.of("Admin", "App"), DEFAULT_HANDLERS), admin.handlerNames());
        assertTrue(admin.handlersChanged());
        assertEquals(concat(List.of("App"), DEFAULT_HANDLERS), c.effective().handlerNames());

        CompiledPipeline p = fx.compile(c).pipeline();
        int at = p.locationFor("/admin/users");
        assertEquals("/admin", p.handlers(at).path());
        assertEquals(List.of("Admin", "App", "TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated", "StaticFile"),
                names(p.handlers(at).table()));
        assertEquals(0, p.locationFor("/administrator"));
        assertEquals(0, p.locationFor("/"));
        assertEquals(List.of("App", "TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated", "StaticFile"),
                names(p.handlers()));
    }

    @Test
    void nestedLocationsApplyLeastSpecificFirstWhateverTheirOrderInTheFile() {
        EffectiveConfiguration c = fx.app("""
                locations:
                  - path: /admin/reports
                    defaultDocument:
                      files: [ { add: reports.html } ]
                  - path: /admin
                    defaultDocument:
                      enabled: false
                      files: [ { remove: index.jsp }, { add: admin.html } ]
                """).effective();
        List<String> adminDocs = concat(List.of("admin.html"), List.of("index.html", "index.htm", "default.html",
                "default.htm"));
        assertEquals(adminDocs, c.location("/admin").defaultDocumentNames());
        assertEquals(concat(List.of("reports.html"), adminDocs), c.location("/admin/reports").defaultDocumentNames());
        assertFalse(c.location("/admin/reports").defaultDocumentEnabled());
        assertEquals(List.of("/admin", "/admin/reports"), c.locations().stream().map(LocationConfiguration::path).toList());
        assertEquals(DEFAULT_DOCS, c.defaultDocumentNames());
    }

    @Test
    void locationMimeMapsAppendAndTheMostSpecificScalarWins() {
        EffectiveConfiguration c = fx.app("""
                directoryBrowse: { enabled: true }
                locations:
                  - path: /files
                    directoryBrowse: { enabled: false }
                    staticContent:
                      mimeMap:
                        - add: .rpt
                          mimeType: application/x-report
                  - path: /files/public
                    directoryBrowse: { enabled: true }
                """).effective();
        LocationConfiguration files = c.location("/files");
        assertFalse(files.directoryBrowseEnabled());
        assertEquals(".rpt", files.mimeMap().get(files.mimeMap().size() - 1).fileExtension());
        assertTrue(c.location("/files/public").directoryBrowseEnabled());
        assertEquals(files.mimeMap(), c.location("/files/public").mimeMap());
        assertFalse(files.handlersChanged());
    }

    @Test
    void locationSectionsBecomeTheBuiltInModulesSettingsAtThatLocation() {
        LoadedConfiguration c = fx.app("""
                locations:
                  - path: /files
                    directoryBrowse: { enabled: true }
                    defaultDocument:
                      files: [ { clear }, { add: list.html } ]
                    staticContent:
                      mimeMap: [ { remove: .css } ]
                """.replace("{ clear }", "clear"));
        Map<String, ModuleSettings> s = PipelineCompiler.locationSettings(c.effective(), c.effective().location("/files"));
        assertEquals(List.of("DefaultDocument", "DirectoryListing", "StaticFile"), List.copyOf(s.keySet()));
        assertEquals(true, s.get("DirectoryListing").get("enabled"));
        assertEquals(List.of("list.html"), s.get("DefaultDocument").get("files"));
        assertEquals(Map.of(".css", ""), s.get("StaticFile").get("mimeMap"));
        CompiledPipeline p = fx.compile(c).pipeline();
        assertEquals(2, p.locationCount());
        assertEquals(names(p.handlers()), names(p.handlers(1).table()));
    }

    @Test
    void serverLocationsApplyToEveryApplicationOrOnlyToTheOneTheyName() {
        String server = """
                locations:
                  - path: /status
                    directoryBrowse: { enabled: true }
                  - path: /status
                    application: /shop
                    defaultDocument:
                      files: [ { add: shop.html } ]
                  - path: /status
                    application: /
                    defaultDocument:
                      files: [ { add: root.html } ]
                """;
        EffectiveConfiguration shop = fx.load(server, null, "/shop").effective();
        assertEquals("shop.html", shop.location("/status").defaultDocumentNames().get(0));
        assertTrue(shop.location("/status").directoryBrowseEnabled());
        EffectiveConfiguration root = fx.load(server, null, "").effective();
        assertEquals("root.html", root.location("/status").defaultDocumentNames().get(0));
        EffectiveConfiguration unknown = fx.load(server, null).effective();
        assertEquals(DEFAULT_DOCS, unknown.location("/status").defaultDocumentNames());
        assertTrue(unknown.location("/status").directoryBrowseEnabled());
    }

    @Test
    void forTheSamePathTheServerEntryAppliesBeforeTheApplicationEntry() {
        EffectiveConfiguration c = fx.load(
                "locations:\n  - path: /api\n    handlers:\n      list:\n" + handler("Server", "srv", 6),
                "locations:\n  - path: /API/\n    handlers:\n      list:\n" + handler("App", "app", 6)).effective();
        assertEquals(1, c.locations().size());
        assertEquals(concat(List.of("App", "Server"), DEFAULT_HANDLERS), c.location("/api").handlerNames());
    }

    @Test
    void theSamePathTwiceInOneFileIsAnErrorIgnoringCaseAndTrailingSlash() {
        assertEquals(List.of("app:4:11 SL-CFG-026 location '/admin' is declared twice in this file (first at app:2:11)"),
                fx.loadProblems(null, """
                        locations:
                          - path: /Admin/
                            directoryBrowse: { enabled: true }
                          - path: /admin
                            directoryBrowse: { enabled: false }
                        """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "/", "//", "/a//b", "/a/../b", "/a/./b", "/..", "/a\\\\b", "/a;x", "/*.jsp", "/a?b",
        "/a%2Fb"})
    void nonCanonicalLocationPathsAreRejected(String path) {
        List<String> p = fx.loadProblems(null, "locations:\n  - path: \"" + path + "\"\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("app:2:11 SL-CFG-025 location path '" + path.replace("\\\\", "\\")
                + "' is not a canonical application path below the root"), p.get(0));
    }

    @Test
    void applicationWideSectionsCannotBeSetInALocation() {
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> fx.app("""
                        locations:
                          - path: /admin
                            modules:
                              list: [ { remove: StaticFile } ]
                            pipelineMode: classic
                            handlers: { accessPolicy: Read }
                            bogus: 1
                        """));
        assertEquals(List.of("app:3:5 SL-CFG-024 'modules' cannot be set in a location: it applies to the whole application",
                "app:5:5 SL-CFG-024 'pipelineMode' cannot be set in a location: it applies to the whole application",
                "app:6:17 SL-CFG-024 'handlers.accessPolicy' cannot be set in a location: the access policy applies to "
                        + "the whole application",
                "app:7:5 SL-CFG-004 unknown key 'bogus' in a locations entry"), fx.strip(e.problems()));
        assertEquals("a location may set handlers, staticContent, defaultDocument, directoryBrowse, authentication, "
                + "authorization, managedAuthorization, httpErrors, httpRedirect, httpLogging, requestFiltering, caching; "
                + "write 'modules' at "
                + "the top level", e.problems().get(0).hint());
    }

    @Test
    void aLocationNeedsAPathAndOnlyTheServerFileMayFilterByApplication() {
        assertEquals(List.of("app:2:5 SL-CFG-006 a locations entry needs 'path'",
                "app:4:18 SL-CFG-028 'application' can only be set on a location of the server-level file"),
                fx.loadProblems(null, """
                        locations:
                          - directoryBrowse: { enabled: true }
                          - path: /a
                            application: /shop
                        """));
        assertEquals(List.of("server:3:18 SL-CFG-007 application 'shop' is not a context path"),
                fx.loadProblems("locations:\n  - path: /a\n    application: shop\n", null));
    }

    @Test
    void aLocationMayRemoveAnApplicationMappingWithoutTouchingTheRoot() {
        LoadedConfiguration c = fx.app("""
                locations:
                  - path: /static
                    handlers:
                      list: [ { remove: ServletIntegrated } ]
                """);
        assertEquals(List.of("TRACEVerbHandler", "OPTIONSVerbHandler", "ServletClassic", "StaticFile"),
                c.effective().location("/static").handlerNames());
        CompiledPipeline p = fx.compile(c).pipeline();
        assertEquals(List.of("TRACEVerbHandler", "OPTIONSVerbHandler", "StaticFile"),
                names(p.handlers(p.locationFor("/static/a.css")).table()));
        assertNull(c.effective().location("/other"));
    }

    @Test
    void aDuplicateAddInALocationIsReportedOnceThoughItAppliesToSeveralPaths() {
        List<String> p = fx.loadProblems(null, """
                locations:
                  - path: /a
                    defaultDocument:
                      files: [ { add: index.html } ]
                  - path: /a/b
                    directoryBrowse: { enabled: true }
                """);
        assertEquals(List.of("app:4:16 SL-CFG-013 cannot add duplicate default document 'index.html': it is already in "
                + "the list (added at " + ConfigLoader.DEFAULTS_LABEL + ":74:7)"), p);
    }
}
