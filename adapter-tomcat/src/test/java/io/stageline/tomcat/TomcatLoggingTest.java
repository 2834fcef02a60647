package io.stageline.tomcat;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.LoggingScenarios;
import java.net.URI;
import java.nio.file.Path;

/** The logging and tracing scenarios on embedded Tomcat, started exactly as {@link TomcatEndToEndTest} starts it. */
class TomcatLoggingTest extends LoggingScenarios {
    private final TomcatEndToEndTest container = new TomcatEndToEndTest();

    @Override
    protected URI start(Path root, CompiledPipeline pipeline) throws Exception {
        return container.start(root, pipeline);
    }

    @Override
    protected void stop() throws Exception {
        container.stop();
    }
}
