package io.stageline.config;

import io.stageline.api.Durations;
import io.stageline.config.ConfigFile.CollectionOp;
import io.stageline.config.ConfigFile.SectionValues;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.engine.PathCanonicalizer;
import io.stageline.modules.auth.PasswordHash;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads the built-in modules' sections of one level (a file's top level or a {@code locations:} entry) into
 * {@link SectionValues}, checking every value where it is written: types, allowed values, durations, application
 * paths, and each collection operation (see {@link CollectionReader}). What only the module can judge (a forms key's
 * length, a status-code list's syntax, a W3C field name) is left to its initialisation, reported as SL-CFG-020 at the
 * section.
 *
 * <p>Section names: {@value #ANONYMOUS}, {@value #BASIC}, {@value #FORMS}, {@value #CREDENTIALS},
 * {@value #AUTHORIZATION}, {@value #MANAGED_AUTHORIZATION}, {@value #HTTP_ERRORS}, {@value #HTTP_PROTOCOL},
 * {@value #HTTP_REDIRECT}, {@value #LOG_FILE}, {@value #HTTP_LOGGING}, {@value #TRACE_LOGGING},
 * {@value #TRACE_RULES}, {@value #REQUEST_FILTERING}, {@value #CACHING}.
 */
final class ModuleSectionReader extends NodeReader {
    static final String ANONYMOUS = "authentication.anonymous";
    static final String BASIC = "authentication.basic";
    static final String FORMS = "authentication.forms";
    static final String CREDENTIALS = "credentials";
    static final String AUTHORIZATION = "authorization";
    static final String MANAGED_AUTHORIZATION = "managedAuthorization";
    static final String HTTP_ERRORS = "httpErrors";
    static final String HTTP_PROTOCOL = "httpProtocol";
    static final String HTTP_REDIRECT = "httpRedirect";
    static final String LOG_FILE = "logFile";
    static final String HTTP_LOGGING = "httpLogging";
    static final String TRACE_LOGGING = "traceFailedRequestsLogging";
    static final String TRACE_RULES = "traceFailedRequests";
    static final String REQUEST_FILTERING = "requestFiltering";
    static final String CACHING = "caching";

    /** The top-level keys this reader owns. */
    static final List<String> TOP = List.of("authentication", CREDENTIALS, AUTHORIZATION, MANAGED_AUTHORIZATION,
            HTTP_ERRORS, HTTP_PROTOCOL, HTTP_REDIRECT, LOG_FILE, HTTP_LOGGING, TRACE_LOGGING, TRACE_RULES,
            REQUEST_FILTERING, CACHING);
    /**
     * Those a {@code locations:} entry may write ({@code authentication} without {@code forms}, {@code caching} with
     * only {@link #CACHING_IN_LOCATION}).
     */
    static final List<String> IN_LOCATION = List.of("authentication", AUTHORIZATION, MANAGED_AUTHORIZATION, HTTP_ERRORS,
            HTTP_REDIRECT, HTTP_LOGGING, REQUEST_FILTERING, CACHING);
    /** The {@code caching} keys a location may write; the others are read at the application level only. */
    static final List<String> CACHING_IN_LOCATION = List.of("enabled", "cacheAuthenticatedRequests", "profiles");

    private static final String COOKIE_NAME = "[A-Za-z0-9.!#$%&'*+^_`|~-]+";

    /** A value's check: the plain value, or null when it is invalid (reported). */
    private interface Check {
        Object read(ModuleSectionReader r, YNode n, String where);
    }

    private final CollectionReader collections;

    ModuleSectionReader(Problems problems) {
        super(problems);
        this.collections = new CollectionReader(problems);
    }

    /**
     * Reads the sections {@code top} holds. {@code section} opens a top-level section (it also handles
     * {@code overrideMode}); {@code inLocation} rejects what a location cannot set.
     */
    Map<String, SectionValues> read(Fields top, boolean inLocation, BiFunction<String, List<String>, Fields> section) {
        Map<String, SectionValues> out = new LinkedHashMap<>();
        if (top == null) {
            return Map.of();
        }
        Fields auth = section.apply("authentication", List.of("anonymous", "basic", "forms"));
        if (auth != null) {
            put(out, ANONYMOUS, nested(auth, "anonymous", Map.of("enabled", BOOL)));
            put(out, BASIC, nested(auth, "basic", Map.of("enabled", BOOL, "realm", ModuleSectionReader::realm)));
            if (inLocation && auth.get("forms") != null) {
                problems.add(ProblemCode.NOT_IN_LOCATION, auth.keyPos("forms"), "'authentication.forms' cannot be set in "
                        + "a location: forms authentication applies to the whole application",
                        "write it at the top level; a location may set authentication.anonymous and .basic");
            } else {
                put(out, FORMS, nested(auth, "forms", FORMS_KEYS));
            }
        }
        put(out, CREDENTIALS, credentials(section.apply(CREDENTIALS, List.of("users", "store", "roles"))));
        Fields authz = section.apply(AUTHORIZATION, List.of("list", "bypassLoginPages"));
        put(out, AUTHORIZATION, section(AUTHORIZATION, authz, Map.of("bypassLoginPages", BOOL),
                Map.of("list", collections::urlAuthorization)));
        Fields managed = section.apply(MANAGED_AUTHORIZATION, List.of("list"));
        put(out, MANAGED_AUTHORIZATION, section(MANAGED_AUTHORIZATION, managed, Map.of(),
                Map.of("list", collections::managedAuthorization)));
        Fields errors = section.apply(HTTP_ERRORS, List.of("errorMode", "existingResponse", "defaultPath",
                "defaultResponseMode", "errors"));
        put(out, HTTP_ERRORS, section(HTTP_ERRORS, errors, ERRORS_KEYS, Map.of("errors", collections::httpErrors)));
        Fields protocol = section.apply(HTTP_PROTOCOL, List.of("allowedVerbs", "allowTrace", "removeServerHeader",
                "customHeaders", "redirectHeaders"));
        put(out, HTTP_PROTOCOL, section(HTTP_PROTOCOL, protocol, Map.of("allowedVerbs", STRING_LIST, "allowTrace", BOOL,
                "removeServerHeader", BOOL), Map.of("customHeaders", collections::headers,
                "redirectHeaders", collections::headers)));
        Fields redirect = section.apply(HTTP_REDIRECT, List.of("enabled", "destination", "exactDestination",
                "childOnly", "httpResponseStatus", "list"));
        put(out, HTTP_REDIRECT, section(HTTP_REDIRECT, redirect, REDIRECT_KEYS, Map.of("list", collections::wildcards)));
        put(out, LOG_FILE, values(section.apply(LOG_FILE, List.of("enabled", "directory", "logExtFileFlags", "fields",
                "period", "localTimeRollover", "logFormat")), LOG_FILE_KEYS));
        put(out, HTTP_LOGGING, values(section.apply(HTTP_LOGGING, List.of("dontLog", "selectiveLogging")),
                Map.of("dontLog", BOOL, "selectiveLogging", choice("LogAll", "LogSuccessful", "LogError"))));
        put(out, TRACE_LOGGING, values(section.apply(TRACE_LOGGING, List.of("enabled", "directory", "maxLogFiles",
                "maxLogFileSizeKB")), Map.of("enabled", BOOL, "directory", STRING, "maxLogFiles", POSITIVE,
                "maxLogFileSizeKB", POSITIVE)));
        put(out, REQUEST_FILTERING, requestFiltering(section.apply(REQUEST_FILTERING, RF_KEYS)));
        put(out, CACHING, caching(section.apply(CACHING, List.of("enabled", "enableKernelCache", "maxCacheSize",
                "maxResponseSize", "frequentHitThreshold", "frequentHitTimePeriod", "cacheAuthenticatedRequests",
                "store", "storeSettings", "profiles", "fileCacheTtl")), inLocation));
        put(out, TRACE_RULES, section(TRACE_RULES, section.apply(TRACE_RULES, List.of("list")), Map.of(),
                Map.of("list", collections::traceRules)));
        return Map.copyOf(out);
    }

    private static void put(Map<String, SectionValues> out, String name, SectionValues v) {
        if (v != null) {
            out.put(name, v);
        }
    }

    /** {@code authentication.<key>}, checked against the keys of {@code checks}. */
    private SectionValues nested(Fields parent, String key, Map<String, Check> checks) {
        YNode n = parent.get(key);
        YNode.MapNode m = n == null ? null : map(n, "authentication." + key);
        return m == null ? null : values(new Fields(m, "'authentication." + key + "'",
                checks.keySet().stream().sorted().toList()), checks);
    }

    private SectionValues values(Fields f, Map<String, Check> checks) {
        return section(null, f, checks, Map.of());
    }

    /** Checks the keys of a section against {@code checks} (values) and {@code lists} (collections). */
    private SectionValues section(String name, Fields f, Map<String, Check> checks,
                                  Map<String, CollectionReader.Reader> lists) {
        if (f == null) {
            return null;
        }
        Map<String, Setting<Object>> values = new LinkedHashMap<>();
        Map<String, List<CollectionOp>> ops = new LinkedHashMap<>();
        for (Map.Entry<String, Position> key : f.keyPositions().entrySet()) {
            String k = key.getKey();
            YNode n = f.get(k);
            Check c = checks.get(k);
            if (c != null) {
                Object v = c.read(this, n, k);
                if (v != null) {
                    values.put(k, new Setting<>(v, n.pos()));
                }
            } else if (lists.containsKey(k)) {
                ops.put(k, collections.read(n, name + "." + k, lists.get(k)));
            }
        }
        return new SectionValues(f.pos(), Map.copyOf(values), Map.copyOf(ops));
    }

    /**
     * {@code requestFiltering}: its nested maps are flattened into dotted keys ({@code fileExtensions.allowUnlisted},
     * {@code requestLimits.headerLimits}); the entries' own attributes are the module's to check.
     */
    private SectionValues requestFiltering(Fields f) {
        if (f == null) {
            return null;
        }
        Map<String, Setting<Object>> values = new LinkedHashMap<>();
        Map<String, List<CollectionOp>> lists = new LinkedHashMap<>();
        for (String k : f.keyPositions().keySet()) {
            YNode n = f.get(k);
            switch (k) {
                case "fileExtensions", "verbs" -> nestedFilter(n, k, Map.of("allowUnlisted", BOOL), List.of("list"),
                        values, lists);
                case "requestLimits" -> nestedFilter(n, k, Map.of("maxAllowedContentLength", COUNT, "maxUrl", COUNT,
                        "maxQueryString", COUNT), List.of("headerLimits"), values, lists);
                default -> {
                    if (RF_LISTS.contains(k)) {
                        lists.put(k, collections.read(n, REQUEST_FILTERING + "." + k, collections::keyedEntries));
                    } else {
                        Object v = BOOL.read(this, n, k);
                        if (v != null) {
                            values.put(k, new Setting<>(v, n.pos()));
                        }
                    }
                }
            }
        }
        return new SectionValues(f.pos(), Map.copyOf(values), Map.copyOf(lists));
    }

    private void nestedFilter(YNode n, String key, Map<String, Check> checks, List<String> listKeys,
                              Map<String, Setting<Object>> values, Map<String, List<CollectionOp>> lists) {
        YNode.MapNode m = map(n, REQUEST_FILTERING + "." + key);
        if (m == null) {
            return;
        }
        List<String> known = new java.util.ArrayList<>(checks.keySet());
        known.addAll(listKeys);
        Fields f = new Fields(m, "'" + REQUEST_FILTERING + "." + key + "'", known.stream().sorted().toList());
        for (String k : f.keyPositions().keySet()) {
            YNode v = f.get(k);
            if (listKeys.contains(k)) {
                lists.put(key + "." + k, collections.read(v, REQUEST_FILTERING + "." + key + "." + k,
                        collections::keyedEntries));
            } else {
                Object value = checks.get(k).read(this, v, k);
                if (value != null) {
                    values.put(key + "." + k, new Setting<>(value, v.pos()));
                }
            }
        }
    }

    /**
     * {@code caching} (HttpCache, OutputCache): values checked here, {@code profiles} a keyed collection
     * ({@link CollectionReader#cacheProfiles}); {@code storeSettings} is passed to the store as written. A location
     * may write only {@link #CACHING_IN_LOCATION}.
     */
    private SectionValues caching(Fields f, boolean inLocation) {
        if (f == null) {
            return null;
        }
        if (inLocation) {
            for (String k : f.keyPositions().keySet()) {
                if (!CACHING_IN_LOCATION.contains(k)) {
                    problems.add(ProblemCode.NOT_IN_LOCATION, f.keyPos(k), "'caching." + k + "' cannot be set in a "
                            + "location: the cache's sizes, hit rule, store and file cache are application-wide",
                            "write it at the top level; a location may set caching.enabled, "
                                    + "cacheAuthenticatedRequests and profiles");
                }
            }
        }
        SectionValues v = section(CACHING, f, CACHING_KEYS, Map.of("profiles", collections::cacheProfiles));
        YNode store = f.get("storeSettings");
        if (store == null) {
            return v;
        }
        if (map(store, "caching.storeSettings") == null) {
            return v;
        }
        Map<String, Setting<Object>> values = new LinkedHashMap<>(v.values());
        values.put("storeSettings", new Setting<>(plain(store), store.pos()));
        return new SectionValues(v.pos(), Map.copyOf(values), v.lists());
    }

    /** {@code credentials}: users (checked one by one: no plain-text passwords) or a container store. */
    private SectionValues credentials(Fields f) {
        if (f == null) {
            return null;
        }
        Map<String, Setting<Object>> values = new LinkedHashMap<>();
        YNode store = f.get("store");
        Object s = store == null ? null : choice("container").read(this, store, "store");
        if (s != null) {
            values.put("store", new Setting<>(s, store.pos()));
        }
        YNode roles = f.get("roles");
        Object r = roles == null ? null : STRING_LIST.read(this, roles, "roles");
        if (r != null) {
            values.put("roles", new Setting<>(r, roles.pos()));
        }
        YNode users = f.get("users");
        if (users != null && users(users)) {
            values.put("users", new Setting<>(plain(users), users.pos()));
        }
        if (store != null && users != null) {
            problems.add(ProblemCode.BAD_VALUE, f.keyPos("store"), "credentials give both 'users' and 'store'",
                    "list the users here, or let the container's realm check them (store: container), not both");
        } else if (roles != null && store == null) {
            problems.add(ProblemCode.BAD_VALUE, f.keyPos("roles"), "credentials 'roles' applies only to 'store: "
                    + "container'", "list each user's roles beside the user instead");
        }
        return new SectionValues(f.pos(), Map.copyOf(values), Map.of());
    }

    private boolean users(YNode n) {
        YNode.ListNode list = list(n, "credentials.users");
        if (list == null) {
            return false;
        }
        boolean ok = true;
        Map<String, Position> seen = new HashMap<>();
        for (YNode item : list.items()) {
            YNode.MapNode m = map(item, "a credentials user");
            if (m == null) {
                ok = false;
                continue;
            }
            Fields u = new Fields(m, "a credentials user", List.of("name", "password", "roles"));
            YNode name = u.required("name", "a credentials user");
            YNode password = u.required("password", "a credentials user");
            String nm = name == null ? null : string(name, "name");
            String pw = password == null ? null : string(password, "password");
            ok &= nm != null && pw != null && (u.get("roles") == null || STRING_LIST.read(this, u.get("roles"),
                    "roles") != null);
            if (nm != null && (nm.isBlank() || nm.indexOf(':') >= 0)) {
                problems.add(ProblemCode.BAD_VALUE, name.pos(), "user name '" + nm + "' is empty or holds ':'");
                ok = false;
            } else if (nm != null && seen.putIfAbsent(nm.trim().toLowerCase(Locale.ROOT), name.pos()) != null) {
                problems.add(ProblemCode.DUPLICATE_ADD, name.pos(), "credentials user '" + nm.trim() + "' is listed "
                        + "twice (first at " + seen.get(nm.trim().toLowerCase(Locale.ROOT)) + ")",
                        "user names compare case-insensitively");
                ok = false;
            }
            String bad = pw == null ? null : PasswordHash.problem(pw);
            if (bad != null) {
                problems.add(ProblemCode.BAD_PASSWORD, password.pos(), "the password of credentials user '" + nm
                        + "' is not a password hash: " + bad, "write the output of 'stageline hash-password' "
                        + "({pbkdf2-sha256}...), never the password itself");
                ok = false;
            }
        }
        return ok;
    }

    // ---- value checks ----

    private static final Check BOOL = (r, n, k) -> r.bool(n, k);
    private static final Check STRING = (r, n, k) -> r.string(n, k);
    private static final Check STRING_LIST = (r, n, k) -> r.stringList(n, k);
    private static final Check DURATION = (r, n, k) -> r.duration(n, k);
    private static final Check POSITIVE = (r, n, k) -> r.positive(n, k);
    private static final Check APP_PATH = (r, n, k) -> r.appPath(n, k);
    private static final Check COUNT = (r, n, k) -> r.count(n, k);
    private static final List<String> RF_LISTS = List.of("hiddenSegments", "denyUrlSequences",
            "denyQueryStringSequences", "alwaysAllowedUrls", "alwaysAllowedQueryStrings", "filteringRules");
    private static final List<String> RF_KEYS = List.of("allowDoubleEscaping", "allowHighBitCharacters",
            "unescapeQueryString", "removeServerHeader", "legacyStatusCodes", "fileExtensions", "verbs",
            "hiddenSegments", "denyUrlSequences", "denyQueryStringSequences", "alwaysAllowedUrls",
            "alwaysAllowedQueryStrings", "filteringRules", "requestLimits");

    private static final Map<String, Check> FORMS_KEYS = Map.ofEntries(Map.entry("enabled", BOOL),
            Map.entry("key", STRING), Map.entry("loginUrl", APP_PATH), Map.entry("logoutUrl", APP_PATH),
            Map.entry("defaultUrl", APP_PATH), Map.entry("name", ModuleSectionReader::cookieName),
            Map.entry("path", APP_PATH), Map.entry("timeout", ModuleSectionReader::timeout),
            Map.entry("slidingExpiration", BOOL), Map.entry("requireSSL", BOOL),
            Map.entry("cookieSameSite", choice("Strict", "Lax", "None")), Map.entry("userNameField", STRING),
            Map.entry("passwordField", STRING));
    private static final Map<String, Check> ERRORS_KEYS = Map.of(
            "errorMode", choice("DetailedLocalOnly", "Custom", "Detailed"),
            "existingResponse", choice("Auto", "Replace", "PassThrough"),
            "defaultPath", STRING,
            "defaultResponseMode", choice("File", "ExecuteURL", "Redirect"));
    private static final Map<String, Check> REDIRECT_KEYS = Map.of("enabled", BOOL, "destination", STRING,
            "exactDestination", BOOL, "childOnly", BOOL,
            "httpResponseStatus", choice("Found", "Permanent", "Temporary", "PermRedirect"));
    private static final Map<String, Check> CACHING_KEYS = Map.of("enabled", BOOL, "enableKernelCache", BOOL,
            "maxCacheSize", ModuleSectionReader::cacheSize, "maxResponseSize", ModuleSectionReader::cacheSize,
            "frequentHitThreshold", POSITIVE, "frequentHitTimePeriod", DURATION, "cacheAuthenticatedRequests", BOOL,
            "store", STRING, "fileCacheTtl", DURATION);
    private static final Map<String, Check> LOG_FILE_KEYS = Map.of("enabled", BOOL, "directory", STRING,
            "logExtFileFlags", STRING_LIST, "fields", STRING_LIST, "period", choice("Daily"),
            "localTimeRollover", BOOL, "logFormat", choice("W3C"));

    /** One of {@code allowed}, case-insensitive; the value as the allowed list spells it. */
    static Check choice(String... allowed) {
        return (r, n, k) -> r.choice(n, k, allowed);
    }

    /** A list of non-blank strings: a YAML list of scalars or one comma-separated string (kept as written). */
    Object stringList(YNode n, String what) {
        if (n instanceof YNode.ListNode l) {
            for (YNode item : l.items()) {
                String s = string(item, what);
                if (s == null) {
                    return null;
                }
                if (s.isBlank()) {
                    problems.add(ProblemCode.BAD_VALUE, item.pos(), "'" + what + "' holds an empty entry");
                    return null;
                }
            }
            return plain(n);
        }
        String s = string(n, what);
        if (s != null && (s.isBlank() || List.of(s.split(",", -1)).stream().anyMatch(String::isBlank))) {
            problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' holds an empty entry",
                    "write a list, or names separated by commas");
            return null;
        }
        return s;
    }

    Object duration(YNode n, String what) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        if (Durations.parse(s) == null) {
            problems.add(ProblemCode.BAD_DURATION, n.pos(), "'" + what + "' is '" + s + "', which is not a duration",
                    "write a number with a unit: 250ms, 30s, 20m, 2h or 1d (no unit = seconds)");
            return null;
        }
        return s.trim();
    }

    private static Object timeout(ModuleSectionReader r, YNode n, String what) {
        Object v = r.duration(n, what);
        if (v != null && Durations.parse(v.toString()).isZero()) {
            r.problems.add(ProblemCode.BAD_DURATION, n.pos(), "'" + what + "' must be longer than 0");
            return null;
        }
        return v;
    }

    Object positive(YNode n, String what) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        try {
            long v = Long.parseLong(s.trim());
            if (v >= 1 && v <= Integer.MAX_VALUE) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' is '" + s + "', expected a whole number of 1 or "
                + "more");
        return null;
    }

    Object count(YNode n, String what) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        try {
            long v = Long.parseLong(s.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' is '" + s + "', expected a whole number of 0 or "
                + "more");
        return null;
    }

    /** An application path such as {@code /login.html}: canonical, no query or fragment. */
    Object appPath(YNode n, String what) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        String p = s.trim();
        if (PathCanonicalizer.canonicalize(p) == null || p.indexOf('?') >= 0 || p.indexOf('#') >= 0) {
            problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' is '" + s + "', which is not an application "
                    + "path", "write a canonical path starting with /, such as /login.html");
            return null;
        }
        return p;
    }

    /** A size: a whole number (the module's unit: MB for maxCacheSize, bytes for maxResponseSize) or with B/KB/MB/GB. */
    private static Object cacheSize(ModuleSectionReader r, YNode n, String what) {
        String s = r.string(n, what);
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (!t.matches("(?i)[0-9]{1,15}\\s*(B|KB|MB|GB)?")) {
            r.problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' is '" + s + "', which is not a size",
                    "write a whole number, or one with B, KB, MB or GB: 262144, 256KB, 64MB");
            return null;
        }
        return t.matches("[0-9]+") ? (Object) Long.parseLong(t) : t;
    }

    private static Object realm(ModuleSectionReader r, YNode n, String what) {
        String s = r.string(n, what);
        if (s != null && s.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7f)) {
            r.problems.add(ProblemCode.BAD_VALUE, n.pos(), "'realm' must not contain \", \\ or control characters");
            return null;
        }
        return s;
    }

    private static Object cookieName(ModuleSectionReader r, YNode n, String what) {
        String s = r.string(n, what);
        if (s != null && !s.matches(COOKIE_NAME)) {
            r.problems.add(ProblemCode.BAD_VALUE, n.pos(), "'name' is '" + s + "', which is not a cookie name",
                    "letters, digits and !#$%&'*+.^_`|~-");
            return null;
        }
        return s;
    }
}
