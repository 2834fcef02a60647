package io.stageline.servlet;

import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.Servlet;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One embedded container running one web application, for the scenario classes written once in this module and run
 * by a small subclass per container: {@code root} as the application's resources, the container's default servlet
 * (named {@code default}, no directory listings, the container's MIME map), the given servlets, and a
 * {@link StagelineFilter} for {@code pipeline} installed with {@link StagelineInitializer#install} (always, whether or
 * not {@code root} has a {@code WEB-INF/stageline.yaml}). Containers keep their default settings otherwise: what they
 * refuse on their own is part of what the scenarios observe.
 */
public interface TestContainer {

    /** A servlet of the application and its URL patterns. */
    record ServletSpec(String name, Servlet servlet, List<String> mappings) {
        public ServletSpec(String name, Servlet servlet, String... mappings) {
            this(name, servlet, List.of(mappings));
        }
    }

    /** Starts the application at {@code contextPath} ({@code ""} = root) on a loopback port; returns its base URI. */
    URI start(Path root, String contextPath, CompiledPipeline pipeline, List<ServletSpec> servlets) throws Exception;

    void stop() throws Exception;

    /** {@code jetty} or {@code tomcat}. */
    String name();
}
