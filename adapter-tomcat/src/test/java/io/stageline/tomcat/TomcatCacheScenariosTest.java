package io.stageline.tomcat;

import io.stageline.servlet.CacheScenarios;
import io.stageline.servlet.ServletContainer;

/** The output-cache scenarios on embedded Tomcat 11. */
class TomcatCacheScenariosTest extends CacheScenarios {
    @Override
    protected ServletContainer container() {
        return new TomcatContainer();
    }
}
