package io.stageline.cli;

import io.stageline.api.PipelineMode;
import io.stageline.config.CompiledConfiguration;
import io.stageline.config.ConfigLoader;
import io.stageline.config.ConfigurationException;
import io.stageline.config.LoadedConfiguration;
import io.stageline.config.Position;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PathCanonicalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code stageline explain [--server FILE] [--mode M] [--context-path /x] [--user NAME [--roles A,B]] [--local]
 * [--format text|json] WEBAPP_OR_YAML VERB PATH}: loads and compiles the configuration as {@code validate} does (for
 * the context path, {@code /} by default), then explains the request
 * without running it (see {@link Explainer}; formats in {@link TextRenderer} and {@link JsonRenderer}). The request is
 * taken as coming from a remote client unless {@code --local} is given (accessPolicy's {@code NoRemoteX} flags).
 * Configuration warnings go to standard error; an invalid configuration prints its problems there and exits 1.
 */
final class ExplainCommand {
    static final Set<String> OPTIONS = Set.of("--server", "--mode", "--context-path", "--user", "--roles",
            "--format");
    static final Set<String> FLAGS = Set.of("--local");

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private ExplainCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) throws UsageException, IOException {
        List<String> positional = args.positional("explain", "WEBAPP_OR_YAML", "VERB", "PATH");
        Target target = Target.of(StagelineCommand.path(positional.get(0)));
        String contextPath = StagelineCommand.contextPath(args.value("--context-path"));
        Request request = new Request(verb(positional.get(1)), path(positional.get(2)), args.flag("--local"),
                contextPath.isEmpty() ? "/" : contextPath);
        PipelineMode mode = StagelineCommand.mode(args.value("--mode"));
        boolean json = json(args.value("--format"));
        Explanation.User user = user(args.value("--user"), args.value("--roles"));
        Path server = StagelineCommand.path(args.value("--server"));
        ServletMappings servlets = target.webapp() == null ? ServletMappings.none()
                : ServletMappings.ofWebapp(target.webapp(), err);
        ConfigLoader loader = new ConfigLoader();
        try (URLClassLoader classes = target.classLoader()) {
            LoadedConfiguration loaded;
            CompiledConfiguration compiled;
            try {
                loaded = loader.load(server, target.yaml(), classes, contextPath);
                compiled = loader.compile(loaded, mode);
            } catch (ConfigurationException e) {
                ProblemFormat.print(e.problems(), err);
                err.println("stageline: " + target.yaml() + " is invalid (" + ProblemFormat.counts(e.problems())
                        + "); nothing to explain");
                return 1;
            }
            ProblemFormat.print(compiled.warnings(), err);
            try (CompiledPipeline pipeline = compiled.pipeline()) {
                Provenance provenance = new Provenance(loaded, server == null ? null : server.toString(),
                        contextPath);
                Provenance.Op modeOrigin = mode == null ? null : new Provenance.Op("--mode", "command line",
                        Position.NONE);
                Explanation x = new Explainer(loaded.effective(), pipeline, provenance, modeOrigin, servlets,
                        target.webapp()).explain(request, user);
                if (json) {
                    out.println(JsonRenderer.render(x));
                } else {
                    TextRenderer.render(x, out);
                }
            }
            return 0;
        }
    }

    private static String verb(String verb) throws UsageException {
        if (!TOKEN.matcher(verb).matches()) {
            throw new UsageException("VERB must be an HTTP method such as GET, not '" + verb + "'");
        }
        return verb;
    }

    /** The canonical path the filter would see; a query string is dropped, a path the filter rejects is refused. */
    private static String path(String raw) throws UsageException {
        int q = raw.indexOf('?');
        String path = q >= 0 ? raw.substring(0, q) : raw;
        if (!path.startsWith("/")) {
            throw new UsageException("PATH must start with '/', not '" + raw + "'");
        }
        if (PathCanonicalizer.canonicalize(path) == null) {
            throw new UsageException("PATH '" + raw + "' is not canonical (an empty, '.' or '..' segment, '\\', ';' or a "
                    + "control character): the filter answers it with 400");
        }
        return path;
    }

    private static boolean json(String format) throws UsageException {
        if (format == null || format.equals("text")) {
            return false;
        }
        if (format.equals("json")) {
            return true;
        }
        throw new UsageException("--format must be text or json, not '" + format + "'");
    }

    private static Explanation.User user(String name, String roles) throws UsageException {
        if (name == null) {
            if (roles != null) {
                throw new UsageException("--roles needs --user");
            }
            return new Explanation.User(null, List.of());
        }
        if (name.isBlank()) {
            throw new UsageException("--user needs a name");
        }
        List<String> list = new ArrayList<>();
        if (roles != null) {
            for (String r : roles.split(",", -1)) {
                if (!r.isBlank()) {
                    list.add(r.trim());
                }
            }
        }
        return new Explanation.User(name, List.copyOf(list));
    }
}
