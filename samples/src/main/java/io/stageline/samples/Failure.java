package io.stageline.samples;

import java.net.BindException;

/**
 * Why a container did not start, as the launcher reports it: the exit status and the text for stderr.
 *
 * <p>The starter runs in the container's class loader, so Stageline's exception classes are not the launcher's: they are
 * recognised by class name, anywhere in the cause chain.
 *
 * @param status     the exit status: {@link #CONFIGURATION} or {@link #USAGE}, else {@link #INTERNAL}
 * @param message    the text after the {@code stageline-samples: } prefix (the configuration problems are one per line)
 * @param unexpected the stack trace is worth printing
 */
record Failure(int status, String message, boolean unexpected) {
    /** The pipeline configuration cannot be compiled. */
    static final int CONFIGURATION = 1;
    /** Something else went wrong (a bug, a web application that fails to deploy). */
    static final int INTERNAL = 1;
    /** The command line, the web application directory or the port cannot be used. */
    static final int USAGE = 2;

    static final String PIPELINE_CONFIGURATION_EXCEPTION = "io.stageline.engine.PipelineConfigurationException";
    static final String YAML_CONFIGURATION_EXCEPTION = "io.stageline.config.ConfigurationException";

    static Failure of(Throwable error, LaunchOptions options) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals(YAML_CONFIGURATION_EXCEPTION)) {
                return new Failure(CONFIGURATION, "the configuration is invalid:\n" + t.getMessage(), false);
            }
            if (t.getClass().getName().equals(PIPELINE_CONFIGURATION_EXCEPTION)) {
                return new Failure(CONFIGURATION, "the pipeline configuration is invalid: " + t.getMessage(), false);
            }
            if (t instanceof BindException) {
                return new Failure(USAGE, "cannot listen on 127.0.0.1:" + options.port() + ": " + t.getMessage(), false);
            }
        }
        String detail = error.getMessage() == null ? error.toString() : error.getMessage();
        return new Failure(INTERNAL, options.container().id() + " did not start: " + detail, true);
    }
}
