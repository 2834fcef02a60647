package io.stageline.jetty;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.AuthScenarios;
import io.stageline.servlet.ContainerScenarios;
import io.stageline.servlet.ScenarioServlets;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The authentication and authorization scenarios on embedded Jetty 12.1 (ee11). */
class JettyAuthTest extends AuthScenarios {
    @Override
    protected Running start(Path root, CompiledPipeline pipeline) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(root);
        ServletHolder def = new ServletHolder("default", DefaultServlet.class);
        def.setInitParameter("dirAllowed", "false");
        context.addServlet(def, "/");
        context.addServlet(new ServletHolder(ContainerScenarios.LEGACY, ScenarioServlets.Legacy.class), "/legacy/*");
        context.addServletContainerInitializer((classes, ctx) -> ctx.setAttribute(StagelineFilter.PIPELINE_ATTRIBUTE,
                pipeline));
        context.addServletContainerInitializer(new StagelineInitializer());
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            throw new IllegalStateException("the Jetty context did not start");
        }
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
        return new Running() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }
}
