package io.stageline.tomcat;

import io.stageline.servlet.CanonicalPathScenarios;
import io.stageline.servlet.TestContainer;
import java.util.Set;

/** The canonical-path scenarios on Tomcat 11, which normalises most ambiguous forms instead of refusing them. */
class TomcatCanonicalPathTest extends CanonicalPathScenarios {
    @Override
    protected TestContainer newContainer() {
        return new TomcatTestContainer();
    }

    @Override
    protected Set<String> refusedByTheContainer() {
        return Set.of("/app/admin%2fsecret.html", "/app/admin%5csecret.html", "/app/admin\\secret.html",
                "/app/x/%c0%ae%c0%ae/admin/secret.html", "/app/admin/%e0%80%aesecret.html", "/app/admin/secret%00.html",
                "/app/admin/secret%zz.html", "/app/admin/s%E9cret.html");
    }
}
