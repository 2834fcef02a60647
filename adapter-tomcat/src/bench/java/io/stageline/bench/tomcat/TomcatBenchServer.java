package io.stageline.bench.tomcat;

import io.stageline.bench.server.BenchOptions;
import io.stageline.bench.server.PassThroughFilter;
import io.stageline.bench.server.TinyServlet;
import io.stageline.tomcat.StagelineTomcat;
import jakarta.servlet.Filter;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.shiro.web.env.EnvironmentLoaderListener;
import org.apache.shiro.web.servlet.ShiroFilter;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The load benchmark's Tomcat server: one root context, the default servlet and MIME mappings a standalone Tomcat
 * has, the tiny servlet on {@code /tiny}, and the variant's filter; keep-alive connections are never closed by count
 * (Tomcat's default closes one after 100 requests, Jetty's does not). Prints a READY line with its pid and port, then
 * runs until killed. Run by integration-tests/bench/run.sh.
 */
public final class TomcatBenchServer {
    private TomcatBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(o.workdir().toString());
        Connector connector = new Connector();
        connector.setPort(o.port());
        connector.setProperty("address", BenchOptions.HOST);
        connector.setProperty("maxKeepAliveRequests", "-1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", o.webroot().toString());
        StandardManager manager = new StandardManager();
        manager.setPathname(null);
        ctx.setManager(manager);
        StagelineTomcat.addDefaultServlet(ctx);
        Tomcat.addServlet(ctx, "tiny", new TinyServlet()).addMapping("/tiny");
        switch (o.variant()) {
            case PASSTHROUGH -> addFilter(ctx, "passthrough", new PassThroughFilter(), "REQUEST");
            case SHIRO -> {
                ctx.addParameter("shiroConfigLocations", o.shiroConfigLocation());
                ((StandardContext) ctx).addApplicationLifecycleListener(new EnvironmentLoaderListener());
                addFilter(ctx, "shiro", new ShiroFilter(), "REQUEST", "FORWARD", "INCLUDE", "ERROR");
            }
            case STAGELINE -> StagelineTomcat.install(ctx, o.config());
            default -> {
                // bare
            }
        }
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED || !ctx.getState().isAvailable()) {
            tomcat.stop();
            throw new IllegalStateException("Tomcat did not start: connector " + connector.getState() + ", context "
                    + ctx.getState() + " (see the log above)");
        }
        o.printReady("tomcat", connector.getLocalPort());
        tomcat.getServer().setPort(-1);    // await() without a shutdown socket: the script stops us with SIGTERM
        tomcat.getServer().await();
    }

    private static void addFilter(Context ctx, String name, Filter filter, String... dispatchers) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        def.setFilterClass(filter.getClass().getName());
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPattern("/*");
        for (String d : dispatchers) {
            map.setDispatcher(d);
        }
        ctx.addFilterMap(map);
    }
}
