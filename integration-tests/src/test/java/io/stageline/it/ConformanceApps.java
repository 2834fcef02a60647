package io.stageline.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conformance suite's web applications, one per configuration, deployed side by side in one server: the same
 * files, web.xml and classes (the test modules and servlets of {@code io.stageline.it.webapp}) in each, a different
 * {@code WEB-INF/stageline.yaml}. {@link #SHARED} is the server-level file of the server-wide install; for the drop-in
 * install it is prepended to every application's own file instead, so both routes give every application the same
 * effective configuration. {@code plain} (no configuration of its own) is deployed only for the server-wide install:
 * with the drop-in jar alone, an application without a {@code stageline.yaml} has no Stageline.
 */
final class ConformanceApps {
    /** What every application gets from the server level: a MIME type only Stageline knows. */
    static final String SHARED = """
            staticContent:
              mimeMap:
                - add: .custom
                  mimeType: text/x-conformance
            """;

    private static final String WEBAPP_PACKAGE = "io/stageline/it/webapp";
    private static final String RECORDER = "io.stageline.it.webapp.RecorderModule";

    private static final String TEST_MODULES = """
            modules:
              list:
                - add: Recorder
                  type: %1$s
                - add: ManagedRecorder
                  type: %1$s
                  preCondition: managedHandler
                - add: Completer
                  type: io.stageline.it.webapp.CompleterModule
                - add: Thrower
                  type: io.stageline.it.webapp.ThrowerModule
            """.formatted(RECORDER);

    private static final String HELLO_HANDLER = """
            handlers:
              list:
                - add: YamlHello
                  path: /yaml-hello
                  verb: GET
                  type: io.stageline.it.webapp.HelloHandler
            """;

    private static final String ONE_RECORDER = """
            modules:
              list:
                - add: Recorder
                  type: %s
            """.formatted(RECORDER);

    /** The applications by context name (= context path without the slash) and their own configuration. */
    static final Map<String, String> CONFIGURATIONS = configurations();

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">
              <servlet>
                <servlet-name>legacy</servlet-name>
                <servlet-class>io.stageline.it.webapp.EchoServlet</servlet-class>
              </servlet>
              <servlet>
                <servlet-name>async</servlet-name>
                <servlet-class>io.stageline.it.webapp.AsyncServlet</servlet-class>
                <async-supported>true</async-supported>
              </servlet>
              <servlet-mapping>
                <servlet-name>legacy</servlet-name>
                <url-pattern>/legacy/*</url-pattern>
              </servlet-mapping>
              <servlet-mapping>
                <servlet-name>async</servlet-name>
                <url-pattern>/async</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    private ConformanceApps() {
    }

    private static Map<String, String> configurations() {
        Map<String, String> apps = new LinkedHashMap<>();
        apps.put("integrated", "pipelineMode: integrated\n" + TEST_MODULES + HELLO_HANDLER);
        apps.put("classic", """
                pipelineMode: classic
                legacy:
                  httpModules:
                    - add: Recorder
                      type: %s
                    - add: Completer
                      type: io.stageline.it.webapp.CompleterModule
                    - add: Thrower
                      type: io.stageline.it.webapp.ThrowerModule
                """.formatted(RECORDER));
        apps.put("classic-type", "pipelineMode: classic\n" + HELLO_HANDLER);
        apps.put("legacy-modules", ONE_RECORDER + """
                legacy:
                  httpModules:
                    - add: Audit
                      type: %s
                """.formatted(RECORDER));
        apps.put("legacy-handlers", ONE_RECORDER + """
                legacy:
                  httpHandlers:
                    - add: Report
                      path: "*.rpt"
                      verb: "*"
                      type: io.stageline.it.webapp.HelloHandler
                """);
        apps.put("cleared", ONE_RECORDER + """
                handlers:
                  list:
                    - clear
                """);
        return Collections.unmodifiableMap(apps);
    }

    /** Builds every application for {@code install} under {@code dir}; returns them by context name, in order. */
    static Map<String, Path> build(Path dir, Install install) throws IOException {
        Map<String, Path> apps = new LinkedHashMap<>();
        for (Map.Entry<String, String> app : CONFIGURATIONS.entrySet()) {
            String yaml = install == Install.DROP_IN ? SHARED + app.getValue() : app.getValue();
            apps.put(app.getKey(), buildOne(dir.resolve(app.getKey()), install, yaml));
        }
        if (install == Install.SERVER_WIDE) {
            apps.put("plain", buildOne(dir.resolve("plain"), install, null));
        }
        return apps;
    }

    private static Path buildOne(Path dir, Install install, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("hello.html"), "<p>hello static</p>");
        Files.writeString(dir.resolve("notes.custom"), "custom type");
        Files.writeString(dir.resolve("data.unknownext"), "content of an unknown type");
        Files.writeString(dir.resolve("docs/index.html"), "docs index");
        Files.writeString(dir.resolve("empty/readme.txt"), "not a default document");
        Path webInf = Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), WEB_XML);
        Workspace.copyTree(testClasses().resolve(WEBAPP_PACKAGE), webInf.resolve("classes").resolve(WEBAPP_PACKAGE));
        if (yaml != null) {
            Files.writeString(webInf.resolve("stageline.yaml"), yaml);
        }
        if (install == Install.DROP_IN) {
            Path lib = Files.createDirectories(webInf.resolve("lib"));
            Files.copy(Workspace.prepared("dropinJar"), lib.resolve("stageline-dropin.jar"));
        }
        return dir;
    }

    private static Path testClasses() {
        try {
            return Path.of(ConformanceApps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
