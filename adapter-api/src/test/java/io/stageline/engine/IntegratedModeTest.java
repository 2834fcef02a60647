package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.delegationMapping;
import static io.stageline.engine.EngineFixtures.recordingHandler;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §5, integrated mode: the {@code managedHandler} precondition and runAllManagedModulesForAllRequests. */
class IntegratedModeTest {
    private static final PipelineStage[] STAGES = {PipelineStage.BEGIN_REQUEST, PipelineStage.END_REQUEST};

    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App()
            .servlet("Jsp", ".jsp", x -> x.write("jsp"))
            .servlet("Legacy", ".do", x -> x.write("do"))
            .file("/a.txt");

    private CompiledPipeline pipeline(boolean runAll) {
        PipelineBuilder b = new PipelineBuilder()
                .runAllManagedModulesForAllRequests(runAll)
                .addNativeModule("Native", RecordingModule.on("Native", log, STAGES), ModuleSettings.empty())
                .addModule("OnlyManaged", RecordingModule.on("OnlyManaged", log, STAGES), ModuleSettings.empty(),
                        "managedHandler")
                .addModule("Everywhere", RecordingModule.on("Everywhere", log, STAGES), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*.page", recordingHandler(new ArrayList<>(), "page", "page")))
                .addHandler(HandlerMapping.builder("Jsp").path("*.jsp").verb("*").servlet("*").build())
                .addHandler(delegationMapping("Delegated", "*.do"));
        return EngineFixtures.withServletDelegation(EngineFixtures.withStaticFile(b)).build();
    }

    @ParameterizedTest(name = "{0} (mapping {1}) -> managed modules run: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /a.page | Page       | true
            /a.jsp  | Jsp        | true
            /a.txt  | StaticFile | false
            /a.do   | Delegated  | false
            """)
    void aManagedHandlerModuleRunsOnlyForRequestsWhoseMappingIsManaged(String path, String mapping, boolean managed) {
        TestExchange x = run(pipeline(false), app, "GET", path);

        assertEquals(mapping, x.handlerMapping().name());
        assertEquals(managed, x.isManagedHandlerRequest());
        List<String> expected = new ArrayList<>();
        for (PipelineStage s : STAGES) {
            expected.add("Native:" + s);
            if (managed) {
                expected.add("OnlyManaged:" + s);
            }
            expected.add("Everywhere:" + s);
        }
        assertEquals(expected, log);
        assertEquals(200, x.status, x.bodyText());
    }

    @Test
    void aRequestWithoutAMappingIsNotManaged() {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("OnlyManaged", RecordingModule.on("OnlyManaged", log, STAGES), ModuleSettings.empty(),
                        "managedHandler")
                .addNativeModule("Native", RecordingModule.on("Native", log, STAGES), ModuleSettings.empty())
                .build();

        TestExchange x = run(p, app, "GET", "/a.page");

        assertEquals(404, x.status);
        assertEquals(List.of("Native:BEGIN_REQUEST", "Native:END_REQUEST"), log);
    }

    @Test
    void bothModuleArraysAreVisibleThroughTheCompiledPipeline() {
        CompiledPipeline p = pipeline(false);

        for (PipelineStage s : STAGES) {
            assertEquals(List.of("Native", "OnlyManaged", "Everywhere"), p.modulesFor(s, true));
            assertEquals(List.of("Native", "Everywhere"), p.modulesFor(s, false));
        }
        assertEquals(List.of(), p.modulesFor(PipelineStage.AUTHORIZE_REQUEST, true));
        assertTrue(p.module("OnlyManaged").managedHandlerOnly());
        assertTrue(p.module("OnlyManaged").managed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/a.page", "/a.jsp", "/a.txt", "/a.do"})
    void runAllManagedModulesForAllRequestsRunsManagedHandlerModulesForEveryRequest(String path) {
        CompiledPipeline p = pipeline(true);

        run(p, app, "GET", path);

        assertEquals(RecordingModule.entries(List.of(STAGES), "Native", "OnlyManaged", "Everywhere"), log);
        assertEquals(List.of("Native", "OnlyManaged", "Everywhere"), p.modulesFor(PipelineStage.BEGIN_REQUEST, false));
    }

    @Test
    void errorCallbacksOfManagedHandlerModulesAreRaisedOnlyForManagedRequests() {
        CompiledPipeline p = EngineFixtures.withStaticFile(new PipelineBuilder()
                .addModule("OnlyManaged", RecordingModule.on("OnlyManaged", log).recordingErrors(), ModuleSettings.empty(),
                        "managedHandler")
                .addNativeModule("Thrower", RecordingModule.on("Thrower", log)
                        .throwing(PipelineStage.BEGIN_REQUEST, new RuntimeException("boom")), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*.page", ctx -> { })))
                .build();

        run(p, app, "GET", "/a.txt");
        run(p, app, "GET", "/a.page");

        assertEquals(List.of("Thrower:BEGIN_REQUEST", "Thrower:BEGIN_REQUEST", "OnlyManaged:ERROR:boom"), log);
    }
}
