package io.stageline.it;

import io.stageline.it.webapp.LegacyServlet;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The exploded test application an administrator would deploy: static files, a directory with a default document,
 * {@code WEB-INF/web.xml} declaring a legacy servlet, and its classes (compiled by this build, from
 * {@code io.stageline.it.webapp}) in {@code WEB-INF/classes}. For the drop-in install it also carries the drop-in jar
 * in {@code WEB-INF/lib} and {@link #CONFIGURATION} as {@code WEB-INF/stageline.yaml}; for the server-wide install the
 * same configuration is the server-level file instead.
 */
final class TestWebApp {
    /** The Stageline configuration of the scenarios: a {@code type:} handler and a MIME type only Stageline knows. */
    static final String CONFIGURATION = """
            handlers:
              list:
                - add: YamlHello
                  path: /yaml-hello
                  verb: GET
                  type: io.stageline.it.webapp.HelloHandler
            staticContent:
              mimeMap:
                - add: .custom
                  mimeType: text/x-stageline
            """;

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">
              <servlet>
                <servlet-name>legacy</servlet-name>
                <servlet-class>io.stageline.it.webapp.LegacyServlet</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>legacy</servlet-name>
                <url-pattern>/legacy/*</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    private TestWebApp() {
    }

    /** Builds the application in {@code dir} (created) for {@code install}. */
    static Path build(Path dir, Install install) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("hello.html"), "<p>hello static</p>");
        Files.writeString(dir.resolve("notes.custom"), "custom type");
        Files.writeString(dir.resolve("docs/index.html"), "docs index");
        Path webInf = Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), WEB_XML);
        String pkg = LegacyServlet.class.getPackageName().replace('.', '/');
        Workspace.copyTree(testClasses().resolve(pkg), webInf.resolve("classes").resolve(pkg));
        if (install == Install.DROP_IN) {
            Files.writeString(webInf.resolve("stageline.yaml"), CONFIGURATION);
            Path lib = Files.createDirectories(webInf.resolve("lib"));
            Files.copy(Workspace.prepared("dropinJar"), lib.resolve("stageline-dropin.jar"));
        }
        return dir;
    }

    private static Path testClasses() {
        try {
            return Path.of(LegacyServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
