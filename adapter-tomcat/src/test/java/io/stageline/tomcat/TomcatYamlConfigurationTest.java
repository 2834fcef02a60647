package io.stageline.tomcat;

import io.stageline.servlet.CapturedLog;
import io.stageline.servlet.ScenarioServlets;
import io.stageline.servlet.StagelineInitializer;
import io.stageline.servlet.YamlConfigurationScenarios;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.ContainerBase;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/**
 * The YAML configuration scenarios on embedded Tomcat 11. {@code ServletContext.log} goes to the context's
 * {@code java.util.logging} logger under {@code org.apache.catalina.core.ContainerBase}, which is captured too.
 */
class TomcatYamlConfigurationTest extends YamlConfigurationScenarios {
    private String contextLog;

    @Override
    protected Running start(Path webRoot, Map<String, Object> attributes) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(temp.resolve("tomcat")).toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", webRoot.toString());
        Tomcat.addDefaultMimeTypeMappings(ctx);
        Tomcat.addServlet(ctx, "default", new DefaultServlet());
        ctx.addServletMapping("/", "default");
        Tomcat.addServlet(ctx, LEGACY, new ScenarioServlets.Legacy());
        ctx.addServletMapping("/legacy/*", LEGACY);
        ctx.addServletContainerInitializer((classes, sc) -> attributes.forEach(sc::setAttribute), null);
        ctx.addServletContainerInitializer(new StagelineInitializer(), null);
        try (CapturedLog log = CapturedLog.of(ContainerBase.class.getName())) {
            tomcat.start();
            contextLog = log.text();
        }
        boolean available = ctx.getState().isAvailable();
        URI base = connector.getState() == LifecycleState.STARTED
                ? URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/") : null;
        return new Running() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public boolean contextAvailable() {
                return available;
            }

            @Override
            public void close() {
                try {
                    tomcat.stop();
                    tomcat.destroy();
                } catch (LifecycleException e) {
                    throw new IllegalStateException("Tomcat did not stop", e);
                }
            }
        };
    }

    @Override
    protected String contextLog() {
        return contextLog;
    }
}
