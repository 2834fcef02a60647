package io.stageline.it;

import java.nio.file.Path;

/**
 * The scenarios on a standalone Jetty 12.1 with the drop-in jar in the application's {@code WEB-INF/lib}, configured by
 * its {@code WEB-INF/stageline.yaml}.
 */
class JettyDropInIT extends StandaloneScenarios {
    @Override
    protected ServerUnderTest start(Path work) throws Exception {
        Path webapp = TestWebApp.build(work.resolve("webapp"), Install.DROP_IN);
        return JettyInstall.start(work.resolve("server"), webapp, Install.DROP_IN);
    }
}
