package io.stageline.it;

import io.stageline.it.webapp.SecretActionServlet;
import io.stageline.modules.auth.PasswordHash;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hostile-URL suite's application, deployed as the root context with the drop-in jar and configured only by its
 * {@code WEB-INF/stageline.yaml}: {@code /admin} locked to role {@code admin} by UrlAuthorization, Basic and Forms
 * authentication (Forms added back without its {@code managedHandler} precondition, so its cookie counts for static
 * files too), RequestFiltering at its defaults (first in the default module list), two users ({@code admin} with role
 * admin, {@code guest} without).
 * Protected: the static {@code /admin/secret.html}, the exact servlet mapping {@code /admin/report} and the suffix
 * mapping {@code *.do} at {@code /admin/x.do}. Markers, passwords and the forms key are random per run.
 */
final class HostileWebApp {
    static final String STATIC_MARKER = "STATIC-SECRET-" + UUID.randomUUID();
    static final String REPORT_MARKER = "REPORT-SECRET-" + UUID.randomUUID();
    static final String DO_MARKER = "DO-SECRET-" + UUID.randomUUID();
    static final String DO_PUBLIC = "do-public";
    static final String ADMIN = "admin";
    static final String GUEST = "guest";
    static final String ADMIN_PASSWORD = "A" + UUID.randomUUID().toString().replace("-", "");
    static final String GUEST_PASSWORD = "G" + UUID.randomUUID().toString().replace("-", "");
    static final String LOGIN_URL = "/login.html";
    static final String COOKIE = ".STAGELINEAUTH";

    /** The fewest iterations the hash accepts: hundreds of probes authenticate, and the hash is not what is tested. */
    private static final int ITERATIONS = PasswordHash.MIN_ITERATIONS;

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                     version="6.0">
              <servlet>
                <servlet-name>report</servlet-name>
                <servlet-class>io.stageline.it.webapp.SecretReportServlet</servlet-class>
                <init-param><param-name>marker</param-name><param-value>%s</param-value></init-param>
              </servlet>
              <servlet>
                <servlet-name>action</servlet-name>
                <servlet-class>io.stageline.it.webapp.SecretActionServlet</servlet-class>
                <init-param><param-name>marker</param-name><param-value>%s</param-value></init-param>
                <init-param><param-name>publicAnswer</param-name><param-value>%s</param-value></init-param>
              </servlet>
              <servlet-mapping>
                <servlet-name>report</servlet-name>
                <url-pattern>/admin/report</url-pattern>
              </servlet-mapping>
              <servlet-mapping>
                <servlet-name>action</servlet-name>
                <url-pattern>*.do</url-pattern>
              </servlet-mapping>
            </web-app>
            """.formatted(REPORT_MARKER, DO_MARKER, DO_PUBLIC);

    private HostileWebApp() {
    }

    /** The application's {@code WEB-INF/stageline.yaml}: everything the suite relies on is configured here. */
    static String configuration() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return """
                modules:
                  list:
                    - remove: FormsAuthentication
                    - add: FormsAuthentication
                authentication:
                  basic: { enabled: true, realm: Stageline }
                  forms: { enabled: true, key: "%s", loginUrl: %s }
                credentials:
                  users:
                    - { name: %s, password: "%s", roles: [admin] }
                    - { name: %s, password: "%s", roles: [staff] }
                locations:
                  - path: /admin
                    authorization:
                      list:
                        - clear
                        - add: { accessType: Allow, roles: admin }
                """.formatted(HexFormat.of().formatHex(key), LOGIN_URL,
                ADMIN, PasswordHash.hash(ADMIN_PASSWORD.toCharArray(), ITERATIONS),
                GUEST, PasswordHash.hash(GUEST_PASSWORD.toCharArray(), ITERATIONS));
    }

    /** Builds the exploded application in {@code dir} (created). */
    static Path build(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("admin"));
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("admin/secret.html"), "<p>" + STATIC_MARKER + "</p>");
        Files.writeString(dir.resolve("hello.html"), "<p>hello</p>");
        Files.writeString(dir.resolve("public/page.html"), "<p>public page</p>");
        Files.writeString(dir.resolve("login.html"), "<form method=post><input name=username>"
                + "<input name=password type=password></form>");
        Path webInf = Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), WEB_XML);
        Files.writeString(webInf.resolve("stageline.yaml"), configuration());
        String pkg = SecretActionServlet.class.getPackageName().replace('.', '/');
        Workspace.copyTree(testClasses().resolve(pkg), webInf.resolve("classes").resolve(pkg));
        Path lib = Files.createDirectories(webInf.resolve("lib"));
        Files.copy(Workspace.prepared("dropinJar"), lib.resolve("stageline-dropin.jar"));
        return dir;
    }

    /** True when {@code text} holds any of the protected markers. */
    static boolean leaks(String text) {
        return text.contains(STATIC_MARKER) || text.contains(REPORT_MARKER) || text.contains(DO_MARKER);
    }

    private static Path testClasses() {
        try {
            return Path.of(HostileWebApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
