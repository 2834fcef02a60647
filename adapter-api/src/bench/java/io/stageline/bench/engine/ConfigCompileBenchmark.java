package io.stageline.bench.engine;

import io.stageline.config.CompiledConfiguration;
import io.stageline.config.ConfigLoader;
import io.stageline.config.ConfigSource;
import io.stageline.config.LoadedConfiguration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up and reload cost of a large configuration ({@link LargeConfig}: {@code handlers} mappings, 200 MIME entries,
 * 50 locations with 3 mappings each): the whole YAML path (parse, validate, merge, compile) and the compile step
 * alone (tables, module initialisation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConfigCompileBenchmark {
    @Param({"1000"})
    public int handlers;

    private ConfigLoader loader;
    private ConfigSource source;
    private LoadedConfiguration loaded;

    @Setup
    public void setUp() {
        loader = new ConfigLoader(name -> null);
        source = new ConfigSource("bench.yaml", LargeConfig.yaml(handlers, 200, 50), null);
        loaded = loader.load(null, source, ConfigCompileBenchmark.class.getClassLoader());
        CompiledConfiguration c = compile(loaded);
        c.pipeline().close();
        if (!c.warnings().isEmpty()) {
            throw new IllegalStateException("the benchmark configuration has warnings: " + c.warnings());
        }
    }

    private CompiledConfiguration compile(LoadedConfiguration config) {
        return loader.compile(config, null);
    }

    /** Parse, validate, merge and compile, as a deployment or a reload does. */
    @Benchmark
    public CompiledConfiguration loadAndCompile() {
        CompiledConfiguration c = compile(loader.load(null, source, ConfigCompileBenchmark.class.getClassLoader()));
        c.pipeline().close();
        return c;
    }

    /** The compile step alone, from an already merged configuration. */
    @Benchmark
    public CompiledConfiguration compileOnly() {
        CompiledConfiguration c = compile(loaded);
        c.pipeline().close();
        return c;
    }
}
