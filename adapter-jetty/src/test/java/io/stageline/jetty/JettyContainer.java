package io.stageline.jetty;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.ServletContainer;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1 (ee11) for the scenario classes; the connector keeps Jetty's default {@code Server} header. */
final class JettyContainer implements ServletContainer {
    private Server server;

    @Override
    public URI start(Path root, CompiledPipeline pipeline, Map<String, Class<? extends HttpServlet>> servlets)
            throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setBaseResourceAsPath(root);
        ServletHolder def = new ServletHolder("default", DefaultServlet.class);
        def.setInitParameter("dirAllowed", "false");
        context.addServlet(def, "/");
        for (Map.Entry<String, Class<? extends HttpServlet>> s : servlets.entrySet()) {
            context.addServlet(new ServletHolder(s.getValue().getSimpleName(), s.getValue()), s.getKey());
        }
        context.addServletContainerInitializer((classes, ctx) -> ctx.setAttribute(StagelineFilter.PIPELINE_ATTRIBUTE,
                pipeline));
        context.addServletContainerInitializer(new StagelineInitializer());
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            throw new IllegalStateException("the Jetty context did not start");
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public String serverHeader() {
        return "Jetty(" + Server.getVersion() + ")";
    }

    @Override
    public boolean filterCanRemoveServerHeader() {
        // measured: Jetty adds Server when it commits the response, after the filter ran; only
        // HttpConfiguration.setSendServerVersion(false) turns it off
        return false;
    }
}
