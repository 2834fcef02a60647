package io.stageline.jetty;

import io.stageline.servlet.RequestFilteringScenarios;
import io.stageline.servlet.TestContainer;

/** RequestFiltering over real HTTP on Jetty 12.1. */
class JettyRequestFilteringTest extends RequestFilteringScenarios {
    @Override
    protected TestContainer newContainer() {
        return new JettyTestContainer();
    }

    @Override
    protected boolean filtersCanRemoveTheServerHeader() {
        return false;
    }

    @Override
    protected boolean containerRefusesAnEncodedPercent() {
        return true;
    }
}
