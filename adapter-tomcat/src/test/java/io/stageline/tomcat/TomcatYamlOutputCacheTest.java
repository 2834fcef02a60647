package io.stageline.tomcat;

import io.stageline.servlet.ServletContainer;
import io.stageline.servlet.YamlOutputCacheScenarios;

/** The YAML output-cache scenarios (a profile caches a servlet's page) on embedded Tomcat 11. */
class TomcatYamlOutputCacheTest extends YamlOutputCacheScenarios {
    @Override
    protected ServletContainer container() {
        return new TomcatContainer();
    }
}
