package io.stageline.samples.jetty;

import io.stageline.samples.starter.PipelineAttribute;
import io.stageline.samples.starter.StarterSettings;
import io.stageline.servlet.PipelineSource;
import io.stageline.servlet.StagelineInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.eclipse.jetty.ee.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs an exploded web application on embedded Jetty 12.1 (ee11) with Stageline installed. Loaded by the launcher
 * from {@code lib/jetty} (see {@code io.stageline.samples.Launcher} for the starter contract).
 *
 * <p>A {@link WebAppContext}, so the application gets what standalone Jetty gives it: {@code WEB-INF/web.xml},
 * {@code WEB-INF/classes} and {@code WEB-INF/lib}, protected {@code WEB-INF}/{@code META-INF}, and the webdefault
 * descriptor (the default servlet with its resource cache, the MIME map), except that directory listings are off.
 */
@SuppressWarnings("try") // close() throws what Jetty's stop() throws; the launcher calls it, not a try-with-resources
public final class JettyStarter implements ToIntFunction<Map<String, String>>, AutoCloseable {
    /** Read by Jetty's DefaultServlet before its own init-parameter (the webdefault descriptor says true). */
    private static final String DIR_ALLOWED = "org.eclipse.jetty.servlet.Default.dirAllowed";

    private Server server;
    private WebAppClassLoader webappLoader;

    @Override
    public int applyAsInt(Map<String, String> settings) {
        StarterSettings s = StarterSettings.from(settings);
        s.validate(settings);
        PipelineSource pipeline = s.pipelineSource();
        try {
            return start(s, pipeline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    private int start(StarterSettings s, PipelineSource pipeline) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(StarterSettings.HOST);
        connector.setPort(s.port());
        server.addConnector(connector);

        WebAppContext context = new WebAppContext();
        context.setContextPath(s.contextPath().isEmpty() ? "/" : s.contextPath());
        context.setBaseResourceAsPath(s.webapp());
        context.setTempDirectory(Files.createDirectories(s.workDir().resolve("jetty")).toFile());
        webappLoader = new WebAppClassLoader(JettyStarter.class.getClassLoader(), context);
        context.setClassLoader(webappLoader);
        context.setInitParameter(DIR_ALLOWED, "false");
        context.setThrowUnavailableOnStartupException(true);
        context.addServletContainerInitializer(new PipelineAttribute(pipeline));
        context.addServletContainerInitializer(new StagelineInitializer());
        server.setHandler(context);

        server.start();
        if (!context.isAvailable()) {
            throw new IllegalStateException("the web application " + s.webapp() + " did not start (see the log above)");
        }
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            if (webappLoader != null) {
                webappLoader.close();
            }
        }
    }
}
