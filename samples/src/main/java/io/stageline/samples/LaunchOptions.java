package io.stageline.samples;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The launcher's command line, checked completely before anything starts: every mistake is a {@link UsageException}
 * with a one-line message.
 *
 * @param container    the container to run
 * @param webapp       the exploded web application (absolute, has a {@code WEB-INF} folder), or null for a bundled
 *                     sample
 * @param sample       the bundled sample named by {@code --sample}, or null (with no {@code --webapp} either: the
 *                     default sample)
 * @param contextPath  "" for the root context, else "/name[/name...]"
 * @param port         0..65535, 0 for any free port
 * @param serverConfig the server-level YAML file (readable), or null
 * @param mode         "integrated" or "classic", or "" when the configuration decides
 * @param help         --help was given: print the usage and do nothing else
 */
record LaunchOptions(Container container, Path webapp, Sample sample, String contextPath, int port, Path serverConfig,
                     String mode, boolean help) {

    static final String USAGE = """
            Usage: java -jar stageline-samples.jar [options]
              --container jetty|tomcat   the embedded container (default jetty)
              --webapp DIR               an exploded web application (default: the bundled sample)
              --sample NAME              one of the bundled sample applications below instead
              --context-path /x          the context path (default /)
              --port N                   the port on 127.0.0.1; 0 = any free port (default 8080)
              --server-config FILE       the server-level Stageline YAML
              --mode integrated|classic  overrides the pipeline mode of the configuration
              --help                     this text
            Samples (the README's Walkthrough; exploded in samples/target/samples/NAME after mvn package):
            """ + Sample.helpLines();

    static final int DEFAULT_PORT = 8080;
    static final List<String> MODES = List.of("integrated", "classic");

    private static final List<String> OPTIONS = List.of("--container", "--webapp", "--sample", "--context-path", "--port",
            "--server-config", "--mode");
    private static final Pattern CONTEXT_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /** Parses and checks {@code args}; the file-system checks (web application, server configuration) included. */
    static LaunchOptions parse(String... args) throws UsageException {
        Map<String, String> given = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!OPTIONS.contains(name)) {
                throw new UsageException((arg.startsWith("-") ? "unknown option " : "unexpected argument ") + quote(arg)
                        + " (see --help)");
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option " + name + " needs a value (see --help)");
            }
            if (given.put(name, value) != null) {
                throw new UsageException("option " + name + " is given twice");
            }
        }
        if (given.containsKey("--webapp") && given.containsKey("--sample")) {
            throw new UsageException("options --webapp and --sample exclude each other");
        }
        return new LaunchOptions(container(given.getOrDefault("--container", "jetty")), webapp(given.get("--webapp")),
                sample(given.get("--sample")), contextPath(given.getOrDefault("--context-path", "/")), port(given.get("--port")),
                serverConfig(given.get("--server-config")), mode(given.get("--mode")), help);
    }

    /**
     * The settings handed to the container starter (the keys are read by
     * {@code io.stageline.samples.starter.StarterSettings}, on the other side of the class-loader boundary).
     */
    Map<String, String> starterSettings(Path webappDir, Path workDir) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("webapp", webappDir.toString(), "contextPath",
                contextPath, "port", Integer.toString(port), "mode", mode, "workDir", workDir.toString(),
                "serverConfig", serverConfig == null ? "" : serverConfig.toString()));
        return settings;
    }

    private static Container container(String value) throws UsageException {
        Container c = Container.byId(value);
        if (c == null) {
            throw new UsageException("unknown container " + quote(value) + ": expected jetty or tomcat");
        }
        return c;
    }

    private static Path webapp(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        Path dir = path(value, "--webapp");
        if (!Files.isDirectory(dir)) {
            throw new UsageException("web application directory " + quote(value) + " does not exist");
        }
        if (!Files.isDirectory(dir.resolve("WEB-INF"))) {
            throw new UsageException(quote(value) + " is not a web application: it has no WEB-INF folder");
        }
        return dir;
    }

    private static Sample sample(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        Sample s = Sample.byId(value);
        if (s == null) {
            throw new UsageException("unknown sample " + quote(value) + ": expected one of " + Sample.names());
        }
        return s;
    }

    private static String contextPath(String value) throws UsageException {
        if (value.equals("/")) {
            return "";
        }
        if (!CONTEXT_PATH.matcher(value).matches() || value.contains("/./") || value.endsWith("/.")
                || value.contains("/../") || value.endsWith("/..")) {
            throw new UsageException("bad context path " + quote(value) + ": expected / or /name[/name...]");
        }
        return value;
    }

    private static int port(String value) throws UsageException {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad port " + quote(value) + ": expected 0..65535 (0 = any free port)");
    }

    private static Path serverConfig(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        Path file = path(value, "--server-config");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("server configuration " + quote(value) + " is not a readable file");
        }
        return file;
    }

    private static String mode(String value) throws UsageException {
        if (value == null) {
            return "";
        }
        if (!MODES.contains(value)) {
            throw new UsageException("unknown mode " + quote(value) + ": expected integrated or classic");
        }
        return value;
    }

    private static Path path(String value, String option) throws UsageException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("bad path for " + option + " " + quote(value));
        }
    }

    /** The value in quotes, control characters escaped: an error stays one line whatever was typed. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                b.append("\\u").append(String.format("%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
