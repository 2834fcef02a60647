package io.stageline.servlet;

import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.ServletContext;

/**
 * Where the filter gets the compiled pipeline of an application. The default source compiles the built-in defaults;
 * the YAML loader and the container adapters supply their own.
 */
@FunctionalInterface
public interface PipelineSource {

    /** Compiles the pipeline for the application; an exception fails the application's start. */
    CompiledPipeline load(ServletContext context) throws Exception;
}
