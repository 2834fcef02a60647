package io.stageline.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Replaces {@code ${env:NAME}} (an environment variable) and {@code ${file:path}} (a file's content, one trailing
 * newline dropped; a relative path is resolved against the configuration file's directory) inside scalar values.
 * <code>$${</code> writes a literal <code>${</code>. Any other {@code ${...}} and anything that cannot be resolved is an error.
 */
final class Substitutions {
    private final Function<String, String> env;
    private final Path baseDir;

    Substitutions(Function<String, String> env, Path baseDir) {
        this.env = env;
        this.baseDir = baseDir;
    }

    /** The text with its references replaced, or null when one cannot be resolved (reported). */
    String apply(String text, Position at, Problems problems) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (!text.startsWith("${", i)) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = text.indexOf('}', i);
            if (end < 0) {
                problems.add(ProblemCode.UNRESOLVED_SUBSTITUTION, at, "unterminated substitution in '" + text + "'",
                        "write ${env:NAME} or ${file:path}; $${ writes a literal ${");
                return null;
            }
            String value = resolve(text.substring(i + 2, end), at, problems);
            if (value == null) {
                return null;
            }
            out.append(value);
            i = end + 1;
        }
        return out.toString();
    }

    private String resolve(String ref, Position at, Problems problems) {
        if (ref.startsWith("env:")) {
            String name = ref.substring(4);
            String v = name.isEmpty() ? null : env.apply(name);
            if (v == null) {
                problems.add(ProblemCode.UNRESOLVED_SUBSTITUTION, at, "environment variable '" + name + "' is not set",
                        "set it before starting the server, or write the value without ${env:...}");
            }
            return v;
        }
        if (ref.startsWith("file:")) {
            return readFile(ref.substring(5), at, problems);
        }
        problems.add(ProblemCode.UNRESOLVED_SUBSTITUTION, at, "unknown substitution '${" + ref + "}'",
                "only ${env:NAME} and ${file:path} are supported; $${ writes a literal ${");
        return null;
    }

    private String readFile(String name, Position at, Problems problems) {
        Path p = Path.of(name);
        if (!p.isAbsolute()) {
            if (baseDir == null) {
                problems.add(ProblemCode.UNRESOLVED_SUBSTITUTION, at, "file '" + name + "' is relative, but this "
                        + "configuration has no directory to resolve it against", "use an absolute path");
                return null;
            }
            p = baseDir.resolve(p);
        }
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            if (s.endsWith("\r\n")) {
                return s.substring(0, s.length() - 2);
            }
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException | RuntimeException e) {
            problems.add(ProblemCode.UNRESOLVED_SUBSTITUTION, at, "cannot read file '" + p + "' for ${file:" + name
                    + "}: " + e.getClass().getSimpleName(), null);
            return null;
        }
    }
}
