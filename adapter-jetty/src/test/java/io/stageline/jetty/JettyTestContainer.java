package io.stageline.jetty;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import io.stageline.servlet.TestContainer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1 (ee11) with its default URI compliance, for the shared scenario classes. */
final class JettyTestContainer implements TestContainer {
    private final Consumer<ServletContextHandler> customizer;
    private Server server;

    JettyTestContainer() {
        this(context -> { });
    }

    /** {@code customizer} adjusts the application's context (for example its security handler) before it starts. */
    JettyTestContainer(Consumer<ServletContextHandler> customizer) {
        this.customizer = customizer;
    }

    @Override
    public URI start(Path root, String contextPath, CompiledPipeline pipeline, List<ServletSpec> servlets)
            throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(contextPath.isEmpty() ? "/" : contextPath);
        context.setBaseResourceAsPath(root);
        ServletHolder def = new ServletHolder("default", DefaultServlet.class);
        def.setInitParameter("dirAllowed", "false");
        context.addServlet(def, "/");
        for (ServletSpec s : servlets) {
            ServletHolder holder = new ServletHolder(s.name(), s.servlet());
            for (String mapping : s.mappings()) {
                context.addServlet(holder, mapping);
            }
        }
        context.addServletContainerInitializer((classes, ctx) -> installed(StagelineInitializer.install(ctx,
                new StagelineFilter(pipeline))));
        customizer.accept(context);
        server.setHandler(context);
        server.start();
        if (!context.isAvailable()) {
            throw new IllegalStateException("the Jetty context did not start");
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + contextPath + "/");
    }

    private static void installed(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("the Stageline filter was not installed");
        }
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public String name() {
        return "jetty";
    }
}
