package io.stageline.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A standalone Tomcat from the unpacked distribution, with its own {@code CATALINA_BASE} as an administrator sets one
 * up: the distribution's {@code conf/} copied and its {@code server.xml} edited (HTTP on 127.0.0.1 and a free port, no
 * shutdown port), each application exploded in {@code webapps/<name>} (context path {@code /<name>}). For the
 * server-wide install the jars of {@code stageline-tomcat-lib.zip} go into {@code lib/}, the {@code StagelineListener}
 * into {@code server.xml} and the configuration into {@code conf/stageline.yaml} (the listener's default).
 */
final class TomcatInstall {
    private static final String SERVER_ELEMENT = "<Server port=\"8005\" shutdown=\"SHUTDOWN\">";
    private static final String CONNECTOR = "<Connector port=\"8080\" protocol=\"HTTP/1.1\"";
    private static final String LISTENER = "<Listener className=\"io.stageline.tomcat.StagelineListener\" />";

    private TomcatInstall() {
    }

    /** The standalone scenarios' server: {@link TestWebApp} as {@code /app}. */
    static ServerUnderTest start(Path base, Path webapp, Install install) throws IOException {
        return start(base, Map.of("app", webapp), install, TestWebApp.CONFIGURATION, "app/hello.html");
    }

    /**
     * Deploys {@code webapps} (context name → exploded directory) and, for the server-wide install, writes
     * {@code serverConfig} as the server-level file; returns once {@code probe} ({@code "<context>/<file>"}) answers.
     */
    static ServerUnderTest start(Path base, Map<String, Path> webapps, Install install, String serverConfig,
            String probe) throws IOException {
        Path home = Workspace.prepared("tomcatHome");
        for (String dir : List.of("lib", "logs", "temp", "work", "webapps")) {
            Files.createDirectories(base.resolve(dir));
        }
        Workspace.copyTree(home.resolve("conf"), base.resolve("conf"));
        int port = Workspace.freePort();
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml);
        xml = replaceOnce(xml, CONNECTOR, "<Connector address=\"127.0.0.1\" port=\"" + port + "\" protocol=\"HTTP/1.1\"");
        String server = SERVER_ELEMENT.replace("8005", "-1");
        if (install == Install.SERVER_WIDE) {
            server = server + "\n  " + LISTENER;
            Workspace.copyTree(Workspace.prepared("tomcatLib").resolve("lib"), base.resolve("lib"));
            Files.writeString(base.resolve("conf/stageline.yaml"), serverConfig);
        }
        Files.writeString(serverXml, replaceOnce(xml, SERVER_ELEMENT, server));
        for (Map.Entry<String, Path> app : webapps.entrySet()) {
            Workspace.copyTree(app.getValue(), base.resolve("webapps").resolve(app.getKey()));
        }
        return ServerProcess.start(command(home, base), base, URI.create("http://127.0.0.1:" + port + "/"), probe,
                base.resolve("temp"));
    }

    /** What catalina.sh runs, without the script: Bootstrap on its own class path, the base and home as properties. */
    private static List<String> command(Path home, Path base) {
        return List.of(Workspace.java(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Dcatalina.base=" + base,
                "-Dcatalina.home=" + home,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "-cp", home.resolve("bin/bootstrap.jar") + File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "org.apache.catalina.startup.Bootstrap", "start");
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("expected exactly one " + from + " in the distribution's server.xml");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
