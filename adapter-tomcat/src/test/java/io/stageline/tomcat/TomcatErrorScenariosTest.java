package io.stageline.tomcat;

import io.stageline.servlet.ErrorScenarios;
import io.stageline.servlet.ServletContainer;

/** The custom-error scenarios on embedded Tomcat 11. */
class TomcatErrorScenariosTest extends ErrorScenarios {
    @Override
    protected ServletContainer container() {
        return new TomcatContainer();
    }
}
