package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ItemKey;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §3: typed per-request items; a module keeps no per-request state in fields. */
class RequestItemsTest {
    private static final ItemKey<String> PATH = ItemKey.of("test.path", String.class);
    private static final ItemKey<Integer> COUNT = ItemKey.of("test.count", Integer.class);

    private final List<String> calls = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App()
            .servlet("Async", ".async", x -> x.asyncStarted = true);

    private CompiledPipeline pipeline() {
        RecordingModule m = RecordingModule.on("M", calls)
                .doing(PipelineStage.BEGIN_REQUEST, ctx -> {
                    log.add("seen-before-set:" + ctx.item(PATH));
                    ctx.setItem(PATH, ctx.path());
                    ctx.setItem(COUNT, 1);
                })
                .doing(PipelineStage.AUTHORIZE_REQUEST, ctx -> ctx.setItem(COUNT, ctx.item(COUNT) + 1))
                .doing(PipelineStage.END_REQUEST, ctx -> log.add("end:" + ctx.item(PATH) + ":" + ctx.item(COUNT)));
        return new PipelineBuilder()
                .addModule("M", m, ModuleSettings.empty())
                .addHandler(HandlerMapping.builder("Async").path("*.async").verb("*").servlet("*").build())
                .addHandler(typeMapping("Page", "*", ctx -> log.add("handler:" + ctx.item(PATH))))
                .build();
    }

    @Test
    void itemsSetInOneStageAreReadInLaterStagesOfTheSameRequest() {
        TestExchange x = new TestExchange(pipeline(), app, "GET", "/one");

        assertTrue(x.run());

        assertTrue(log.contains("handler:/one"), log.toString());
        assertTrue(log.contains("end:/one:2"), log.toString());
        assertEquals("/one", x.item(PATH));
        assertEquals(2, x.item(COUNT));
    }

    @Test
    void itemsAreIsolatedBetweenTwoInterleavedRequests() {
        CompiledPipeline p = pipeline();
        TestExchange first = new TestExchange(p, app, "GET", "/first.async");
        TestExchange second = new TestExchange(p, app, "GET", "/second");

        assertFalse(first.run());
        assertTrue(second.run());
        first.asyncStarted = false;
        assertTrue(new PipelineExecutor(p).resume(first));

        assertEquals(List.of("seen-before-set:null", "seen-before-set:null", "handler:/second", "end:/second:2",
                "end:/first.async:2"), log);
        assertEquals("/first.async", first.item(PATH));
        assertEquals("/second", second.item(PATH));
    }

    @Test
    void anUnsetItemIsNullAndNullCanBeStored() {
        TestExchange x = new TestExchange(pipeline(), app, "GET", "/x");
        ItemKey<Long> unused = ItemKey.of("test.unused", Long.class);

        assertNull(x.item(unused));
        x.setItem(PATH, "value");
        x.setItem(PATH, null);
        assertNull(x.item(PATH));
    }
}
