package io.stageline.modules.requestfiltering;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.TestExchange;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STYLE "Hot path": RequestFiltering is always on, so a request that passes it with IIS's default settings (plus a
 * verb list, an extension list and URL sequences) must not allocate. An allocation bound, not a timing test.
 */
class RequestFilteringAllocationTest {
    private static final int ROUNDS = 50_000;

    @Test
    void aRequestThatPassesTheChecksAllocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "the JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        RequestFilteringModule module = new RequestFilteringModule();
        CompiledPipeline p = Filtering.builder(Map.of()).build();
        Map<String, Object> settings = Map.of(
                "verbs", Map.of("list", List.of(Map.of("add", "TRACE", "allowed", false))),
                "fileExtensions", Map.of("list", List.of(Map.of("add", ".exe", "allowed", false))),
                "denyUrlSequences", List.of(Map.of("add", "..")));
        initialise(module, settings);
        TestExchange x = new TestExchange(p, new TestExchange.App(), "GET", "/docs/page.html", "x=1&y=two") {
            @Override
            protected String containerRequestHeader(String name) {
                // the fixture's own lookup walks a map with an iterator; a container's does not
                return "Content-Length".equalsIgnoreCase(name) ? "12" : null;
            }
        };
        x.raw = "/docs/page.html?x=1&y=two";
        long denials = 0;
        for (int i = 0; i < ROUNDS; i++) {
            denials += module.evaluate(x) == null ? 0 : 1;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ROUNDS; i++) {
            denials += module.evaluate(x) == null ? 0 : 1;
        }
        long perRequest = (threads.getCurrentThreadAllocatedBytes() - before) / ROUNDS;
        assertNull(module.evaluate(x));
        assertTrue(denials == 0 && perRequest < 8, perRequest + " bytes per request");
    }

    private static void initialise(PipelineModule module, Map<String, Object> settings) {
        try {
            module.init(new ModuleSetup() {
                public String name() {
                    return RequestFilteringModule.NAME;
                }

                public ModuleSettings settings() {
                    return ModuleSettings.of(settings);
                }

                public int locationCount() {
                    return 1;
                }

                public String locationPath(int location) {
                    return "";
                }

                public ModuleSettings settings(int location) {
                    return settings();
                }

                public io.stageline.api.PipelineMode mode() {
                    return io.stageline.api.PipelineMode.INTEGRATED;
                }

                public void subscribe(io.stageline.api.PipelineStage... stages) {
                    // evaluated directly
                }

                public void onError(io.stageline.api.ErrorCallback callback) {
                    // none
                }

                public void onClose(AutoCloseable callback) {
                    // none
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
