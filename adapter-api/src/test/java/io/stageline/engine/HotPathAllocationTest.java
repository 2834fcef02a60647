package io.stageline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * STYLE "Hot path": one context object per request, precomputed arrays, no hidden allocation. This is an allocation
 * bound measured with the thread's allocation counter, not a timing assertion.
 */
class HotPathAllocationTest {
    private static final int MODULES = 10;
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    /** Generous: the exchange object itself is about 150-200 bytes. */
    private static final long BYTES_PER_REQUEST = 512;

    /** Subscribes to every stage and does nothing but count. */
    private static final class NoopModule implements PipelineModule {
        long calls;

        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(RecordingModule.SUBSCRIBABLE.toArray(new PipelineStage[0]));
        }

        @Override
        public void handle(RequestContext ctx) {
            calls++;
        }
    }

    private static final class NoopHandlerCount {
        long calls;
    }

    private static long runRequests(PipelineExecutor executor, CompiledPipeline p, int n) {
        long statuses = 0;
        for (int i = 0; i < n; i++) {
            MinimalExchange x = new MinimalExchange(p, "GET", "/hello.page");
            executor.start(x, false);
            statuses += x.status();
        }
        return statuses;
    }

    @Test
    void aRequestThroughTenModulesAndATypeHandlerAllocatesLittleMoreThanItsExchange() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "the JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        NoopModule[] modules = new NoopModule[MODULES];
        NoopHandlerCount handled = new NoopHandlerCount();
        PipelineBuilder b = new PipelineBuilder();
        for (int i = 0; i < MODULES; i++) {
            modules[i] = new NoopModule();
            b.addModule("Noop" + i, modules[i], ModuleSettings.empty());
        }
        CompiledPipeline p = b.addHandler(EngineFixtures.typeMapping("Hello", "*.page", ctx -> handled.calls++)).build();
        PipelineExecutor executor = new PipelineExecutor(p);

        long warmStatuses = runRequests(executor, p, WARM_UP);
        long before = threads.getCurrentThreadAllocatedBytes();
        long statuses = runRequests(executor, p, MEASURED);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(200L * WARM_UP, warmStatuses);
        assertEquals(200L * MEASURED, statuses);
        assertEquals(WARM_UP + MEASURED, handled.calls, "every request reached the handler");
        for (NoopModule m : modules) {
            assertEquals((long) (WARM_UP + MEASURED) * RecordingModule.SUBSCRIBABLE.size(), m.calls);
        }
        long perRequest = allocated / MEASURED;
        assertTrue(perRequest < BYTES_PER_REQUEST, perRequest + " bytes allocated per request (bound "
                + BYTES_PER_REQUEST + ")");
    }
}
