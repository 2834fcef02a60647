package io.stageline.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: options ({@code --name value}, {@code --name=value}, or a flag without value) and
 * positional arguments, in any order; {@code --} ends the options. Everything is checked before the command runs, so
 * a mistake is always a {@link UsageException} with a one-line message.
 */
final class Args {
    private final Map<String, String> values;
    private final List<String> positional;

    private Args(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /**
     * Parses {@code args[from..]}.
     *
     * @param withValue the options that take a value, e.g. {@code --server}
     * @param flags     the options that take none, e.g. {@code --dry-run}
     */
    static Args parse(String[] args, int from, Set<String> withValue, Set<String> flags) throws UsageException {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        boolean options = true;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!options || !arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                options = false;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            String value;
            if (flags.contains(name)) {
                if (eq > 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "";
            } else if (!withValue.contains(name)) {
                throw new UsageException("unknown option " + name);
            } else if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option " + name + " is given twice");
            }
        }
        return new Args(values, List.copyOf(positional));
    }

    /** The value of an option, or null when it is not given. */
    String value(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The positional arguments; throws unless there are exactly as many as {@code names} lists. */
    List<String> positional(String command, String... names) throws UsageException {
        if (positional.size() == names.length) {
            return positional;
        }
        String expected = String.join(" ", names);
        if (names.length == 0) {
            throw new UsageException(command + " takes no arguments, but got '" + positional.get(0) + "'");
        }
        if (positional.size() < names.length) {
            throw new UsageException(command + " needs " + expected + " (missing " + names[positional.size()] + ")");
        }
        throw new UsageException(command + " takes " + expected + ", but got an extra argument '"
                + positional.get(names.length) + "'");
    }
}
