package io.stageline.cli;

import io.stageline.config.ConfigProblem;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * How the command prints configuration problems, one per line:
 * <pre>{@code
 * web/WEB-INF/stageline.yaml:3:3 SL-CFG-004 error: unknown key 'showFlags' in 'directoryBrowse'
 *     hint: known keys: enabled
 * - SL-CFG-021 warning: classic mode ignores the managed modules in 'modules:' (...): Timing
 * }</pre>
 * The place is {@code file:line:col}, just {@code file} when the line is unknown, or {@code -} when the problem has
 * no place; then the stable code, {@code error} or {@code warning}, a colon and the message. A hint, when the problem
 * has one, follows on its own line indented by four spaces.
 */
final class ProblemFormat {
    private ProblemFormat() {
    }

    static String line(ConfigProblem p) {
        return p.position() + " " + p.code() + " " + p.severity().name().toLowerCase(Locale.ROOT) + ": " + p.message();
    }

    static void print(List<ConfigProblem> problems, PrintStream out) {
        for (ConfigProblem p : problems) {
            out.println(line(p));
            if (p.hint() != null) {
                out.println("    hint: " + p.hint());
            }
        }
    }

    /** {@code "2 errors, 1 warning"}. */
    static String counts(List<ConfigProblem> problems) {
        long errors = problems.stream().filter(ConfigProblem::isError).count();
        long warnings = problems.size() - errors;
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
