package io.stageline.config;

import java.util.List;

/**
 * An invalid configuration: carries every problem found in every file (warnings included), not just the first. The
 * message lists one problem per line as {@code file:line:col CODE message}, each followed by its hint when it has one.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigurationException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        long errors = problems.stream().filter(ConfigProblem::isError).count();
        StringBuilder sb = new StringBuilder();
        sb.append(errors).append(" configuration error(s):");
        for (ConfigProblem p : problems) {
            sb.append("\n  ").append(p);
            if (p.hint() != null) {
                sb.append("\n      hint: ").append(p.hint());
            }
        }
        return sb.toString();
    }
}
