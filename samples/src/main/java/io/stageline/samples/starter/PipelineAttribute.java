package io.stageline.samples.starter;

import io.stageline.servlet.PipelineSource;
import io.stageline.servlet.StagelineFilter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Hands the launcher's pipeline source to the application: sets {@link StagelineFilter#PIPELINE_ATTRIBUTE}, which the filter
 * that {@link io.stageline.servlet.StagelineInitializer} installs reads at init.
 */
public final class PipelineAttribute implements ServletContainerInitializer {
    private final PipelineSource pipeline;

    public PipelineAttribute(PipelineSource pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        ctx.setAttribute(StagelineFilter.PIPELINE_ATTRIBUTE, pipeline);
    }
}
