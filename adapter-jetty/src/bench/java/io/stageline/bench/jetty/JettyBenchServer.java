package io.stageline.bench.jetty;

import io.stageline.bench.server.BenchOptions;
import io.stageline.bench.server.PassThroughFilter;
import io.stageline.bench.server.TinyServlet;
import io.stageline.jetty.StagelineJetty;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.apache.shiro.web.env.EnvironmentLoaderListener;
import org.apache.shiro.web.servlet.ShiroFilter;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The load benchmark's Jetty server: one root context with sessions (Shiro's authcBasic needs them; every variant
 * gets them so that only the variant differs), the default servlet as standalone Jetty configures it, the tiny
 * servlet on {@code /tiny}, and the variant's filter. Prints a READY line with its pid and port, then runs until
 * killed. Run by integration-tests/bench/run.sh.
 */
public final class JettyBenchServer {
    private JettyBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(BenchOptions.HOST);
        connector.setPort(o.port());
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SESSIONS);
        ctx.setContextPath("/");
        ctx.setBaseResourceAsPath(o.webroot());
        StagelineJetty.addDefaultServlet(ctx);
        ctx.addServlet(new ServletHolder("tiny", new TinyServlet()), "/tiny");
        switch (o.variant()) {
            case PASSTHROUGH -> ctx.addFilter(new FilterHolder(new PassThroughFilter()), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            case SHIRO -> {
                ctx.setInitParameter("shiroConfigLocations", o.shiroConfigLocation());
                ctx.addEventListener(new EnvironmentLoaderListener());
                ctx.addFilter(new FilterHolder(new ShiroFilter()), "/*", EnumSet.of(DispatcherType.REQUEST,
                        DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ERROR));
            }
            case STAGELINE -> StagelineJetty.install(ctx, o.config());
            default -> {
                // bare
            }
        }
        server.setHandler(ctx);
        server.start();
        if (!ctx.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the context did not start (see the log above)");
        }
        o.printReady("jetty", connector.getLocalPort());
        server.join();
    }
}
