package io.stageline.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while a configuration is read, merged and compiled. */
final class Problems {
    private final List<ConfigProblem> list = new ArrayList<>();

    /** Adds a problem; the same problem twice (a location entry merged for several paths) is kept once. */
    void add(ConfigProblem problem) {
        if (!list.contains(problem)) {
            list.add(problem);
        }
    }

    void add(ProblemCode code, Position at, String message) {
        add(ConfigProblem.of(code, at, message, null));
    }

    void add(ProblemCode code, Position at, String message, String hint) {
        add(ConfigProblem.of(code, at, message, hint));
    }

    int size() {
        return list.size();
    }

    /** Puts the problems found since {@code from} (one file's) in document order; stable for equal positions. */
    void sortFrom(int from) {
        list.subList(from, list.size()).sort(Comparator.comparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column));
    }

    boolean hasErrors() {
        for (ConfigProblem p : list) {
            if (p.isError()) {
                return true;
            }
        }
        return false;
    }

    List<ConfigProblem> all() {
        return List.copyOf(list);
    }

    List<ConfigProblem> warnings() {
        List<ConfigProblem> w = new ArrayList<>();
        for (ConfigProblem p : list) {
            if (!p.isError()) {
                w.add(p);
            }
        }
        return List.copyOf(w);
    }

    void throwIfErrors() {
        if (hasErrors()) {
            throw new ConfigurationException(list);
        }
    }
}
