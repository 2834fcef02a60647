package io.stageline.bench.engine;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.MinimalExchange;
import io.stageline.engine.PipelineExecutor;
import io.stageline.engine.ResourceKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through the default module set ({@code Stageline.builder()}, integrated mode): handler selection, the 21
 * stages and the handler, with an allocation-light container side ({@link MinimalExchange}, shared with the hot-path
 * allocation test), so ns/op is the engine's CPU time and {@code -prof gc}'s {@code gc.alloc.rate.norm} is what the
 * engine allocates per request (the exchange included). Budget: at most 1 KB and 2 µs per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PipelineDispatchBenchmark {
    private CompiledPipeline pipeline;
    private PipelineExecutor executor;

    @Setup
    public void setUp() {
        pipeline = Stageline.builder()
                .addHandler(HandlerMapping.builder("Noop").path("/noop").verb("GET").handler(ctx -> { }).build())
                .build();
        executor = new PipelineExecutor(pipeline);
        check(noopHandler(), "noopHandler");
        check(staticFile(), "staticFile");
        check(servlet(), "servlet");
    }

    private static void check(int status, String benchmark) {
        if (status != 200) {
            throw new IllegalStateException(benchmark + " answered " + status + ", not 200");
        }
    }

    @TearDown
    public void tearDown() {
        pipeline.close();
    }

    /** A Java handler that does nothing ({@code type:} mapping, so managed modules would run too). */
    @Benchmark
    public int noopHandler() {
        MinimalExchange x = new MinimalExchange(pipeline, "GET", "/noop", ResourceKind.NONE);
        executor.start(x, false);
        return x.status();
    }

    /** A static file: the built-in StaticFile mapping, MIME check, then the (no-op) default servlet. */
    @Benchmark
    public int staticFile() {
        MinimalExchange x = new MinimalExchange(pipeline, "GET", "/css/site.css", ResourceKind.FILE);
        executor.start(x, false);
        return x.status();
    }

    /** A request the container mapped to an application servlet: the ServletIntegrated mapping, a no-op servlet. */
    @Benchmark
    public int servlet() {
        MinimalExchange x = new MinimalExchange(pipeline, "GET", "/tiny", ResourceKind.NONE);
        executor.start(x, true);
        return x.status();
    }
}
