package io.stageline.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A standalone Jetty 12.1 from the unpacked {@code jetty-home}, with a jetty-base made the documented way: modules
 * added by {@code java -jar $JETTY_HOME/start.jar --add-modules=...} run in the base, each application exploded in
 * {@code webapps/<name>} (context path {@code /<name>}), HTTP on 127.0.0.1 and a free port given on the command line.
 * The drop-in install needs {@code ee11-annotations}: Jetty discovers ServletContainerInitializers only with it. The
 * server-wide install unzips {@code stageline-jetty-base.zip} into the base, adds the {@code stageline} module and puts
 * the configuration into {@code etc/stageline.yaml} (the module's default).
 */
final class JettyInstall {
    private static final String DROP_IN_MODULES = "http,ee11-deploy,ee11-annotations";
    private static final String SERVER_WIDE_MODULES = "http,stageline";

    private JettyInstall() {
    }

    /** The standalone scenarios' server: {@link TestWebApp} as {@code /app}. */
    static ServerUnderTest start(Path base, Path webapp, Install install) throws IOException, InterruptedException {
        return start(base, Map.of("app", webapp), install, TestWebApp.CONFIGURATION, "app/hello.html");
    }

    /**
     * Deploys {@code webapps} (context name → exploded directory) and, for the server-wide install, writes
     * {@code serverConfig} as the server-level file; returns once {@code probe} ({@code "<context>/<file>"}) answers.
     */
    static ServerUnderTest start(Path base, Map<String, Path> webapps, Install install, String serverConfig,
            String probe) throws IOException, InterruptedException {
        Path home = Workspace.prepared("jettyHome");
        String startJar = home.resolve("start.jar").toString();
        String modules = DROP_IN_MODULES;
        Files.createDirectories(base);
        if (install == Install.SERVER_WIDE) {
            Workspace.copyTree(Workspace.prepared("jettyBase"), base);
            modules = SERVER_WIDE_MODULES;
        }
        ServerProcess.run(List.of(Workspace.java(), "-jar", startJar, "--add-modules=" + modules), base, "add-modules.log");
        if (install == Install.SERVER_WIDE) {
            Files.writeString(base.resolve("etc/stageline.yaml"), serverConfig);
        }
        for (Map.Entry<String, Path> app : webapps.entrySet()) {
            Workspace.copyTree(app.getValue(), base.resolve("webapps").resolve(app.getKey()));
        }
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        int port = Workspace.freePort();
        List<String> command = List.of(Workspace.java(), "-Djava.io.tmpdir=" + tmp, "-jar", startJar,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port);
        return ServerProcess.start(command, base, URI.create("http://127.0.0.1:" + port + "/"), probe, tmp);
    }
}
