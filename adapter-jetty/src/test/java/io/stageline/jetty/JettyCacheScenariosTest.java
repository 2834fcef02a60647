package io.stageline.jetty;

import io.stageline.servlet.CacheScenarios;
import io.stageline.servlet.ServletContainer;

/** The output-cache scenarios on embedded Jetty 12.1 (ee11). */
class JettyCacheScenariosTest extends CacheScenarios {
    @Override
    protected ServletContainer container() {
        return new JettyContainer();
    }
}
