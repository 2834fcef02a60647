package io.stageline.samples.tomcat;

import io.stageline.samples.starter.PipelineAttribute;
import io.stageline.samples.starter.StarterSettings;
import io.stageline.servlet.PipelineSource;
import io.stageline.servlet.StagelineInitializer;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Runs an exploded web application on embedded Tomcat 11 with Stageline installed. Loaded by the launcher from
 * {@code lib/tomcat} (see {@code io.stageline.samples.Launcher} for the starter contract).
 *
 * <p>{@code addWebapp} with Tomcat's own {@link ContextConfig} (the whole {@code WEB-INF/web.xml}), but without the
 * embedded defaults, which name Jasper's JSP servlet (not carried here): {@link #addWebappDefaults} adds the rest.
 * Tomcat does not throw when the port cannot be bound or the application fails, so the connector's and the context's
 * states are checked after {@code start()}.
 */
public final class TomcatStarter implements ToIntFunction<Map<String, String>>, AutoCloseable {
    private Tomcat tomcat;

    @Override
    public int applyAsInt(Map<String, String> settings) {
        StarterSettings s = StarterSettings.from(settings);
        s.validate(settings);
        PipelineSource pipeline = s.pipelineSource();
        try {
            return start(s, pipeline);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    private int start(StarterSettings s, PipelineSource pipeline) throws LifecycleException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(s.workDir().resolve("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(s.port());
        connector.setProperty("address", StarterSettings.HOST);
        tomcat.setConnector(connector);

        // As on Jetty, a servlet that fails its load-on-startup fails the application instead of leaving it half up.
        ((StandardHost) tomcat.getHost()).setFailCtxIfServletStartFails(true);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        Context ctx = tomcat.addWebapp(tomcat.getHost(), s.contextPath(), s.webapp().toString(), config);
        // The web application's class loader must see the Servlet API and Stageline: both are in this loader.
        ctx.setParentClassLoader(TomcatStarter.class.getClassLoader());
        // No web fragments or annotations to find in the container's own jars: skip scanning them.
        ((StandardJarScanner) ctx.getJarScanner()).setScanClassPath(false);
        StandardManager sessions = new StandardManager();
        sessions.setPathname(null);
        ctx.setManager(sessions);
        addWebappDefaults(ctx);
        ctx.addServletContainerInitializer(new PipelineAttribute(pipeline), null);
        ctx.addServletContainerInitializer(new StagelineInitializer(), null);

        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED) {
            throw new UncheckedIOException(new BindException("Tomcat's connector did not start (see the log above)"));
        }
        if (!ctx.getState().isAvailable()) {
            throw new IllegalStateException("the web application " + s.webapp() + " did not start (see the log above)");
        }
        return connector.getLocalPort();
    }

    /**
     * What Tomcat's default web.xml gives every application ({@link Tomcat#initWebappDefaults(Context)}), with a
     * {@link NoJspServlet} in place of Jasper's: the default servlet, the JSP mappings, the MIME map, the welcome files.
     */
    private static void addWebappDefaults(Context ctx) {
        Wrapper servlet = Tomcat.addServlet(ctx, "default", DefaultServlet.class.getName());
        servlet.addInitParameter("listings", "false");
        servlet.setLoadOnStartup(1);
        servlet.setOverridable(true);
        Wrapper jsp = Tomcat.addServlet(ctx, "jsp", NoJspServlet.class.getName());
        jsp.setOverridable(true);
        ctx.addServletMapping("/", "default");
        ctx.addServletMapping("*.jsp", "jsp");
        ctx.addServletMapping("*.jspx", "jsp");
        Tomcat.addDefaultMimeTypeMappings(ctx);
        for (String welcome : new String[] {"index.html", "index.htm", "index.jsp"}) {
            ctx.addWelcomeFile(welcome);
        }
    }

    @Override
    public void close() throws LifecycleException {
        if (tomcat != null) {
            try {
                tomcat.stop();
            } finally {
                tomcat.destroy();
            }
        }
    }
}
