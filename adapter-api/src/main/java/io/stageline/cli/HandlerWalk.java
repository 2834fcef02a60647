package io.stageline.cli;

import io.stageline.api.HandlerMapping;
import io.stageline.api.PipelineMode;
import io.stageline.api.RequireAccess;
import io.stageline.cli.Explanation.Check;
import io.stageline.cli.Explanation.HandlerStep;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.engine.Preconditions;
import io.stageline.match.AccessPolicy;
import io.stageline.match.HandlerTable;
import io.stageline.match.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks a compiled {@link HandlerTable} with {@link HandlerTable#explain} beside the effective configuration's list of
 * mappings, so that the mappings the compiler dropped because their precondition does not hold show up in their place
 * (reason {@code precondition}) among those the table skipped (path, verb, not-container-servlet, access).
 */
final class HandlerWalk {
    /** The steps up to the chosen mapping, how many come after it, and {@link HandlerTable#select}'s result. */
    record Result(List<HandlerStep> steps, int notTried, int selection) {
    }

    private HandlerWalk() {
    }

    static Result walk(HandlerTable table, List<HandlerEntry> entries, Function<String, Provenance.Origin> origins,
                       Request request, boolean nonDefault, PipelineMode mode) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            index.put(table.mapping(i).name(), i);
        }
        Verdict[] verdicts = new Verdict[table.size()];
        table.explain(request.path(), request.method(), nonDefault, request.local(), (i, m, v) -> verdicts[i] = v);
        int selection = table.select(request.path(), request.method(), nonDefault, request.local());
        List<HandlerStep> steps = new ArrayList<>();
        int notTried = 0;
        for (int n = 0; n < entries.size(); n++) {
            HandlerEntry e = entries.get(n);
            Integer i = index.get(e.name());
            Provenance.Origin origin = origins.apply(e.name());
            if (i == null) {
                String why = failing(e.preConditions(), mode);
                steps.add(new HandlerStep(n + 1, e.name(), "skipped", "precondition", why.isEmpty()
                        ? "not in the compiled table" : why, origin));
                continue;
            }
            Verdict v = verdicts[i];
            if (v == null) {
                notTried = entries.size() - n;
                break;
            }
            HandlerMapping m = table.mapping(i);
            boolean chosen = v == Verdict.SELECTED;
            steps.add(new HandlerStep(n + 1, e.name(), chosen ? "chosen" : "skipped", reason(v),
                    detail(v, m, table.policy(), request), origin));
            if (chosen) {
                notTried = entries.size() - n - 1;
                break;
            }
        }
        return new Result(List.copyOf(steps), notTried, selection);
    }

    private static String reason(Verdict v) {
        return switch (v) {
            case PATH_MISMATCH -> "path";
            case VERB_MISMATCH -> "verb";
            case NOT_CONTAINER_SERVLET -> "not-container-servlet";
            case ACCESS_DENIED -> "access";
            default -> null;
        };
    }

    private static String detail(Verdict v, HandlerMapping m, AccessPolicy policy, Request r) {
        return switch (v) {
            case PATH_MISMATCH -> "path '" + m.path() + "' does not match " + r.path()
                    + (m.allowPathInfo() ? " (no segment matches, allowPathInfo: true)" : "");
            case VERB_MISMATCH -> r.method() + " is not in verb '" + m.verb() + "'";
            case NOT_CONTAINER_SERVLET -> "servlet \"*\" needs a servlet other than the default one, and the container "
                    + "maps " + r.path() + " to its default servlet";
            case ACCESS_DENIED -> "requireAccess " + access(m.requireAccess()) + " is not granted by accessPolicy '"
                    + policy + "'" + (policy.grants(m.requireAccess(), true) ? " to a remote request (--local: a local "
                    + "one)" : "");
            default -> "path '" + m.path() + "' and verb '" + m.verb() + "' match; requireAccess "
                    + access(m.requireAccess()) + " is granted";
        };
    }

    /** {@code Read} for {@code READ}. */
    static String access(RequireAccess a) {
        return title(a);
    }

    /** An enum constant as configuration writes it: {@code Either} for {@code EITHER}. */
    static String title(Enum<?> e) {
        String n = e.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The failing tokens of a compile-time precondition, e.g. {@code classicMode does not hold (the mode is ...)}. */
    static String failing(List<String> tokens, PipelineMode mode) {
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            Check c = check(t, mode);
            if (!c.holds()) {
                out.add(c.token() + " does not hold (" + c.why() + ")");
            }
        }
        return String.join("; ", out);
    }

    /** Evaluates one deployment-constant precondition token (not {@code managedHandler}). */
    static Check check(String token, PipelineMode mode) {
        String t = Preconditions.canonical(token, true);
        boolean holds = Preconditions.holds(List.of(t), mode);
        String why;
        if ("integratedMode".equals(t) || "classicMode".equals(t)) {
            why = "the mode is " + mode.name().toLowerCase(Locale.ROOT);
        } else if (t.startsWith("bitness")) {
            why = "the JVM is " + System.getProperty("sun.arch.data.model", "64") + "-bit";
        } else {
            why = "the JVM is Java " + Runtime.version().feature();
        }
        return new Check(t, holds, why);
    }
}
