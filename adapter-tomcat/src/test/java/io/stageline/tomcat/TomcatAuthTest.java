package io.stageline.tomcat;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.AuthScenarios;
import io.stageline.servlet.ContainerScenarios;
import io.stageline.servlet.ScenarioServlets;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/** The authentication and authorization scenarios on embedded Tomcat 11. */
class TomcatAuthTest extends AuthScenarios {
    @Override
    protected Running start(Path root, CompiledPipeline pipeline) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("stageline-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context ctx = tomcat.addContext("", root.toString());
        Tomcat.addDefaultMimeTypeMappings(ctx);
        Tomcat.addServlet(ctx, "default", new DefaultServlet());
        ctx.addServletMapping("/", "default");
        Tomcat.addServlet(ctx, ContainerScenarios.LEGACY, new ScenarioServlets.Legacy());
        ctx.addServletMapping("/legacy/*", ContainerScenarios.LEGACY);
        ctx.addServletContainerInitializer((classes, sc) -> sc.setAttribute(StagelineFilter.PIPELINE_ATTRIBUTE,
                pipeline), null);
        ctx.addServletContainerInitializer(new StagelineInitializer(), null);
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED || !ctx.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat did not start");
        }
        URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
        return new Running() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public void close() throws Exception {
                tomcat.stop();
                tomcat.destroy();
            }
        };
    }
}
