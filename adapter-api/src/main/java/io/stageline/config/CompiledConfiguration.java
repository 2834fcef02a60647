package io.stageline.config;

import io.stageline.engine.CompiledPipeline;
import java.util.List;

/** The compiled pipeline and every warning found while loading and compiling it (to print at startup). */
public record CompiledConfiguration(CompiledPipeline pipeline, List<ConfigProblem> warnings) {
}
