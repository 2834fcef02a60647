package io.stageline.cli;

import io.stageline.api.PipelineMode;
import io.stageline.config.CompiledConfiguration;
import io.stageline.config.ConfigLoader;
import io.stageline.config.ConfigurationException;
import io.stageline.config.LoadedConfiguration;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code stageline validate [--server FILE] [--mode integrated|classic] [--context-path /x] WEBAPP_OR_YAML}: loads
 * and compiles the configuration exactly as the filter does at startup (defaults, server file, application file;
 * {@code type:} classes from the web application; the server's {@code applications:} pool and its location
 * {@code application:} filters for the context path, {@code /} by default) and prints every problem in the
 * {@link ProblemFormat} format, then one summary line:
 * <pre>{@code
 * web/WEB-INF/stageline.yaml: valid in integrated mode (0 errors, 1 warning)
 * web/WEB-INF/stageline.yaml: invalid (2 errors, 0 warnings)
 * }</pre>
 * Exit 0 when valid (warnings allowed), 1 when not.
 */
final class ValidateCommand {
    static final Set<String> OPTIONS = Set.of("--server", "--mode", "--context-path");

    private ValidateCommand() {
    }

    static int run(Args args, PrintStream out) throws UsageException, IOException {
        Target target = Target.of(StagelineCommand.path(args.positional("validate", "WEBAPP_OR_YAML").get(0)));
        PipelineMode mode = StagelineCommand.mode(args.value("--mode"));
        Path server = StagelineCommand.path(args.value("--server"));
        String contextPath = StagelineCommand.contextPath(args.value("--context-path"));
        ConfigLoader loader = new ConfigLoader();
        String label = target.yaml().toString();
        try (URLClassLoader classes = target.classLoader()) {
            LoadedConfiguration loaded = loader.load(server, target.yaml(), classes, contextPath);
            CompiledConfiguration compiled = loader.compile(loaded, mode);
            compiled.pipeline().close();
            PipelineMode effective = mode != null ? mode : loaded.effective().pipelineMode();
            ProblemFormat.print(compiled.warnings(), out);
            out.println(label + ": valid in " + effective.name().toLowerCase(Locale.ROOT) + " mode ("
                    + ProblemFormat.counts(compiled.warnings()) + ")");
            return 0;
        } catch (ConfigurationException e) {
            ProblemFormat.print(e.problems(), out);
            out.println(label + ": invalid (" + ProblemFormat.counts(e.problems()) + ")");
            return 1;
        }
    }
}
