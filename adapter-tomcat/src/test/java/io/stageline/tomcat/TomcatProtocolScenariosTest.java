package io.stageline.tomcat;

import io.stageline.servlet.ProtocolScenarios;
import io.stageline.servlet.ServletContainer;

/** The custom-header and redirect scenarios on embedded Tomcat 11. */
class TomcatProtocolScenariosTest extends ProtocolScenarios {
    @Override
    protected ServletContainer container() {
        return new TomcatContainer();
    }
}
