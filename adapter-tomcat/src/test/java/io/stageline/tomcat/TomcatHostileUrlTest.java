package io.stageline.tomcat;

import io.stageline.servlet.HostileUrlScenarios;
import io.stageline.servlet.TestContainer;

/** The hostile-URL suite on embedded Tomcat 11. */
class TomcatHostileUrlTest extends HostileUrlScenarios {
    @Override
    protected TestContainer newContainer() {
        return new TomcatTestContainer();
    }
}
