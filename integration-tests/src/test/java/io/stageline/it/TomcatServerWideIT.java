package io.stageline.it;

import java.nio.file.Path;

/**
 * The scenarios on a standalone Tomcat 11 with the {@code StagelineListener} in {@code server.xml} (the jars in
 * {@code $CATALINA_BASE/lib}), configured by {@code conf/stageline.yaml}; the application knows nothing of Stageline.
 */
class TomcatServerWideIT extends StandaloneScenarios {
    @Override
    protected ServerUnderTest start(Path work) throws Exception {
        Path webapp = TestWebApp.build(work.resolve("webapp"), Install.SERVER_WIDE);
        return TomcatInstall.start(work.resolve("server"), webapp, Install.SERVER_WIDE);
    }
}
