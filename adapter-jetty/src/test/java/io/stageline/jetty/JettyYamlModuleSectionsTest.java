package io.stageline.jetty;

import io.stageline.servlet.ServletContainer;
import io.stageline.servlet.YamlModuleSectionsScenarios;

/** The YAML module-section scenarios (forms, authorization, custom errors, custom headers) on embedded Jetty 12.1. */
class JettyYamlModuleSectionsTest extends YamlModuleSectionsScenarios {
    @Override
    protected ServletContainer container() {
        return new JettyContainer();
    }
}
