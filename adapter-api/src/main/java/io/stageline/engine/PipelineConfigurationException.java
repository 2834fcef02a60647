package io.stageline.engine;

import java.util.List;

/** A configuration that cannot be compiled; carries every problem found, not just the first. */
public final class PipelineConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public PipelineConfigurationException(List<String> problems) {
        super(problems.size() + " configuration problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
