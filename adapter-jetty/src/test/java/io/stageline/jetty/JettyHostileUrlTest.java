package io.stageline.jetty;

import io.stageline.servlet.HostileUrlScenarios;
import io.stageline.servlet.TestContainer;

/** The hostile-URL suite on embedded Jetty 12.1. */
class JettyHostileUrlTest extends HostileUrlScenarios {
    @Override
    protected TestContainer newContainer() {
        return new JettyTestContainer();
    }
}
