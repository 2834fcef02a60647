package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration errors are collected, every one of them, before the build fails (SPEC §2, reference §2.3). */
class PipelineBuildProblemsTest {
    private final List<String> log = new ArrayList<>();

    private static PipelineConfigurationException buildFails(PipelineBuilder b) {
        return assertThrows(PipelineConfigurationException.class, b::build);
    }

    private static void assertSomeProblemMentions(List<String> problems, String... parts) {
        for (String problem : problems) {
            boolean all = true;
            for (String part : parts) {
                all &= problem.contains(part);
            }
            if (all) {
                return;
            }
        }
        throw new AssertionError("no problem mentions all of " + List.of(parts) + " in " + problems);
    }

    @Test
    void subscribingToExecuteRequestHandlerIsABuildErrorNamingTheModule() {
        PipelineBuilder b = new PipelineBuilder()
                .addModule("Greedy", RecordingModule.on("Greedy", log, PipelineStage.EXECUTE_REQUEST_HANDLER),
                        ModuleSettings.empty());

        PipelineConfigurationException e = buildFails(b);

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertSomeProblemMentions(e.problems(), "'Greedy'", "EXECUTE_REQUEST_HANDLER");
        assertTrue(e.getMessage().contains("Greedy"), e.getMessage());
    }

    @Test
    void addingAModuleNameTwiceIsABuildError() {
        PipelineBuilder b = new PipelineBuilder()
                .addNativeModule("Twice", RecordingModule.on("Twice", log), ModuleSettings.empty())
                .addModule("Twice", RecordingModule.on("Twice", log), ModuleSettings.empty());

        PipelineConfigurationException e = buildFails(b);

        assertEquals(1, e.problems().size(), e.problems().toString());
        assertSomeProblemMentions(e.problems(), "duplicate", "'Twice'");
    }

    @Test
    void removingAnUnknownModuleNameIsANoOp() {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("A", RecordingModule.on("A", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty())
                .removeModule("WebDAVModule")
                .addModule("B", RecordingModule.on("B", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty())
                .build();

        assertEquals(List.of("A", "B"), p.modulesFor(PipelineStage.BEGIN_REQUEST, false));
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        PipelineBuilder b = new PipelineBuilder()
                .addModule("Bad1", RecordingModule.on("Bad1", log, PipelineStage.EXECUTE_REQUEST_HANDLER),
                        ModuleSettings.empty())
                .addNativeModule("Fine", RecordingModule.on("Fine", log, PipelineStage.BEGIN_REQUEST),
                        ModuleSettings.empty())
                .addModule("Bad2", RecordingModule.on("Bad2", log, PipelineStage.BEGIN_REQUEST,
                        PipelineStage.EXECUTE_REQUEST_HANDLER), ModuleSettings.empty());

        PipelineConfigurationException e = buildFails(b);

        assertEquals(2, e.problems().size(), e.problems().toString());
        assertSomeProblemMentions(e.problems(), "'Bad1'");
        assertSomeProblemMentions(e.problems(), "'Bad2'");
    }

    @Test
    void problemsOfDifferentKindsAreCollectedTogether() {
        PipelineBuilder b = new PipelineBuilder()
                .addModule("Dup", RecordingModule.on("Dup", log), ModuleSettings.empty())
                .addModule("Dup", RecordingModule.on("Dup", log), ModuleSettings.empty())
                .addModule("Greedy", RecordingModule.on("Greedy", log, PipelineStage.EXECUTE_REQUEST_HANDLER),
                        ModuleSettings.empty())
                .addModule("Broken", new FailingInitModule(), ModuleSettings.empty())
                .addHandler(typeMapping("H", "*", ctx -> { }))
                .addHandler(typeMapping("H", "*.x", ctx -> { }));

        PipelineConfigurationException e = buildFails(b);

        assertEquals(4, e.problems().size(), e.problems().toString());
        assertSomeProblemMentions(e.problems(), "duplicate module", "'Dup'");
        assertSomeProblemMentions(e.problems(), "'Greedy'", "EXECUTE_REQUEST_HANDLER");
        assertSomeProblemMentions(e.problems(), "'Broken'", "no database");
        assertSomeProblemMentions(e.problems(), "duplicate handler", "'H'");
    }

    @Test
    void aModuleWithAnUnknownPreconditionTokenIsABuildErrorNotSilentlyDropped() {
        PipelineBuilder b = new PipelineBuilder()
                .addModule("Typo", RecordingModule.on("Typo", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty(),
                        "managedHandlr")
                .addModule("Greedy", RecordingModule.on("Greedy", log, PipelineStage.EXECUTE_REQUEST_HANDLER),
                        ModuleSettings.empty());

        PipelineConfigurationException e = buildFails(b);

        assertEquals(2, e.problems().size(), e.problems().toString());
        assertSomeProblemMentions(e.problems(), "'Typo'", "managedHandlr");
        assertSomeProblemMentions(e.problems(), "'Greedy'");
    }

    @Test
    void aModuleWithOnlyAnUnknownPreconditionTokenFailsTheBuild() {
        PipelineBuilder b = new PipelineBuilder()
                .addModule("Typo", RecordingModule.on("Typo", log, PipelineStage.BEGIN_REQUEST), ModuleSettings.empty(),
                        "managedHandlr");

        PipelineConfigurationException e = buildFails(b);

        assertSomeProblemMentions(e.problems(), "'Typo'", "unknown precondition");
    }

    /** A module whose init fails, as when its settings point at something missing. */
    private static final class FailingInitModule implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            throw new IllegalStateException("no database");
        }

        @Override
        public void handle(RequestContext ctx) {
            // never called
        }
    }
}
