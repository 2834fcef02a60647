package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.ModuleSlot;
import io.stageline.match.HandlerTable;
import io.stageline.modules.defaultdocument.DefaultDocumentModule;
import io.stageline.modules.staticfile.StaticFileModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerMergeTest {
    private static final String TIMING = "      type: io.stageline.config.ConfigFixtures$TimingModule\n";
    private static final List<String> DEFAULT_HANDLERS = List.of("TRACEVerbHandler", "OPTIONSVerbHandler",
            "ServletIntegrated", "ServletClassic", "StaticFile");

    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir);
    }

    private static List<String> modules(CompiledPipeline p) {
        return p.modules().stream().map(ModuleSlot::name).toList();
    }

    private static List<String> handlers(CompiledPipeline p) {
        HandlerTable t = p.handlers();
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
    void modulesAppendAfterEveryInheritedModuleInLevelOrder() {
        CompiledPipeline p = fx.compile(fx.load("modules:\n  list:\n    - add: Server\n" + TIMING,
                "modules:\n  list:\n    - add: App\n" + TIMING)).pipeline();
        assertEquals(concat(Stageline.DEFAULT_MODULES, List.of("Server", "App")), modules(p));
    }

    @Test
    void removeThenAddMovesAnInheritedModuleToTheEnd() {
        CompiledPipeline p = fx.compile(fx.app("""
                modules:
                  list:
                    - remove: ProtocolSupport
                    - add: ProtocolSupport
                """)).pipeline();
        List<String> moved = new ArrayList<>(Stageline.DEFAULT_MODULES);
        moved.remove("ProtocolSupport");
        moved.add("ProtocolSupport");
        assertEquals(moved, modules(p));
    }

    @Test
    void clearEmptiesEverythingInheritedAndTheLevelRebuildsItsOwnOrder() {
        LoadedConfiguration c = fx.load("""
                modules:
                  list:
                    - clear
                    - add: StaticFile
                    - add: ProtocolSupport
                """, """
                modules:
                  list:
                    - add: DefaultDocument
                """);
        assertEquals(List.of("StaticFile", "ProtocolSupport", "DefaultDocument"), c.effective().moduleNames());
    }

    @Test
    void removingAnUnknownNameIsANoOp() {
        LoadedConfiguration c = fx.app("""
                modules:
                  list:
                    - remove: WebDAVModule
                handlers:
                  list:
                    - remove: ExtensionlessUrlHandler-ISAPI-4.0_32bit
                defaultDocument:
                  files:
                    - remove: iisstart.htm
                """);
        assertEquals(Stageline.DEFAULT_MODULES, c.effective().moduleNames());
        assertEquals(DEFAULT_HANDLERS, c.effective().handlerNames());
        assertEquals(DefaultDocumentModule.DEFAULT_FILES, c.effective().defaultDocumentNames());
    }

    @Test
    void aDuplicateAddAcrossLevelsIsAnErrorAtTheLowerLevelsAdd() {
        ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
                () -> fx.load("modules:\n  list:\n    - add: Timing\n" + TIMING,
                        "modules:\n  list:\n    - add: Timing\n" + TIMING));
        assertEquals(List.of("app:3:7 SL-CFG-013 cannot add duplicate module 'Timing': it is already in the list "
                + "(added at server:3:7)"), fx.strip(e.problems()));
    }

    @Test
    void handlersPrependTheNearestLevelFirstInDocumentOrder() {
        String h = "    - add: %s\n      path: \"*.%s\"\n      verb: GET\n      servlet: s\n";
        LoadedConfiguration c = fx.load("handlers:\n  list:\n" + h.formatted("S1", "s1") + h.formatted("S2", "s2"),
                "handlers:\n  list:\n" + h.formatted("A1", "a1") + h.formatted("A2", "a2"));
        assertEquals(concat(List.of("A1", "A2", "S1", "S2"), DEFAULT_HANDLERS), c.effective().handlerNames());
        List<String> compiled = new ArrayList<>(c.effective().handlerNames());
        compiled.remove("ServletClassic");
        assertEquals(compiled, handlers(fx.compile(c).pipeline()));
    }

    @Test
    void removeThenAddMovesAnInheritedHandlerToTheFront() {
        LoadedConfiguration c = fx.app("""
                handlers:
                  list:
                    - remove: StaticFile
                    - add: StaticFile
                      path: "*"
                      verb: GET,HEAD
                      modules: StaticFile
                      requireAccess: Read
                """);
        assertEquals(List.of("StaticFile", "TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated", "ServletClassic"),
                c.effective().handlerNames());
    }

    @Test
    void clearingHandlersLeavesOnlyTheLevelsOwnMappings() {
        LoadedConfiguration c = fx.app("""
                handlers:
                  list:
                    - clear
                    - add: Only
                      path: "*"
                      verb: "*"
                      servlet: "*"
                """);
        assertEquals(List.of("Only"), c.effective().handlerNames());
    }

    @Test
    void defaultDocumentsPrependAndMimeMapEntriesAppend() {
        CompiledPipeline p = fx.compile(fx.app("""
                defaultDocument:
                  files:
                    - remove: index.jsp
                    - add: home.html
                    - add: start.html
                staticContent:
                  mimeMap:
                    - add: .rpt
                      mimeType: application/x-report
                    - remove: .CSS
                """)).pipeline();
        DefaultDocumentModule dd = (DefaultDocumentModule) p.module("DefaultDocument").module();
        assertEquals(List.of("home.html", "start.html", "index.html", "index.htm", "default.html", "default.htm"),
                dd.files());
        StaticFileModule sf = (StaticFileModule) p.module("StaticFile").module();
        assertEquals("application/x-report", sf.mimeMap().contentTypeFor("/q1.RPT"));
        assertNull(sf.mimeMap().contentTypeFor("/site.css"));
        assertEquals("text/html", sf.mimeMap().contentTypeFor("/index.html"));
    }

    @Test
    void clearingTheMimeMapRemovesEveryBuiltInType() {
        CompiledPipeline p = fx.compile(fx.app("""
                staticContent:
                  mimeMap:
                    - clear
                    - add: .txt
                      mimeType: text/plain
                """)).pipeline();
        StaticFileModule sf = (StaticFileModule) p.module("StaticFile").module();
        assertEquals(1, sf.mimeMap().asMap().size());
        assertNull(sf.mimeMap().contentTypeFor("/index.html"));
    }

    @Test
    void theNearestLevelWinsForScalarsAndTheCompileModeOverridesBoth() {
        LoadedConfiguration serverOnly = fx.load("pipelineMode: classic\n", "directoryBrowse: { enabled: true }\n");
        assertEquals(PipelineMode.CLASSIC, serverOnly.effective().pipelineMode());
        assertEquals(true, serverOnly.effective().directoryBrowseEnabled());
        LoadedConfiguration app = fx.load("pipelineMode: classic\n", "pipelineMode: integrated\n");
        assertEquals(PipelineMode.INTEGRATED, app.effective().pipelineMode());
        assertEquals(PipelineMode.CLASSIC, fx.compile(serverOnly).pipeline().mode());
        assertEquals(PipelineMode.INTEGRATED, new ConfigLoader().compile(serverOnly, PipelineMode.INTEGRATED).pipeline().mode());
    }

    @Test
    void legacySectionsFailEveryRequestInIntegratedModeUnlessValidationIsOff() {
        String legacy = """
                legacy:
                  httpModules:
                    - add: Audit
                      type: io.stageline.config.ConfigFixtures$TimingModule
                """;
        assertEquals(22, fx.compile(fx.app(legacy)).pipeline().legacyConfigurationSubStatus());
        assertEquals(0, fx.compile(fx.app(legacy + "validation: { validateIntegratedModeConfiguration: false }\n"))
                .pipeline().legacyConfigurationSubStatus());
        assertEquals(24, fx.compile(fx.app("legacy: { identity: { impersonate: true } }\n")).pipeline()
                .legacyConfigurationSubStatus());
    }

    @Test
    void classicModeRunsLegacyModulesInTheNestedPipelineAndLegacyHandlersFromTheirTable() {
        CompiledPipeline p = fx.compile(fx.app("""
                pipelineMode: classic
                legacy:
                  httpModules:
                    - add: Audit
                      type: io.stageline.config.ConfigFixtures$TimingModule
                  httpHandlers:
                    - add: Report
                      path: "*.rpt"
                      verb: "*"
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                """)).pipeline();
        assertEquals(List.of("Audit"), p.nestedModulesFor(io.stageline.api.PipelineStage.BEGIN_REQUEST));
        assertEquals("Report", p.legacyHandlers().mapping(0).name());
    }
}
