package io.stageline.jetty;

import io.stageline.servlet.ErrorScenarios;
import io.stageline.servlet.ServletContainer;

/** The custom-error scenarios on embedded Jetty 12.1 (ee11). */
class JettyErrorScenariosTest extends ErrorScenarios {
    @Override
    protected ServletContainer container() {
        return new JettyContainer();
    }
}
