package io.stageline.samples.starter;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.engine.CompiledPipeline;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What a container starter gets from the launcher, which passes it across the class-loader boundary as a map of
 * strings (keys {@code webapp}, {@code contextPath}, {@code port}, {@code mode}, {@code workDir}); the launcher has
 * checked every value.
 *
 * @param webapp      the exploded web application
 * @param contextPath "" for the root context, else "/name"
 * @param port        the port on 127.0.0.1, 0 for any free port
 * @param mode        the pipeline mode
 * @param workDir     a private directory for the container's work files, deleted by the launcher
 */
public record StarterSettings(Path webapp, String contextPath, int port, PipelineMode mode, Path workDir) {
    /** Where the launcher listens: loopback only. */
    public static final String HOST = "127.0.0.1";

    public static StarterSettings from(Map<String, String> settings) {
        return new StarterSettings(Path.of(required(settings, "webapp")), required(settings, "contextPath"),
                Integer.parseInt(required(settings, "port")),
                PipelineMode.valueOf(required(settings, "mode").toUpperCase(Locale.ROOT)),
                Path.of(required(settings, "workDir")));
    }

    /**
     * The application's pipeline: the built-in defaults in the chosen mode. The YAML loader (server-level and
     * {@code WEB-INF/stageline.yaml}) is not there yet.
     *
     * @throws io.stageline.engine.PipelineConfigurationException with every problem when it does not compile
     */
    public CompiledPipeline pipeline() {
        return Stageline.builder().mode(mode).build();
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("the launcher passed no " + key);
        }
        return value;
    }
}
