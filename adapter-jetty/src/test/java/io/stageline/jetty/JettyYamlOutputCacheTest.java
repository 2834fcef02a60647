package io.stageline.jetty;

import io.stageline.servlet.ServletContainer;
import io.stageline.servlet.YamlOutputCacheScenarios;

/** The YAML output-cache scenarios (a profile caches a servlet's page) on embedded Jetty 12.1. */
class JettyYamlOutputCacheTest extends YamlOutputCacheScenarios {
    @Override
    protected ServletContainer container() {
        return new JettyContainer();
    }
}
