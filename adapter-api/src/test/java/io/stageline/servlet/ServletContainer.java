package io.stageline.servlet;

import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** Starts one container for a scenario class: the application's resources, its servlets, and Stageline. */
public interface ServletContainer {

    /**
     * Starts the container on an ephemeral loopback port: {@code root} as the application's resources, the default
     * servlet on {@code /} (no directory listings), {@code servlets} (URL pattern → servlet class, each with a public
     * no-argument constructor), and Stageline installed through {@link StagelineInitializer} with {@code pipeline}.
     * Returns the base URI.
     */
    URI start(Path root, CompiledPipeline pipeline, Map<String, Class<? extends HttpServlet>> servlets)
            throws Exception;

    void stop() throws Exception;

    /** The value of the {@code Server} header the container is configured to send, or null when it sends none. */
    String serverHeader();

    /** True when a filter can remove the container's {@code Server} header (measured; see the scenarios). */
    boolean filterCanRemoveServerHeader();
}
