package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.engine.PipelineConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureTest {
    private static final LaunchOptions OPTIONS = new LaunchOptions(Container.TOMCAT, null, null, "", 8081, null,
            "integrated", false);

    @Test
    void recognisedClassNameIsTheRealOne() {
        assertEquals(PipelineConfigurationException.class.getName(), Failure.PIPELINE_CONFIGURATION_EXCEPTION);
    }

    @Test
    void pipelineConfigurationErrorExitsWith1AndListsEveryProblem() {
        Failure f = Failure.of(new IllegalStateException("wrapped", new PipelineConfigurationException(
                List.of("module Auth: unknown stage 'Begin'", "handler Reports: no path"))), OPTIONS);
        assertEquals(1, f.status());
        assertEquals("the pipeline configuration is invalid: 2 configuration problem(s):\n"
                + "  module Auth: unknown stage 'Begin'\n  handler Reports: no path", f.message());
        assertFalse(f.unexpected());
    }

    @Test
    void portThatCannotBeBoundExitsWith2() {
        Failure f = Failure.of(new UncheckedIOException(new IOException("Failed to bind",
                new BindException("Address already in use"))), OPTIONS);
        assertEquals(new Failure(2, "cannot listen on 127.0.0.1:8081: Address already in use", false), f);
    }

    @Test
    void anythingElseExitsWith1WithItsStackTrace() {
        Failure f = Failure.of(new IllegalStateException("the web application /x did not start"), OPTIONS);
        assertEquals(new Failure(1, "tomcat did not start: the web application /x did not start", true), f);
        assertTrue(Failure.of(new NoClassDefFoundError(), OPTIONS).message().startsWith("tomcat did not start: "));
    }
}
