package io.stageline.jetty;

import io.stageline.servlet.ScenarioServlets;
import io.stageline.servlet.StagelineInitializer;
import io.stageline.servlet.YamlConfigurationScenarios;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The YAML configuration scenarios on embedded Jetty 12.1 (ee11). */
class JettyYamlConfigurationTest extends YamlConfigurationScenarios {

    @Override
    protected Running start(Path webRoot, Map<String, Object> attributes) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(webRoot);
        ServletHolder def = new ServletHolder("default", DefaultServlet.class);
        def.setInitParameter("dirAllowed", "false");
        context.addServlet(def, "/");
        context.addServlet(new ServletHolder(LEGACY, ScenarioServlets.Legacy.class), "/legacy/*");
        context.addServletContainerInitializer((classes, ctx) -> attributes.forEach(ctx::setAttribute));
        context.addServletContainerInitializer(new StagelineInitializer());
        server.setHandler(context);
        Exception failure = null;
        try {
            server.start();
        } catch (Exception e) {
            failure = e;
        }
        boolean available = failure == null && context.isAvailable();
        URI base = connector.isStarted() ? URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/") : null;
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
                    server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException("Jetty did not stop", e);
                }
            }
        };
    }
}
