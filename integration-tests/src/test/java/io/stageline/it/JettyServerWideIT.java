package io.stageline.it;

import java.nio.file.Path;

/**
 * The scenarios on a standalone Jetty 12.1 with the {@code stageline} jetty-base module, configured by
 * {@code etc/stageline.yaml}; the application knows nothing of Stageline.
 */
class JettyServerWideIT extends StandaloneScenarios {
    @Override
    protected ServerUnderTest start(Path work) throws Exception {
        Path webapp = TestWebApp.build(work.resolve("webapp"), Install.SERVER_WIDE);
        return JettyInstall.start(work.resolve("server"), webapp, Install.SERVER_WIDE);
    }
}
