package io.stageline.jetty;

import io.stageline.servlet.ProtocolScenarios;
import io.stageline.servlet.ServletContainer;

/** The custom-header and redirect scenarios on embedded Jetty 12.1 (ee11). */
class JettyProtocolScenariosTest extends ProtocolScenarios {
    @Override
    protected ServletContainer container() {
        return new JettyContainer();
    }
}
