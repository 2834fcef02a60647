package io.stageline.jetty;

import io.stageline.engine.CompiledPipeline;
import io.stageline.servlet.ServerWideInitializer;
import io.stageline.servlet.StagelineFilter;
import io.stageline.servlet.StagelineInitializer;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;

/**
 * Embedded Jetty (ee11) helpers.
 *
 * <pre>{@code
 * ServletContextHandler ctx = new ServletContextHandler("/");
 * ctx.setBaseResourceAsPath(webRoot);
 * StagelineJetty.addDefaultServlet(ctx);               // static files as a standalone Jetty serves them
 * StagelineJetty.install(ctx, pipeline);               // or install(ctx, serverConfigPath) for YAML
 * }</pre>
 */
public final class StagelineJetty {
    private StagelineJetty() {
    }

    /** Installs Stageline with a pipeline configured in code. */
    public static void install(ServletContextHandler context, CompiledPipeline pipeline) {
        context.addServletContainerInitializer((classes, ctx) -> StagelineInitializer.install(ctx,
                new StagelineFilter(pipeline)));
    }

    /** Installs Stageline configured by YAML: {@code serverConfig} (may be null) and the app's stageline.yaml. */
    public static void install(ServletContextHandler context, Path serverConfig) {
        context.addServletContainerInitializer(new ServerWideInitializer(serverConfig));
    }

    /**
     * Adds the default servlet on {@code /} with standalone Jetty's settings (embedded contexts do not read
     * webdefault-ee11.xml): no directory listings, and the resource cache standalone Jetty configures.
     */
    public static void addDefaultServlet(ServletContextHandler context) {
        ServletHolder holder = new ServletHolder("default", DefaultServlet.class);
        holder.setInitParameter("dirAllowed", "false");
        holder.setInitParameter("maxCacheSize", "256000000");
        holder.setInitParameter("maxCachedFileSize", "200000000");
        holder.setInitParameter("maxCachedFiles", "2048");
        holder.setInitParameter("useFileMappedBuffer", "true");
        context.addServlet(holder, "/");
    }
}
