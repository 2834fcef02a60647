package io.stageline.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.Set;

/**
 * The server-wide installation the container adapters register in every application: installs the Stageline filter
 * whether or not the application has a {@code WEB-INF/stageline.yaml}, with the server-level file at
 * {@code serverConfig} (the adapter's conventional place; the system property {@code stageline.server.config} still
 * wins). An application that also carries the drop-in jar gets the filter once.
 */
public final class ServerWideInitializer implements ServletContainerInitializer {
    private final Path serverConfig;

    public ServerWideInitializer(Path serverConfig) {
        this.serverConfig = serverConfig;
    }

    public Path serverConfig() {
        return serverConfig;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        if (serverConfig != null && ctx.getAttribute(StagelineInitializer.SERVER_CONFIG_PATH_ATTRIBUTE) == null) {
            ctx.setAttribute(StagelineInitializer.SERVER_CONFIG_PATH_ATTRIBUTE, serverConfig);
        }
        StagelineInitializer.install(ctx, new StagelineFilter(StagelineInitializer::loadPipeline));
    }
}
