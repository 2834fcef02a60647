package io.stageline.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.net.MalformedURLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Installs the Stageline filter for {@code /*}, before every filter the application declares, when the application
 * has a {@code WEB-INF/stageline.yaml}: dropping the jar into {@code WEB-INF/lib} is the whole installation.
 */
public final class StagelineInitializer implements ServletContainerInitializer {
    /** The application-level configuration file. */
    public static final String CONFIG_PATH = "/WEB-INF/stageline.yaml";
    /** The filter's registration name. */
    public static final String FILTER_NAME = "stageline";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        try {
            if (ctx.getResource(CONFIG_PATH) == null) {
                return;
            }
        } catch (MalformedURLException e) {
            return;
        }
        install(ctx, new StagelineFilter());
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
        return true;
    }
}
