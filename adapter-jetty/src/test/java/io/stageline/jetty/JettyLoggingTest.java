package io.stageline.jetty;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.LoggingScenarios;
import java.net.URI;
import java.nio.file.Path;

/** The logging and tracing scenarios on embedded Jetty, started exactly as {@link JettyEndToEndTest} starts it. */
class JettyLoggingTest extends LoggingScenarios {
    private final JettyEndToEndTest container = new JettyEndToEndTest();

    @Override
    protected URI start(Path root, CompiledPipeline pipeline) throws Exception {
        return container.start(root, pipeline);
    }

    @Override
    protected void stop() throws Exception {
        container.stop();
    }
}
