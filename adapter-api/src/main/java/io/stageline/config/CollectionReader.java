package io.stageline.config;

import io.stageline.api.Durations;
import io.stageline.config.ConfigFile.CollectionOp;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.engine.PathCanonicalizer;
import io.stageline.match.PathMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the collections of the built-in modules' sections: each entry is {@code - clear}, or a map whose first key is
 * the operation ({@code add}, {@code remove}; {@code allow}/{@code deny} in {@code managedAuthorization}) with the
 * entry's other keys beside it or under it, as each module documents. Every entry is checked where it is written; a
 * bad entry is reported and left out. The operation is kept as written for the module, with the collection key the
 * configuration layer uses to find duplicates ({@link Merger}).
 */
final class CollectionReader extends NodeReader {
    /** Reads one add/remove entry (not clear) of a collection; null when invalid (reported). */
    interface Reader {
        CollectionOp op(YNode.MapNode m, String verb, String where);
    }

    CollectionReader(Problems problems) {
        super(problems);
    }

    List<CollectionOp> read(YNode n, String key, Reader reader) {
        YNode.ListNode list = list(n, key);
        if (list == null) {
            return List.of();
        }
        List<CollectionOp> out = new ArrayList<>();
        for (YNode item : list.items()) {
            CollectionOp op = null;
            if (item instanceof YNode.Scalar s && "clear".equals(s.value())) {
                op = new CollectionOp(ListOp.Kind.CLEAR, null, "clear", item.pos());
            } else if (item instanceof YNode.MapNode m && !m.entries().isEmpty()) {
                op = reader.op(m, m.entries().get(0).key(), key);
            } else {
                problems.add(ProblemCode.BAD_VALUE, item.pos(), "an entry of " + key + " must be an operation",
                        "write '- add: ...', '- remove: ...' or '- clear'");
            }
            if (op != null) {
                out.add(op);
            }
        }
        return List.copyOf(out);
    }

    private CollectionOp wrongVerb(YNode.MapNode m, String verb, String where, String allowed) {
        problems.add(ProblemCode.BAD_VALUE, m.entries().get(0).keyPos(), "an entry of " + where + " must start with "
                + allowed + ", not '" + verb + "'", "write '- " + allowed.split(",| or ")[0].trim() + ": ...' or "
                + "'- clear'");
        return null;
    }

    // ---- authorization ----

    /** IIS rules: {@code add: {accessType, users, roles, verbs}}, {@code remove: {users, roles, verbs}}. */
    CollectionOp urlAuthorization(YNode.MapNode m, String verb, String where) {
        if (!"add".equals(verb) && !"remove".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        Fields f = new Fields(m, "an entry of " + where, List.of(verb));
        YNode.MapNode rule = map(f.get(verb), verb);
        if (rule == null) {
            return null;
        }
        boolean add = "add".equals(verb);
        Fields r = new Fields(rule, "an authorization rule", add ? List.of("accessType", "users", "roles", "verbs")
                : List.of("users", "roles", "verbs"));
        boolean ok = true;
        if (add) {
            YNode type = r.required("accessType", "an authorization add rule");
            ok = type != null && choice(type, "accessType", "Allow", "Deny") != null;
        }
        String key = ruleKey(r, "an authorization rule");
        return ok && key != null ? new CollectionOp(add ? ListOp.Kind.ADD : ListOp.Kind.REMOVE, key, plain(m), m.pos())
                : null;
    }

    /** ASP.NET rules: {@code allow: {users, roles, verbs}}, {@code deny: {...}}; no key (never merged here). */
    CollectionOp managedAuthorization(YNode.MapNode m, String verb, String where) {
        if (!"allow".equals(verb) && !"deny".equals(verb)) {
            return wrongVerb(m, verb, where, "allow or deny");
        }
        Fields f = new Fields(m, "an entry of " + where, List.of(verb));
        YNode.MapNode rule = map(f.get(verb), verb);
        if (rule == null) {
            return null;
        }
        Fields r = new Fields(rule, "a " + verb + " rule", List.of("users", "roles", "verbs"));
        return ruleKey(r, "a " + verb + " rule") == null ? null
                : new CollectionOp(ListOp.Kind.ADD, null, plain(m), m.pos());
    }

    /** Checks users, roles and verbs; the rule's identity ({@code users="..." roles="..." verbs="..."}, lower case). */
    private String ruleKey(Fields r, String what) {
        List<String> users = names(r, "users");
        List<String> roles = names(r, "roles");
        List<String> verbs = names(r, "verbs");
        if (users == null || roles == null || verbs == null) {
            return null;
        }
        if (users.isEmpty() && roles.isEmpty()) {
            problems.add(ProblemCode.MISSING_KEY, r.pos(), what + " names neither users nor roles",
                    "users: \"*\" (everyone), \"?\" (anonymous) or names; roles: role names");
            return null;
        }
        for (String role : roles) {
            if ("*".equals(role) || "?".equals(role)) {
                problems.add(ProblemCode.BAD_VALUE, r.keyPos("roles"), "'" + role + "' is a users value, not a role",
                        "write users: \"" + role + "\"");
                return null;
            }
        }
        return ("users=\"" + String.join(",", users) + "\" roles=\"" + String.join(",", roles) + "\" verbs=\""
                + String.join(",", verbs) + "\"").toLowerCase(Locale.ROOT);
    }

    private List<String> names(Fields r, String key) {
        YNode n = r.get(key);
        if (n == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n instanceof YNode.ListNode l) {
            for (YNode item : l.items()) {
                String s = string(item, key);
                if (s == null) {
                    return null;
                }
                out.add(s.trim());
            }
        } else {
            String s = string(n, key);
            if (s == null) {
                return null;
            }
            for (String part : s.split(",", -1)) {
                out.add(part.trim());
            }
        }
        if (out.contains("")) {
            problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + key + "' holds an empty entry");
            return null;
        }
        return out;
    }

    // ---- httpErrors ----

    /** {@code add: 404} with subStatusCode, path, responseMode, prefixLanguageFilePath; {@code remove: 404}. */
    CollectionOp httpErrors(YNode.MapNode m, String verb, String where) {
        boolean add = "add".equals(verb);
        if (!add && !"remove".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        Fields f = new Fields(m, "an entry of " + where, add ? List.of("add", "subStatusCode", "path", "responseMode",
                "prefixLanguageFilePath") : List.of("remove", "subStatusCode"));
        Integer status = number(f.get(verb), verb, 400, 999, "an error status (400-999)");
        YNode subNode = f.get("subStatusCode");
        Integer sub = subNode == null ? Integer.valueOf(-1) : number(subNode, "subStatusCode", -1, 999,
                "-1 (any) or a substatus 0-999");
        if (add && !errorTarget(f)) {
            return null;
        }
        if (status == null || sub == null) {
            return null;
        }
        String key = sub == -1 ? String.valueOf(status) : status + "." + sub;
        return new CollectionOp(add ? ListOp.Kind.ADD : ListOp.Kind.REMOVE, key, plain(m), m.pos());
    }

    private boolean errorTarget(Fields f) {
        YNode pathNode = f.required("path", "an httpErrors add entry");
        String path = pathNode == null ? null : string(pathNode, "path");
        YNode modeNode = f.get("responseMode");
        String mode = modeNode == null ? "File" : choice(modeNode, "responseMode", "File", "ExecuteURL", "Redirect");
        YNode prefixNode = f.get("prefixLanguageFilePath");
        String prefix = prefixNode == null ? null : string(prefixNode, "prefixLanguageFilePath");
        if (path == null || mode == null || prefixNode != null && prefix == null) {
            return false;
        }
        if (prefix != null && (!"File".equals(mode) || PathCanonicalizer.canonicalize(prefix.trim()) == null)) {
            problems.add(ProblemCode.BAD_VALUE, prefixNode.pos(), "prefixLanguageFilePath '" + prefix + "' needs "
                    + "responseMode File and an application path such as /errors");
            return false;
        }
        String p = path.trim();
        boolean ok = switch (mode) {
            case "File" -> PathCanonicalizer.canonicalize(prefix != null && !p.startsWith("/") ? "/" + p : p) != null;
            case "ExecuteURL" -> p.startsWith("/") && PathCanonicalizer.canonicalize(p.split("\\?", 2)[0]) != null;
            default -> !p.isEmpty() && p.indexOf('\r') < 0 && p.indexOf('\n') < 0;
        };
        if (!ok) {
            problems.add(ProblemCode.BAD_VALUE, pathNode.pos(), "path '" + path + "' is not " + ("Redirect".equals(mode)
                    ? "a URL" : "a canonical application path"), "File and ExecuteURL take an application path such as "
                    + "/errors/404.html; Redirect takes a URL");
        }
        return ok;
    }

    private Integer number(YNode n, String what, int min, int max, String expected) {
        String s = n == null ? null : string(n, what);
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' is '" + s + "', expected " + expected);
        return null;
    }

    // ---- httpProtocol, httpRedirect ----

    /** {@code add: X-Frame-Options} with {@code value}; {@code remove: X-Powered-By}; names case-insensitive. */
    CollectionOp headers(YNode.MapNode m, String verb, String where) {
        boolean add = "add".equals(verb);
        if (!add && !"remove".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        Fields f = new Fields(m, "an entry of " + where, add ? List.of("add", "value") : List.of("remove"));
        String name = string(f.get(verb), verb);
        if (name == null) {
            return null;
        }
        if (!name.trim().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            problems.add(ProblemCode.BAD_VALUE, f.get(verb).pos(), "'" + name + "' is not a header name");
            return null;
        }
        YNode valueNode = f.get("value");
        String value = valueNode == null ? "" : string(valueNode, "value");
        if (value == null) {
            return null;
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
            problems.add(ProblemCode.BAD_VALUE, valueNode.pos(), "the value of header '" + name + "' contains a line "
                    + "break");
            return null;
        }
        return new CollectionOp(add ? ListOp.Kind.ADD : ListOp.Kind.REMOVE, name.trim().toLowerCase(Locale.ROOT),
                plain(m), m.pos());
    }

    /** {@code add: "*.php"} with {@code destination}; {@code remove: "*.php"}; patterns case-insensitive. */
    CollectionOp wildcards(YNode.MapNode m, String verb, String where) {
        boolean add = "add".equals(verb);
        if (!add && !"remove".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        Fields f = new Fields(m, "an entry of " + where, add ? List.of("add", "destination") : List.of("remove"));
        String pattern = string(f.get(verb), verb);
        YNode dest = add ? f.required("destination", "a wildcard rule") : null;
        String d = dest == null ? null : string(dest, "destination");
        if (pattern == null || add && d == null) {
            return null;
        }
        if (pattern.isBlank() || add && (d.isBlank() || d.indexOf('\r') >= 0 || d.indexOf('\n') >= 0)) {
            problems.add(ProblemCode.BAD_VALUE, m.pos(), "a wildcard rule needs a pattern and a destination without "
                    + "line breaks");
            return null;
        }
        return new CollectionOp(add ? ListOp.Kind.ADD : ListOp.Kind.REMOVE, pattern.trim().toLowerCase(Locale.ROOT),
                plain(m), m.pos());
    }

    // ---- requestFiltering ----

    /** {@code add: KEY} with the entry's attributes beside it, or {@code remove: KEY}; the module checks the rest. */
    CollectionOp keyedEntries(YNode.MapNode m, String verb, String where) {
        boolean add = "add".equals(verb);
        if (!add && !"remove".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        String key = string(m.entries().get(0).value(), verb);
        if (key == null || key.isBlank()) {
            if (key != null) {
                problems.add(ProblemCode.BAD_VALUE, m.entries().get(0).value().pos(), "'" + verb + "' needs a value");
            }
            return null;
        }
        if (!add && m.entries().size() > 1) {
            problems.add(ProblemCode.UNKNOWN_KEY, m.entries().get(1).keyPos(), "unknown key '"
                    + m.entries().get(1).key() + "' in a remove entry of " + where, "a remove entry takes only 'remove'");
            return null;
        }
        return new CollectionOp(add ? ListOp.Kind.ADD : ListOp.Kind.REMOVE, null, plain(m), m.pos());
    }

    // ---- caching ----

    private static final List<String> PROFILE_KEYS = List.of("add", "extension", "policy", "kernelCachePolicy",
            "duration", "location", "varyByHeaders", "varyByQueryString");
    private static final String[] POLICIES = {"DontCache", "CacheUntilChange", "CacheForTimePeriod", "DisableCache"};

    /**
     * {@code caching.profiles}: {@code add: .html} (or {@code *}) with {@code policy}, {@code kernelCachePolicy},
     * {@code duration}, {@code location}, {@code varyByQueryString}, {@code varyByHeaders} beside it;
     * {@code remove: .html}. Keyed by the extension, case-insensitive.
     */
    CollectionOp cacheProfiles(YNode.MapNode m, String verb, String where) {
        boolean add = "add".equals(verb);
        if (!add && !"remove".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        Fields f = new Fields(m, "an entry of " + where, add ? PROFILE_KEYS : List.of("remove"));
        String ext = string(f.get(verb), verb);
        if (ext == null) {
            return null;
        }
        String key = ext.trim().toLowerCase(Locale.ROOT);
        if (!"*".equals(key) && (!key.startsWith(".") || key.length() < 2 || key.indexOf('/') >= 0)) {
            problems.add(ProblemCode.BAD_VALUE, f.get(verb).pos(), "caching profile '" + ext + "' is not an extension",
                    "write an extension with its dot, such as .html, or * for every path");
            return null;
        }
        boolean ok = true;
        for (String k : List.of("policy", "kernelCachePolicy")) {
            if (f.get(k) != null) {
                ok &= choice(f.get(k), k, POLICIES) != null;
            }
        }
        if (f.get("location") != null) {
            ok &= choice(f.get("location"), "location", "Any", "Client", "Downstream", "Server", "None",
                    "ServerAndClient") != null;
        }
        if (f.get("duration") != null) {
            String d = string(f.get("duration"), "duration");
            java.time.Duration parsed = d == null ? null : Durations.parse(d);
            if (d != null && (parsed == null || parsed.isZero() || parsed.isNegative())) {
                problems.add(ProblemCode.BAD_DURATION, f.get("duration").pos(), "'duration' is '" + d + "', which is "
                        + "not a positive duration", "write a number with a unit: 30s, 5m, 1h");
            }
            ok &= parsed != null && !parsed.isZero() && !parsed.isNegative();
        }
        for (String k : List.of("varyByQueryString", "varyByHeaders")) {
            if (f.get(k) != null) {
                ok &= string(f.get(k), k) != null;
            }
        }
        return ok ? new CollectionOp(add ? ListOp.Kind.ADD : ListOp.Kind.REMOVE, key, plain(m), m.pos()) : null;
    }

    // ---- traceFailedRequests ----

    /** {@code add: {path, statusCodes, timeTaken}}; {@code remove: <path>}; keyed by path. */
    CollectionOp traceRules(YNode.MapNode m, String verb, String where) {
        if ("remove".equals(verb)) {
            Fields f = new Fields(m, "an entry of " + where, List.of("remove"));
            String path = string(f.get("remove"), "remove");
            return path == null ? null : new CollectionOp(ListOp.Kind.REMOVE, path.trim().toLowerCase(Locale.ROOT),
                    plain(m), m.pos());
        }
        if (!"add".equals(verb)) {
            return wrongVerb(m, verb, where, "add or remove");
        }
        Fields f = new Fields(m, "an entry of " + where, List.of("add"));
        YNode.MapNode rule = map(f.get("add"), "add");
        if (rule == null) {
            return null;
        }
        Fields r = new Fields(rule, "a traceFailedRequests rule", List.of("path", "statusCodes", "timeTaken"));
        String path = r.get("path") == null ? "*" : string(r.get("path"), "path");
        String codes = r.get("statusCodes") == null ? null : string(r.get("statusCodes"), "statusCodes");
        String taken = r.get("timeTaken") == null ? null : string(r.get("timeTaken"), "timeTaken");
        if (path == null || r.get("statusCodes") != null && codes == null || r.get("timeTaken") != null && taken == null) {
            return null;
        }
        try {
            PathMask.compile(path.trim());
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.BAD_PATH_MASK, r.get("path").pos(), "path '" + path + "': " + e.getMessage());
            return null;
        }
        if (taken != null && Durations.parse(taken) == null) {
            problems.add(ProblemCode.BAD_DURATION, r.get("timeTaken").pos(), "'timeTaken' is '" + taken + "', which is "
                    + "not a duration", "write a number with a unit: 250ms, 30s, 2m (0 = off)");
            return null;
        }
        if (codes == null && (taken == null || Durations.parse(taken).isZero())) {
            problems.add(ProblemCode.MISSING_KEY, rule.pos(), "a traceFailedRequests rule needs statusCodes, timeTaken "
                    + "or both", "e.g. statusCodes: \"400-599\" or timeTaken: 30s");
            return null;
        }
        return new CollectionOp(ListOp.Kind.ADD, path.trim().toLowerCase(Locale.ROOT), plain(rule), m.pos());
    }
}
