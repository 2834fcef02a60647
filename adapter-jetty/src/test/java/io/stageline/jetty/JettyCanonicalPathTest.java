package io.stageline.jetty;

import io.stageline.servlet.CanonicalPathScenarios;
import io.stageline.servlet.TestContainer;
import java.util.Set;

/** The canonical-path scenarios on Jetty 12.1, whose default URI compliance refuses many ambiguous forms itself. */
class JettyCanonicalPathTest extends CanonicalPathScenarios {
    @Override
    protected TestContainer newContainer() {
        return new JettyTestContainer();
    }

    @Override
    protected Set<String> refusedByTheContainer() {
        return Set.of("/app/x/..;/admin/secret.html", "/app/x/%2e%2e/admin/secret.html", "/app/%2e/admin/secret.html",
                "/app/x/.%2E/admin/secret.html", "/app//admin/secret.html", "/app/admin//secret.html",
                "/app/admin%2fsecret.html", "/app/admin%5csecret.html", "/app/admin\\secret.html",
                "/app/x/%c0%ae%c0%ae/admin/secret.html", "/app/admin/%e0%80%aesecret.html", "/app/admin/secret%00.html",
                "/app/admin%09/secret.html", "/app/admin%0a/secret.html", "/app/admin/secret%zz.html",
                "/app/admin/s%E9cret.html");
    }
}
