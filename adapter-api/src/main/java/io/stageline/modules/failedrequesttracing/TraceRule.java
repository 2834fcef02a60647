package io.stageline.modules.failedrequesttracing;

import io.stageline.api.Durations;
import io.stageline.match.PathMask;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One {@code traceFailedRequests} rule: a path (a mask relative to the application, as handler paths are: without
 * {@code /} it matches the last segment, {@code *} is everything) and its failure definition, status codes and/or
 * time taken. Any one condition makes the request failed.
 */
record TraceRule(String path, PathMask mask, StatusCodes statusCodes, Duration timeTaken) {
    private static final Set<String> KEYS = Set.of("path", "statusCodes", "timeTaken");

    static TraceRule parse(Object raw, int index) {
        String where = "rule " + (index + 1);
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " is '" + raw + "', expected a map with path, statusCodes, "
                    + "timeTaken");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: path, statusCodes, "
                        + "timeTaken)");
            }
        }
        String path = m.get("path") == null ? "*" : m.get("path").toString().trim();
        PathMask mask;
        try {
            mask = PathMask.compile(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": path '" + path + "': " + e.getMessage(), e);
        }
        StatusCodes codes = null;
        if (m.get("statusCodes") != null) {
            try {
                codes = StatusCodes.parse(m.get("statusCodes").toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        Duration taken = null;
        if (m.get("timeTaken") != null) {
            taken = Durations.parse(m.get("timeTaken").toString());
            if (taken == null) {
                throw new IllegalArgumentException(where + ": timeTaken '" + m.get("timeTaken")
                        + "' is not a duration such as 250ms, 30s or 2m");
            }
            if (taken.isZero()) {
                taken = null;
            }
        }
        if (codes == null && taken == null) {
            throw new IllegalArgumentException(where + " (path '" + path + "') has no failure definition: give "
                    + "statusCodes, timeTaken or both");
        }
        return new TraceRule(path, mask, codes, taken);
    }

    boolean appliesTo(String path) {
        return mask.matches(path);
    }

    /** Why the request failed under this rule, or null when it did not. */
    String failure(int status, int subStatus, long elapsedNanos) {
        if (statusCodes != null && statusCodes.matches(status, subStatus)) {
            return "status " + status + "." + subStatus + " is in statusCodes " + statusCodes;
        }
        if (timeTaken != null && elapsedNanos > timeTaken.toNanos()) {
            return "time taken " + elapsedNanos / 1_000_000 + " ms is over timeTaken " + timeTaken.toMillis() + " ms";
        }
        return null;
    }
}
