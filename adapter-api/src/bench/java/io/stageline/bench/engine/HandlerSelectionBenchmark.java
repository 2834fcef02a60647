package io.stageline.bench.engine;

import io.stageline.match.AccessPolicy;
import io.stageline.match.HandlerTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link HandlerTable#select} with 10, 100 and 1,000 application mappings of mixed mask kinds ({@link MappingMix}).
 * Budget (docs/performance.md): at least 10 million selections/s with 1,000 mappings, growing sub-linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HandlerSelectionBenchmark {
    private static final int PATHS = 8;

    @Param({"10", "100", "1000"})
    public int mappings;

    private HandlerTable table;
    private String[] paths;

    @Setup
    public void setUp() {
        table = HandlerTable.compile(MappingMix.mappings(mappings), AccessPolicy.DEFAULT);
        paths = MappingMix.paths(mappings);
        if (paths.length != PATHS) {
            throw new IllegalStateException("PATHS must be " + paths.length);
        }
        for (String p : paths) {
            if (table.select(p, "GET", false, true) < 0) {
                throw new IllegalStateException("no mapping selected for " + p);
            }
        }
    }

    /** One selection per path of the mix (hits of every kind and misses to the default StaticFile mapping). */
    @Benchmark
    @OperationsPerInvocation(PATHS)
    public void mixedPaths(Blackhole bh) {
        String[] p = paths;
        for (int i = 0; i < p.length; i++) {
            bh.consume(table.select(p[i], "GET", false, true));
        }
    }

    /** The common static-file case: no application mapping matches, the built-in StaticFile mapping wins. */
    @Benchmark
    public int staticFileMiss() {
        return table.select("/css/site.css", "GET", false, true);
    }
}
