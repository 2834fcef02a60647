package io.stageline.servlet;

import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Installs the Stageline filter for {@code /*}, before every filter the application declares, when the application
 * has a {@code WEB-INF/stageline.yaml}: dropping the jar into {@code WEB-INF/lib} is the whole installation.
 *
 * <p>Where the filter's pipeline comes from is decided when the filter starts (so a listener may still set the
 * attribute): a {@link CompiledPipeline} or {@link PipelineSource} in the context attribute
 * {@link StagelineFilter#PIPELINE_ATTRIBUTE} (embedded use) wins; otherwise the YAML configuration is loaded by a
 * {@link YamlPipelineSource}, with the server-level file named by the context attribute
 * {@value #SERVER_CONFIG_PATH_ATTRIBUTE} when an adapter set one (a {@link Path}, {@link File} or string), else
 * only by the system property {@value YamlPipelineSource#SERVER_CONFIG_PROPERTY}.
 */
public final class StagelineInitializer implements ServletContainerInitializer {
    /** The application-level configuration file. */
    public static final String CONFIG_PATH = "/WEB-INF/stageline.yaml";
    /** The filter's registration name. */
    public static final String FILTER_NAME = "stageline";
    /** Servlet-context attribute an adapter may set to the conventional server-level file of its container. */
    public static final String SERVER_CONFIG_PATH_ATTRIBUTE = "io.stageline.serverConfigPath";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        try {
            if (ctx.getResource(CONFIG_PATH) == null) {
                return;
            }
        } catch (MalformedURLException e) {
            return;
        }
        install(ctx, new StagelineFilter(StagelineInitializer::loadPipeline));
    }

    /** The pipeline attribute when an embedding application set one, else the application's YAML configuration. */
    static CompiledPipeline loadPipeline(ServletContext ctx) throws Exception {
        Object attr = ctx.getAttribute(StagelineFilter.PIPELINE_ATTRIBUTE);
        if (attr instanceof CompiledPipeline p) {
            return p;
        }
        if (attr instanceof PipelineSource s) {
            return s.load(ctx);
        }
        return new YamlPipelineSource(serverConfigPath(ctx)).load(ctx);
    }

    /** The conventional server-level file an adapter named in {@value #SERVER_CONFIG_PATH_ATTRIBUTE}, or null. */
    static Path serverConfigPath(ServletContext ctx) {
        Object v = ctx.getAttribute(SERVER_CONFIG_PATH_ATTRIBUTE);
        if (v instanceof Path p) {
            return p;
        }
        if (v instanceof File f) {
            return f.toPath();
        }
        if (v instanceof String s && !s.isBlank()) {
            return Path.of(s.trim());
        }
        return null;
    }

    /** Registers the filter on {@code /*} for REQUEST dispatches, first in the chain; false when already installed. */
    public static boolean install(ServletContext ctx, StagelineFilter filter) {
        if (ctx.getFilterRegistration(FILTER_NAME) != null) {
            return false;
        }
        FilterRegistration.Dynamic reg = ctx.addFilter(FILTER_NAME, filter);
        if (reg == null) {
            return false;
        }
        reg.setAsyncSupported(true);
        reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        ctx.addListener(new RequestEndListener());
        return true;
    }
}
