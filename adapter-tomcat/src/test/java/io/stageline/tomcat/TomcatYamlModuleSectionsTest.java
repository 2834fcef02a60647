package io.stageline.tomcat;

import io.stageline.servlet.ServletContainer;
import io.stageline.servlet.YamlModuleSectionsScenarios;

/** The YAML module-section scenarios (forms, authorization, custom errors, custom headers) on embedded Tomcat 11. */
class TomcatYamlModuleSectionsTest extends YamlModuleSectionsScenarios {
    @Override
    protected ServletContainer container() {
        return new TomcatContainer();
    }
}
