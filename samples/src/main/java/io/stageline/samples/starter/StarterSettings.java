package io.stageline.samples.starter;

import io.stageline.api.PipelineMode;
import io.stageline.config.CompiledConfiguration;
import io.stageline.config.ConfigLoader;
import io.stageline.servlet.YamlPipelineSource;
import io.stageline.servlet.PipelineSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a container starter gets from the launcher, which passes it across the class-loader boundary as a map of
 * strings (keys {@code webapp}, {@code contextPath}, {@code port}, {@code mode}, {@code serverConfig},
 * {@code workDir}); the launcher has checked every value.
 *
 * @param webapp       the exploded web application
 * @param contextPath  "" for the root context, else "/name"
 * @param port         the port on 127.0.0.1, 0 for any free port
 * @param mode         the pipeline mode that overrides the configuration's, or null
 * @param serverConfig the server-level YAML, or null
 * @param workDir      a private directory for the container's work files, deleted by the launcher
 */
public record StarterSettings(Path webapp, String contextPath, int port, PipelineMode mode, Path serverConfig,
                              Path workDir) {
    /** Where the launcher listens: loopback only. */
    public static final String HOST = "127.0.0.1";
    /** The key under which the starter reports the effective pipeline mode back to the launcher. */
    public static final String EFFECTIVE_MODE = "effectiveMode";

    public static StarterSettings from(Map<String, String> settings) {
        String mode = required(settings, "mode");
        String server = settings.getOrDefault("serverConfig", "");
        return new StarterSettings(Path.of(required(settings, "webapp")), required(settings, "contextPath"),
                Integer.parseInt(required(settings, "port")),
                mode.isEmpty() ? null : PipelineMode.valueOf(mode.toUpperCase(Locale.ROOT)),
                server.isEmpty() ? null : Path.of(server), Path.of(required(settings, "workDir")));
    }

    /** Where the application's filter gets its pipeline: the YAML layers, with the launcher's overrides. */
    public PipelineSource pipelineSource() {
        return new YamlPipelineSource(serverConfig, mode);
    }

    /**
     * Compiles the configuration once before the container starts, so that an invalid file ends the launcher with
     * every problem (a {@link io.stageline.config.ConfigurationException}) instead of a container log; writes the
     * effective mode into {@code settings}. Nothing to check when the application has no WEB-INF/stageline.yaml.
     */
    public void validate(Map<String, String> settings) {
        Path appFile = webapp.resolve("WEB-INF").resolve("stageline.yaml");
        if (!Files.isRegularFile(appFile)) {
            return;
        }
        String property = System.getProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY);
        Path server = property != null ? Path.of(property) : serverConfig;
        try (URLClassLoader loader = new URLClassLoader(classPath(), StarterSettings.class.getClassLoader())) {
            ConfigLoader configLoader = new ConfigLoader();
            CompiledConfiguration compiled = configLoader.compile(configLoader.load(server, appFile, loader,
                    contextPath), mode);
            compiled.pipeline().close();
            settings.put(EFFECTIVE_MODE, compiled.pipeline().mode().name().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URL[] classPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        Path classes = webapp.resolve("WEB-INF").resolve("classes");
        if (Files.isDirectory(classes)) {
            urls.add(classes.toUri().toURL());
        }
        Path lib = webapp.resolve("WEB-INF").resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        return urls.toArray(new URL[0]);
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the launcher passed no " + key);
        }
        return value;
    }
}
