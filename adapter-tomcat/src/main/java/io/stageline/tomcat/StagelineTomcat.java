package io.stageline.tomcat;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.ServerWideInitializer;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat helpers.
 *
 * <pre>{@code
 * Context ctx = tomcat.addContext("", webRoot.toString());
 * StagelineTomcat.addDefaultServlet(ctx);                  // static files as a standalone Tomcat serves them
 * StagelineTomcat.install(ctx, pipeline);                  // or install(ctx, serverConfigPath) for YAML
 * }</pre>
 */
public final class StagelineTomcat {
    private StagelineTomcat() {
    }

    /** Installs Stageline with a pipeline configured in code. */
    public static void install(Context context, CompiledPipeline pipeline) {
        context.addServletContainerInitializer((classes, ctx) -> StagelineInitializer.install(ctx,
                new StagelineFilter(pipeline)), null);
    }

    /** Installs Stageline configured by YAML: {@code serverConfig} (may be null) and the app's stageline.yaml. */
    public static void install(Context context, Path serverConfig) {
        context.addServletContainerInitializer(new ServerWideInitializer(serverConfig), null);
    }

    /**
     * Adds what {@code Tomcat.addContext} leaves out and a standalone Tomcat has: the default servlet on {@code /}
     * (named {@code default}, no listings) and the default MIME mappings.
     */
    public static void addDefaultServlet(Context context) {
        Tomcat.addDefaultMimeTypeMappings(context);
        Tomcat.addServlet(context, "default", new DefaultServlet()).addInitParameter("listings", "false");
        context.addServletMapping("/", "default");
    }
}
