package io.stageline.cli;

import io.stageline.api.PipelineMode;
import io.stageline.engine.PathCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code stageline} command line: {@code validate}, {@code explain}, {@code migrate} and {@code hash-password}.
 * Plain Java on purpose (four commands and a handful of options do not justify a CLI library in a jar that is
 * dropped into {@code WEB-INF/lib}). {@link #main} exits with the status of {@link #run}: 0 success, 1 an invalid
 * configuration or a failure, 2 a usage error (a one-line message and the usage on standard error).
 */
public final class StagelineCommand {
    static final String USAGE = """
            Usage: stageline COMMAND [options] ARGUMENTS
              validate [--server FILE] [--mode integrated|classic]
                       [--context-path /x] WEBAPP_OR_YAML
                  print every configuration problem; exit 0 when valid, 1 when not
              explain [--server FILE] [--mode integrated|classic]
                      [--context-path /x] [--user NAME] [--roles A,B] [--local]
                      [--format text|json] WEBAPP_OR_YAML VERB PATH
                  show, without running it, which location applies, which
                  handler mapping takes the request and which modules run in
                  each stage, each with the file and line it comes from
              migrate [--server FILE] [--dry-run] WEBAPP_OR_YAML
                  copy legacy.httpModules and legacy.httpHandlers into modules:
                  and handlers:, set validateIntegratedModeConfiguration: false;
                  print the change as a unified diff
              hash-password
                  read one password line from standard input, print its hash
              help
                  print this text
            WEBAPP_OR_YAML: an exploded web application (its WEB-INF/stageline.yaml)
            or a YAML file. --context-path: the application's context path (default
            /, the root context), for the server file's applications: pools and
            its locations with an application: filter. Exit status: 0 success,
            1 invalid configuration or failure, 2 usage error.
            """;

    private StagelineCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs one command; returns the exit status. Nothing is written to {@code System.out} or read from stdin. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return dispatch(args, in, out, err);
        } catch (UsageException e) {
            err.println("stageline: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("stageline: " + describe(e));
            return 1;
        } catch (UncheckedIOException e) {
            err.println("stageline: " + describe(e.getCause()));
            return 1;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static int dispatch(String[] args, InputStream in, PrintStream out, PrintStream err)
            throws UsageException, IOException {
        if (args.length == 0) {
            throw new UsageException("missing command");
        }
        switch (args[0]) {
            case "validate":
                return ValidateCommand.run(Args.parse(args, 1, ValidateCommand.OPTIONS, Set.of()), out);
            case "explain":
                return ExplainCommand.run(Args.parse(args, 1, ExplainCommand.OPTIONS, ExplainCommand.FLAGS), out, err);
            case "migrate":
                return MigrateCommand.run(Args.parse(args, 1, MigrateCommand.OPTIONS, MigrateCommand.FLAGS), out, err);
            case "hash-password":
                Args.parse(args, 1, Set.of(), Set.of()).positional("hash-password");
                return HashPasswordCommand.run(in, out, err);
            case "help":
            case "--help":
            case "-h":
                out.print(USAGE);
                return 0;
            default:
                throw new UsageException("unknown command '" + args[0] + "'");
        }
    }

    /** {@code --mode}: null when not given. */
    static PipelineMode mode(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        for (PipelineMode m : PipelineMode.values()) {
            if (m.name().equalsIgnoreCase(value)) {
                return m;
            }
        }
        throw new UsageException("--mode must be integrated or classic, not '" + value + "'");
    }

    /**
     * {@code --context-path} as {@link io.stageline.config.ConfigLoader} takes it: {@code ""} for the root context
     * (the default, also written {@code /}), else a canonical path such as {@code /shop} without a trailing {@code /}.
     */
    static String contextPath(String value) throws UsageException {
        if (value == null || value.isEmpty() || value.equals("/")) {
            return "";
        }
        if (!value.startsWith("/") || value.endsWith("/") || PathCanonicalizer.canonicalize(value) == null) {
            throw new UsageException("--context-path must be / or a context path such as /shop, not '" + value + "'");
        }
        return value;
    }

    /** A file option's value as a path: null when not given. */
    static Path path(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("not a usable path: '" + value + "'");
        }
    }
}
