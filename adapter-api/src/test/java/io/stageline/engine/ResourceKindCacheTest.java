package io.stageline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ResourceKindCacheTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> asked = new ArrayList<>();
    private ResourceKind answer = ResourceKind.FILE;
    private final Function<String, ResourceKind> container = p -> {
        asked.add(p);
        return answer;
    };

    private ResourceKindCache cache(Duration ttl) {
        return ResourceKindCache.of(ttl, nanos::get);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void withinTheTtlTheContainerIsAskedOncePerPath() {
        ResourceKindCache c = cache(Duration.ofSeconds(2));
        assertEquals(ResourceKind.FILE, c.kind("/a.html", container));
        answer = ResourceKind.NONE;
        advance(Duration.ofMillis(1999));
        assertEquals(ResourceKind.FILE, c.kind("/a.html", container));
        assertEquals(ResourceKind.NONE, c.kind("/b.html", container));
        assertEquals(List.of("/a.html", "/b.html"), asked);
    }

    @Test
    void afterTheTtlTheContainerIsAskedAgainAndItsNewAnswerWins() {
        ResourceKindCache c = cache(Duration.ofSeconds(2));
        c.kind("/a.html", container);
        answer = ResourceKind.DIRECTORY;
        advance(Duration.ofMillis(2001));
        assertEquals(ResourceKind.DIRECTORY, c.kind("/a.html", container));
        assertEquals(List.of("/a.html", "/a.html"), asked);
    }

    @Test
    void missingPathsAreRememberedToo() {
        answer = ResourceKind.NONE;
        ResourceKindCache c = cache(Duration.ofSeconds(2));
        c.kind("/missing", container);
        answer = ResourceKind.FILE;
        assertEquals(ResourceKind.NONE, c.kind("/missing", container));
        assertEquals(1, asked.size());
    }

    @Test
    void aZeroTtlAsksTheContainerEveryTime() {
        ResourceKindCache c = cache(Duration.ZERO);
        c.kind("/a.html", container);
        c.kind("/a.html", container);
        assertEquals(2, asked.size());
        assertEquals(Duration.ZERO, c.ttl());
        assertEquals(0, c.size());
    }

    @Test
    void invalidateAllForgetsEveryAnswer() {
        ResourceKindCache c = cache(Duration.ofMinutes(1));
        c.kind("/a.html", container);
        c.invalidateAll();
        c.kind("/a.html", container);
        assertEquals(2, asked.size());
    }

    @Test
    void theCacheStaysBoundedWhateverTheClientsAskFor() {
        ResourceKindCache c = cache(Duration.ofMinutes(1));
        for (int i = 0; i < ResourceKindCache.MAX_ENTRIES * 3; i++) {
            c.kind("/probe" + i, container);
        }
        c.cleanUp();
        assertTrue(c.size() <= ResourceKindCache.MAX_ENTRIES, "size " + c.size());
        assertTrue(c.size() > 0);
    }

    @Test
    void aHitAllocatesNothingWorthCounting() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(),
                "the JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        ResourceKindCache c = ResourceKindCache.of(Duration.ofMinutes(1));
        String[] paths = {"/a.html", "/b/c.css", "/d.js", "/missing"};
        int hits = 0;
        for (int round = 0; round < 20_000; round++) {
            hits += c.kind(paths[round % paths.length], this, ResourceKindCacheTest::lookup) == ResourceKind.FILE ? 1 : 0;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 100_000; round++) {
            hits += c.kind(paths[round % paths.length], this, ResourceKindCacheTest::lookup) == ResourceKind.FILE ? 1 : 0;
        }
        long perLookup = (threads.getCurrentThreadAllocatedBytes() - before) / 100_000;
        assertEquals(120_000, hits, "every lookup answered FILE");
        assertEquals(List.of("/a.html", "/b/c.css", "/d.js", "/missing"), asked, "the container was asked once per path");
        assertTrue(perLookup < 8, perLookup + " bytes allocated per cache hit");
    }

    private static ResourceKind lookup(ResourceKindCacheTest t, String path) {
        return t.container.apply(path);
    }

    @Test
    void closingThePipelineEmptiesItsCache() {
        CompiledPipeline p = new PipelineBuilder().build();
        p.resourceKinds().kind("/a.html", container);
        p.close();
        p.resourceKinds().kind("/a.html", container);
        assertEquals(2, asked.size());
        assertEquals(ResourceKindCache.DEFAULT_TTL, p.resourceKinds().ttl());
    }
}
