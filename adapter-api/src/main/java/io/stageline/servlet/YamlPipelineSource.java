package io.stageline.servlet;

import io.stageline.api.PipelineMode;
import io.stageline.config.CompiledConfiguration;
import io.stageline.config.ConfigLoader;
import io.stageline.config.ConfigProblem;
import io.stageline.config.ConfigSource;
import io.stageline.config.ConfigurationException;
import io.stageline.config.Position;
import io.stageline.config.ProblemCode;
import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The YAML configuration of one web application (SPEC §6): the built-in defaults, the server-level file and the
 * application's {@code /WEB-INF/stageline.yaml}, loaded with the application's class loader and compiled when the
 * filter starts.
 *
 * <p>The server-level file is the one named by the system property {@value #SERVER_CONFIG_PROPERTY} (it must exist),
 * else the adapter's conventional file given to the constructor ({@code $CATALINA_BASE/conf/stageline.yaml},
 * {@code $JETTY_BASE/etc/stageline.yaml}; skipped when it does not exist), else none. The application file is read
 * through {@link ServletContext#getResourceAsStream} and named {@code WEB-INF/stageline.yaml} (prefixed with the
 * context path without its leading slash, e.g. {@code shop/WEB-INF/stageline.yaml}) in problems.
 *
 * <p>Warnings go to {@link ServletContext#log}. An invalid configuration logs every problem, one per line, to
 * {@link ServletContext#log} and to the {@code java.util.logging} logger {@value #LOGGER_NAME}, then the
 * {@link ConfigurationException} is rethrown: the filter's init fails and the container does not start the context.
 */
public final class YamlPipelineSource implements PipelineSource {
    /** The system property naming the server-level file; when set, the file must exist. */
    public static final String SERVER_CONFIG_PROPERTY = "stageline.server.config";
    /** The application-level file, as a servlet-context resource path. */
    public static final String APP_CONFIG_RESOURCE = "/WEB-INF/stageline.yaml";
    /** The {@code java.util.logging} logger that receives every configuration problem too. */
    public static final String LOGGER_NAME = "io.stageline";

    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private final Path conventionalServerFile;
    private final PipelineMode mode;
    private final ConfigLoader loader;

    /** A source with no conventional server-level file: only the system property names one. */
    public YamlPipelineSource() {
        this(null, null);
    }

    /** A source whose adapter looks for the server-level file at {@code conventionalServerFile} (nullable). */
    public YamlPipelineSource(Path conventionalServerFile) {
        this(conventionalServerFile, null);
    }

    /**
     * A source with the adapter's conventional server-level file (nullable) and a pipeline mode that overrides the
     * files' {@code pipelineMode} (null: the files decide).
     */
    public YamlPipelineSource(Path conventionalServerFile, PipelineMode mode) {
        this(conventionalServerFile, mode, new ConfigLoader());
    }

    /** As {@link #YamlPipelineSource(Path, PipelineMode)}, with a loader of one's own (e.g. its environment). */
    public YamlPipelineSource(Path conventionalServerFile, PipelineMode mode, ConfigLoader loader) {
        this.conventionalServerFile = conventionalServerFile;
        this.mode = mode;
        this.loader = loader;
    }

    /** The pipeline mode that overrides the files', or null. */
    public PipelineMode mode() {
        return mode;
    }

    /**
     * The server-level file this source reads now: the system property's, else the conventional file when it exists,
     * else null.
     */
    public Path serverFile() {
        String prop = propertyValue();
        if (prop != null) {
            return Path.of(prop);
        }
        if (conventionalServerFile != null && Files.isRegularFile(conventionalServerFile)) {
            return conventionalServerFile;
        }
        return null;
    }

    private static String propertyValue() {
        String prop = System.getProperty(SERVER_CONFIG_PROPERTY);
        return prop == null || prop.isBlank() ? null : prop.trim();
    }

    @Override
    public CompiledPipeline load(ServletContext context) {
        String label = appLabel(context.getContextPath());
        try {
            CompiledConfiguration compiled = compile(context, label);
            for (ConfigProblem w : compiled.warnings()) {
                // engine warnings are the pipeline's warnings too, which the filter logs itself
                if (!ProblemCode.ENGINE_WARNING.id().equals(w.code())) {
                    context.log("Stageline: " + describe(w));
                }
            }
            return compiled.pipeline();
        } catch (ConfigurationException e) {
            report(context, e.problems());
            throw e;
        }
    }

    private CompiledConfiguration compile(ServletContext context, String label) {
        List<ConfigProblem> readProblems = new ArrayList<>();
        ConfigSource server = readServerFile(readProblems);
        ConfigSource app = readAppFile(context, label, readProblems);
        ClassLoader cl = classLoader(context);
        if (readProblems.isEmpty()) {
            return loader.compile(loader.load(server, app, cl, context.getContextPath()), mode);
        }
        List<ConfigProblem> all = new ArrayList<>(readProblems);
        try {
            loader.load(server, app, cl, context.getContextPath());
        } catch (ConfigurationException e) {
            all.addAll(e.problems());
        }
        throw new ConfigurationException(all);
    }

    private ConfigSource readServerFile(List<ConfigProblem> problems) {
        Path file;
        try {
            file = serverFile();
        } catch (InvalidPathException e) {
            problems.add(ConfigProblem.of(ProblemCode.UNREADABLE_FILE, new Position(propertyValue(), 0, 0),
                    "-D" + SERVER_CONFIG_PROPERTY + " is not a valid path: " + e.getMessage(), null));
            return null;
        }
        if (file == null) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new ConfigSource(file.toString(), text, file.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            boolean named = propertyValue() != null;
            problems.add(ConfigProblem.of(ProblemCode.UNREADABLE_FILE, new Position(file.toString(), 0, 0),
                    "cannot read the server-level configuration file" + (named ? " named by -D" + SERVER_CONFIG_PROPERTY
                            : "") + ": " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    named ? "point -D" + SERVER_CONFIG_PROPERTY + " at an existing file, or unset it" : null));
            return null;
        }
    }

    private static ConfigSource readAppFile(ServletContext context, String label, List<ConfigProblem> problems) {
        try (InputStream in = context.getResourceAsStream(APP_CONFIG_RESOURCE)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ConfigSource(label, text, webInfDir(context));
        } catch (IOException | RuntimeException e) {
            problems.add(ConfigProblem.of(ProblemCode.UNREADABLE_FILE, new Position(label, 0, 0),
                    "cannot read the configuration file: " + e.getClass().getSimpleName() + " " + e.getMessage(), null));
            return null;
        }
    }

    /** The directory relative {@code ${file:...}} references of the application file resolve against, or null. */
    private static Path webInfDir(ServletContext context) {
        try {
            String real = context.getRealPath("/WEB-INF/");
            return real == null ? null : Path.of(real);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ClassLoader classLoader(ServletContext context) {
        ClassLoader cl = null;
        try {
            cl = context.getClassLoader();
        } catch (RuntimeException e) {
            // e.g. a SecurityException: fall back below
        }
        if (cl == null) {
            cl = Thread.currentThread().getContextClassLoader();
        }
        return cl != null ? cl : YamlPipelineSource.class.getClassLoader();
    }

    /** {@code WEB-INF/stageline.yaml}, prefixed with the context path without its leading slash. */
    static String appLabel(String contextPath) {
        String cp = contextPath == null ? "" : contextPath;
        while (cp.startsWith("/")) {
            cp = cp.substring(1);
        }
        return cp.isEmpty() ? "WEB-INF/stageline.yaml" : cp + "/WEB-INF/stageline.yaml";
    }

    private static void report(ServletContext context, List<ConfigProblem> problems) {
        long errors = problems.stream().filter(ConfigProblem::isError).count();
        String cp = context.getContextPath() == null || context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        String head = "Stageline: the configuration of the application at " + cp + " is invalid (" + errors
                + " error(s)); the application does not start:";
        context.log(head);
        LOG.severe(head);
        for (ConfigProblem p : problems) {
            String line = "Stageline:   " + describe(p);
            context.log(line);
            LOG.log(p.isError() ? Level.SEVERE : Level.WARNING, line);
        }
    }

    /** {@code file:line:col CODE message}, with the hint after it when there is one. */
    private static String describe(ConfigProblem p) {
        return p.hint() == null ? p.toString() : p + " (hint: " + p.hint() + ")";
    }
}
