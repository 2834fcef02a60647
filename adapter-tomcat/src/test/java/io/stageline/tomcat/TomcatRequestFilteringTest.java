package io.stageline.tomcat;

import io.stageline.servlet.RequestFilteringScenarios;
import io.stageline.servlet.TestContainer;

/** RequestFiltering over real HTTP on Tomcat 11. */
class TomcatRequestFilteringTest extends RequestFilteringScenarios {
    @Override
    protected TestContainer newContainer() {
        return new TomcatTestContainer();
    }

    @Override
    protected boolean filtersCanRemoveTheServerHeader() {
        return true;
    }

    @Override
    protected boolean containerRefusesAnEncodedPercent() {
        return false;
    }
}
