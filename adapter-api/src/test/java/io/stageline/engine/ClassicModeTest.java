package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.delegationMapping;
import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §5, classic mode: managed modules run in a nested pipeline inside EXECUTE_REQUEST_HANDLER of ServletDelegation. */
class ClassicModeTest {
    /** The stages a legacy module may subscribe to: no MAP_REQUEST_HANDLER, LOG_REQUEST, POST_LOG_REQUEST. */
    static final List<PipelineStage> LEGACY_STAGES = legacyStages();

    private static final PipelineStage[] NATIVE_STAGES = {PipelineStage.BEGIN_REQUEST,
        PipelineStage.PRE_EXECUTE_REQUEST_HANDLER, PipelineStage.POST_EXECUTE_REQUEST_HANDLER, PipelineStage.LOG_REQUEST,
        PipelineStage.END_REQUEST};

    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App()
            .servlet("Jsp", ".jsp", x -> {
                log.add("servlet");
                x.write("jsp");
            })
            .file("/a.txt");

    private static List<PipelineStage> legacyStages() {
        List<PipelineStage> out = new ArrayList<>();
        for (PipelineStage s : RecordingModule.SUBSCRIBABLE) {
            if (!s.isIntegratedOnly()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A legacy module subscribed to every stage it may use. */
    private RecordingModule legacy(String name) {
        return new RecordingModule(name, log, LEGACY_STAGES);
    }

    private PipelineBuilder classic() {
        PipelineBuilder b = new PipelineBuilder()
                .mode(PipelineMode.CLASSIC)
                .addNativeModule("Native", RecordingModule.on("Native", log, NATIVE_STAGES), ModuleSettings.empty())
                .addHandler(delegationMapping("ServletClassic", "*.jsp"));
        return EngineFixtures.withStaticFile(EngineFixtures.withServletDelegation(b));
    }

    /** What a ServletDelegation request records when the nested pipeline runs from start to end. */
    private static List<String> nestedRun(List<String> nested) {
        List<String> expected = new ArrayList<>(List.of("Native:BEGIN_REQUEST", "Native:PRE_EXECUTE_REQUEST_HANDLER"));
        expected.addAll(nested);
        expected.addAll(List.of("Native:POST_EXECUTE_REQUEST_HANDLER", "Native:LOG_REQUEST", "Native:END_REQUEST"));
        return expected;
    }

    @Test
    void legacyModulesRunInANestedPipelineBetweenTheOuterPreAndPostExecuteStages() {
        CompiledPipeline p = classic()
                .addLegacyModule("L1", legacy("L1"), ModuleSettings.empty())
                .addLegacyModule("L2", legacy("L2"), ModuleSettings.empty())
                .build();

        TestExchange x = run(p, app, "GET", "/a.jsp");

        List<String> nested = new ArrayList<>();
        for (PipelineStage s : LEGACY_STAGES) {
            if (s == PipelineStage.POST_EXECUTE_REQUEST_HANDLER) {
                nested.add("servlet");
            }
            nested.add("L1:" + s);
            nested.add("L2:" + s);
        }
        assertEquals(nestedRun(nested), log);
        assertEquals("jsp", x.bodyText());
        assertEquals(List.of("L1", "L2"), p.nestedModulesFor(PipelineStage.AUTHORIZE_REQUEST));
        assertEquals(List.of(), p.modulesFor(PipelineStage.AUTHORIZE_REQUEST, false));
    }

    @Test
    void legacyModulesNeverRunForAStaticRequest() {
        CompiledPipeline p = classic().addLegacyModule("L1", legacy("L1"), ModuleSettings.empty()).build();

        TestExchange x = run(p, app, "GET", "/a.txt");

        assertEquals(RecordingModule.entries(List.of(NATIVE_STAGES), "Native"), log);
        assertEquals("static:/a.txt", x.bodyText());
    }

    @Test
    void aTypeMappingInClassicModeAnswers500Point21NamingManagedPipelineHandler() {
        CompiledPipeline p = classic()
                .addLegacyModule("L1", legacy("L1"), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*.page", recordingHandler(log, "page", "page")))
                .build();

        TestExchange x = run(p, app, "GET", "/a.page");

        assertEquals("500.21", x.status + "." + x.subStatus());
        assertEquals("Handler 'Page' has a bad module 'ManagedPipelineHandler' in its module list", x.failureDetail());
        assertEquals(List.of("Native:BEGIN_REQUEST", "Native:LOG_REQUEST", "Native:END_REQUEST"), log);
    }

    @Test
    void aServletMappingWithoutModulesInClassicModeAnswers500Point21() {
        CompiledPipeline p = classic()
                .addHandler(HandlerMapping.builder("Jspx").path("*.jspx").verb("*").servlet("Jsp").build())
                .build();

        TestExchange x = run(p, app, "GET", "/a.jspx");

        assertEquals("500.21", x.status + "." + x.subStatus());
        assertTrue(x.failureDetail().contains("'ManagedPipelineHandler'"), x.failureDetail());
        assertFalse(log.contains("servlet"));
    }

    @Test
    void aTypeMappingWithTheIntegratedModePreconditionIsDroppedSoTheNextMappingServes() {
        CompiledPipeline p = classic()
                .addHandler(HandlerMapping.builder("Page").path("*.txt").verb("*").preCondition("integratedMode")
                        .handler(recordingHandler(log, "page", "page")).build())
                .build();

        TestExchange x = run(p, app, "GET", "/a.txt");

        assertEquals(200, x.status);
        assertEquals("StaticFile", x.handlerMapping().name());
        assertEquals("static:/a.txt", x.bodyText());
    }

    @Test
    void managedModulesInTheModuleListAreIgnoredWithOneWarningNamingThem() {
        RecordingModule m1 = RecordingModule.everywhere("M1", log);
        RecordingModule m2 = RecordingModule.everywhere("M2", log);
        CompiledPipeline p = classic()
                .addModule("M1", m1, ModuleSettings.empty())
                .addModule("M2", m2, ModuleSettings.empty(), "managedHandler")
                .build();

        run(p, app, "GET", "/a.jsp");
        run(p, app, "GET", "/a.txt");

        assertEquals(1, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().get(0).contains("M1") && p.warnings().get(0).contains("M2"), p.warnings().get(0));
        assertFalse(p.warnings().get(0).contains("Native"), p.warnings().get(0));
        assertTrue(EngineFixtures.startingWith(log, "M").isEmpty(), log.toString());
        assertEquals(0, m1.initCalls() + m2.initCalls());
        assertNull(p.module("M1"));
    }

    @Test
    void withoutManagedModulesThereIsNoWarning() {
        CompiledPipeline p = classic().addLegacyModule("L1", legacy("L1"), ModuleSettings.empty()).build();

        assertEquals(List.of(), p.warnings());
    }

    @Test
    void anErrorInTheNestedPipelineJumpsToTheNestedEndRequestAndTheOuterPipelineContinues() {
        CompiledPipeline p = classic()
                .addLegacyModule("L1", legacy("L1").recordingErrors()
                        .throwing(PipelineStage.AUTHORIZE_REQUEST, new IllegalStateException("boom")), ModuleSettings.empty())
                .addLegacyModule("L2", legacy("L2"), ModuleSettings.empty())
                .build();

        TestExchange x = run(p, app, "GET", "/a.jsp");

        List<String> nested = new ArrayList<>(RecordingModule.entries(LEGACY_STAGES.subList(0,
                LEGACY_STAGES.indexOf(PipelineStage.AUTHORIZE_REQUEST)), "L1", "L2"));
        nested.addAll(List.of("L1:AUTHORIZE_REQUEST", "L1:ERROR:boom", "L1:END_REQUEST", "L2:END_REQUEST"));
        assertEquals(nestedRun(nested), log);
        assertEquals(500, x.status);
        assertEquals("L1", x.failedModule());
        assertTrue(x.bodyText().contains("500.0"), x.bodyText());
    }

    @Test
    void completeRequestInTheNestedPipelineJumpsToTheNestedEndRequestAndTheOuterPipelineContinues() {
        CompiledPipeline p = classic()
                .addLegacyModule("L1", legacy("L1").completing(PipelineStage.POST_AUTHENTICATE_REQUEST),
                        ModuleSettings.empty())
                .addLegacyModule("L2", legacy("L2"), ModuleSettings.empty())
                .build();

        TestExchange x = run(p, app, "GET", "/a.jsp");

        List<String> nested = new ArrayList<>(RecordingModule.entries(List.of(PipelineStage.BEGIN_REQUEST,
                PipelineStage.AUTHENTICATE_REQUEST), "L1", "L2"));
        nested.addAll(List.of("L1:POST_AUTHENTICATE_REQUEST", "L1:completed", "L1:END_REQUEST", "L2:END_REQUEST"));
        assertEquals(nestedRun(nested), log);
        assertEquals(200, x.status);
    }

    @Test
    void aLegacyModuleSubscribedToTheResponseEventsReceivesThemOnce() {
        CompiledPipeline p = classic()
                .addLegacyModule("L", RecordingModule.on("L", log, PipelineStage.PRE_SEND_REQUEST_HEADERS,
                        PipelineStage.PRE_SEND_REQUEST_CONTENT), ModuleSettings.empty())
                .build();

        TestExchange x = run(p, app, "GET", "/a.jsp");

        assertEquals("jsp", x.bodyText());
        assertEquals(List.of("L:PRE_SEND_REQUEST_HEADERS", "L:PRE_SEND_REQUEST_CONTENT"),
                EngineFixtures.startingWith(log, "L:"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"MAP_REQUEST_HANDLER", "LOG_REQUEST", "POST_LOG_REQUEST",
        "EXECUTE_REQUEST_HANDLER"})
    void aLegacyModuleSubscribingToAnIntegratedOnlyStageIsABuildError(PipelineStage stage) {
        PipelineBuilder b = classic()
                .addLegacyModule("Legacy", RecordingModule.on("Legacy", log, PipelineStage.BEGIN_REQUEST, stage),
                        ModuleSettings.empty());

        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class, b::build);

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("'Legacy'") && e.problems().get(0).contains(stage.name()),
                e.problems().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PipelineStage.class, names = {"MAP_REQUEST_HANDLER", "LOG_REQUEST", "POST_LOG_REQUEST"})
    void aNativeModuleMayUseTheIntegratedOnlyStagesInClassicMode(PipelineStage stage) {
        CompiledPipeline p = classic()
                .addNativeModule("Logger", RecordingModule.on("Logger", log, stage), ModuleSettings.empty())
                .build();

        run(p, app, "GET", "/a.txt");

        assertTrue(log.contains("Logger:" + stage), log.toString());
    }
}
