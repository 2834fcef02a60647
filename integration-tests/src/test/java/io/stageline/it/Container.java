package io.stageline.it;

import java.nio.file.Path;
import java.util.Map;

/** The two standalone containers, each started as its own JVM on its own class path. */
enum Container {
    JETTY {
        @Override
        ServerUnderTest start(Path base, Map<String, Path> webapps, Install install, String serverConfig, String probe)
                throws Exception {
            return JettyInstall.start(base, webapps, install, serverConfig, probe);
        }
    },
    TOMCAT {
        @Override
        ServerUnderTest start(Path base, Map<String, Path> webapps, Install install, String serverConfig, String probe)
                throws Exception {
            return TomcatInstall.start(base, webapps, install, serverConfig, probe);
        }
    };

    /** Installs Stageline the {@code install} way, deploys {@code webapps} and starts the server. */
    abstract ServerUnderTest start(Path base, Map<String, Path> webapps, Install install, String serverConfig,
            String probe) throws Exception;
}
