package io.stageline.modules.redirect;

import io.stageline.api.ModuleSettings;
import io.stageline.modules.SettingsCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code httpRedirect} settings of one location, and the redirect a path gets.
 *
 * <p>Wildcard rules ({@code - add: "*.php"}, {@code destination: /index.html}): {@code *} matches any run of
 * characters and {@code ?} one character, case-insensitively. A pattern with a {@code /} is matched against the whole
 * path below the configured directory ({@code *} may cross {@code /} there); a pattern without one is matched against
 * the last segment. The rule's destination is used as written, plus the query string unless
 * {@code exactDestination} is true.
 */
public final class RedirectRules {
    private static final Set<String> KEYS = Set.of("enabled", "destination", "exactDestination", "childOnly",
            "httpResponseStatus", "list");

    private record Wildcard(String pattern, String destination) {
    }

    private final boolean enabled;
    private final String destination;
    private final boolean exact;
    private final boolean childOnly;
    private final int status;
    private final Wildcard[] wildcards;
    private final String directory;

    private RedirectRules(boolean enabled, String destination, boolean exact, boolean childOnly, int status,
                          Wildcard[] wildcards, String directory) {
        this.enabled = enabled;
        this.destination = destination;
        this.exact = exact;
        this.childOnly = childOnly;
        this.status = status;
        this.wildcards = wildcards;
        this.directory = directory;
    }

    static RedirectRules parse(ModuleSettings s, String module, String directory) {
        SettingsCheck.onlyKnownKeys(s, module, KEYS);
        String destination = s.getString("destination", "").trim();
        if (destination.indexOf('\r') >= 0 || destination.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("setting 'destination' contains a line break");
        }
        Wildcard[] wildcards = wildcards(s.getList("list"));
        boolean enabled = s.getBoolean("enabled", false);
        if (enabled && destination.isEmpty() && wildcards.length == 0) {
            throw new IllegalArgumentException("httpRedirect is enabled without a destination or wildcard rules");
        }
        return new RedirectRules(enabled, destination, s.getBoolean("exactDestination", false),
                s.getBoolean("childOnly", false), status(s.getString("httpResponseStatus", "Found")), wildcards,
                directory);
    }

    private static int status(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "found", "302" -> 302;
            case "permanent", "301" -> 301;
            case "temporary", "307" -> 307;
            case "permredirect", "308" -> 308;
            default -> throw new IllegalArgumentException("setting 'httpResponseStatus' is '" + v
                    + "', expected Found, Permanent, Temporary or PermRedirect");
        };
    }

    private static Wildcard[] wildcards(List<Object> ops) {
        Map<String, Wildcard> out = new LinkedHashMap<>();
        for (Object op : ops) {
            if ("clear".equals(op) || op instanceof Map<?, ?> c && c.size() == 1 && c.containsKey("clear")) {
                out.clear();
                continue;
            }
            if (!(op instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("setting 'list': '" + op + "' is not clear, add or remove");
            }
            if (m.get("remove") != null) {
                out.remove(String.valueOf(m.get("remove")).toLowerCase(Locale.ROOT));
                continue;
            }
            Object w = m.containsKey("add") ? m.get("add") : m.get("wildcard");
            Object d = m.get("destination");
            if (w == null || w.toString().isBlank() || d == null || d.toString().isBlank()) {
                throw new IllegalArgumentException("setting 'list': " + m + " needs a wildcard and a destination");
            }
            String pattern = w.toString().trim();
            if (out.putIfAbsent(pattern.toLowerCase(Locale.ROOT), new Wildcard(pattern, d.toString().trim())) != null) {
                throw new IllegalArgumentException("setting 'list': duplicate wildcard '" + pattern + "'");
            }
        }
        return out.values().toArray(new Wildcard[0]);
    }

    public boolean enabled() {
        return enabled;
    }

    public int status() {
        return status;
    }

    /** The redirect target for a canonical path under this location, or null when the request is not redirected. */
    public String target(String path, String query) {
        if (!enabled) {
            return null;
        }
        String rest = below(path);
        if (rest == null || childOnly && rest.indexOf('/', 1) >= 0) {
            return null;
        }
        String q = exact || query == null || query.isEmpty() ? "" : "?" + query;
        if (!destination.isEmpty()) {
            if (exact) {
                return destination;
            }
            String d = destination.endsWith("/") && rest.startsWith("/") ? destination.substring(0,
                    destination.length() - 1) : destination;
            return d + rest + q;
        }
        for (Wildcard w : wildcards) {
            String subject = w.pattern().indexOf('/') >= 0 ? rest : rest.substring(rest.lastIndexOf('/') + 1);
            if (matches(w.pattern(), subject)) {
                return w.destination() + q;
            }
        }
        return null;
    }

    /** The path below the configured directory ({@code ""} or starting with {@code /}), or null when not below it. */
    private String below(String path) {
        if (directory.isEmpty()) {
            return path;
        }
        if (!path.regionMatches(true, 0, directory, 0, directory.length())) {
            return null;
        }
        String rest = path.substring(directory.length());
        return rest.isEmpty() || rest.startsWith("/") ? rest : null;
    }

    static boolean matches(String pattern, String s) {
        return matches(pattern.toLowerCase(Locale.ROOT), 0, s.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = s.length(); k >= si; k--) {
                    if (matches(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || c != '?' && c != s.charAt(si)) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** The wildcard patterns, in order (for tests and explain output). */
    public List<String> wildcardPatterns() {
        List<String> out = new ArrayList<>();
        for (Wildcard w : wildcards) {
            out.add(w.pattern());
        }
        return out;
    }
}
