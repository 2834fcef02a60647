package io.stageline.tomcat;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import io.stageline.servlet.TestContainer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat 11 with its default connector settings, for the shared scenario classes. */
final class TomcatTestContainer implements TestContainer {
    private final BiConsumer<Tomcat, Context> customizer;
    private Tomcat tomcat;

    TomcatTestContainer() {
        this((t, ctx) -> { });
    }

    /** {@code customizer} adjusts the server and the application's context (for example a realm) before they start. */
    TomcatTestContainer(BiConsumer<Tomcat, Context> customizer) {
        this.customizer = customizer;
    }

    @Override
    public URI start(Path root, String contextPath, CompiledPipeline pipeline, List<ServletSpec> servlets)
            throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("stageline-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext(contextPath, root.toString());
        Tomcat.addDefaultMimeTypeMappings(ctx);
        Tomcat.addServlet(ctx, "default", new DefaultServlet());
        ctx.addServletMappingDecoded("/", "default");
        for (ServletSpec s : servlets) {
            Tomcat.addServlet(ctx, s.name(), s.servlet());
            for (String mapping : s.mappings()) {
                ctx.addServletMappingDecoded(mapping, s.name());
            }
        }
        ctx.addServletContainerInitializer((classes, sc) -> installed(StagelineInitializer.install(sc,
                new StagelineFilter(pipeline))), null);
        customizer.accept(tomcat, ctx);
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED || !ctx.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat did not start");
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
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Override
    public String name() {
        return "tomcat";
    }
}
