package io.stageline.tomcat;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.ServletContainer;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 for the scenario classes. The connector sets {@code server="StagelineTest"} (Tomcat sends no
 * {@code Server} header unless told to), so the scenarios can show what a filter can and cannot remove.
 */
final class TomcatContainer implements ServletContainer {
    static final String SERVER = "StagelineTest";
    private Tomcat tomcat;

    @Override
    public URI start(Path root, CompiledPipeline pipeline, Map<String, Class<? extends HttpServlet>> servlets)
            throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("stageline-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("server", SERVER);
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", root.toString());
        Tomcat.addDefaultMimeTypeMappings(ctx);
        Tomcat.addServlet(ctx, "default", new DefaultServlet());
        ctx.addServletMappingDecoded("/", "default");
        for (Map.Entry<String, Class<? extends HttpServlet>> s : servlets.entrySet()) {
            String name = s.getValue().getSimpleName();
            Tomcat.addServlet(ctx, name, s.getValue().getDeclaredConstructor().newInstance());
            ctx.addServletMappingDecoded(s.getKey(), name);
        }
        ctx.addServletContainerInitializer((classes, sc) -> sc.setAttribute(StagelineFilter.PIPELINE_ATTRIBUTE,
                pipeline), null);
        ctx.addServletContainerInitializer(new StagelineInitializer(), null);
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED || !ctx.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat did not start");
        }
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Override
    public String serverHeader() {
        return SERVER;
    }

    @Override
    public boolean filterCanRemoveServerHeader() {
        return false;
    }
}
