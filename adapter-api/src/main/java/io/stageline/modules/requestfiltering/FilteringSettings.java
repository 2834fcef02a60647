package io.stageline.modules.requestfiltering;

import io.stageline.api.ModuleSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code requestFiltering} section (see {@link RequestFilteringModule} for its shape) into plain values,
 * validating everything: unknown keys, wrong types, bad extensions, verbs, segments and limits are errors whose
 * message names the setting.
 */
final class FilteringSettings {
    static final String SECTION = "requestFiltering";
    static final List<String> DEFAULT_HIDDEN_SEGMENTS = List.of("WEB-INF", "META-INF", "stageline.yaml");
    static final long DEFAULT_MAX_CONTENT_LENGTH = 30_000_000L;
    static final long DEFAULT_MAX_URL = 4096;
    static final long DEFAULT_MAX_QUERY_STRING = 2048;

    static final Set<String> KEYS = Set.of("allowDoubleEscaping", "allowHighBitCharacters", "unescapeQueryString",
            "removeServerHeader", "legacyStatusCodes", "fileExtensions", "verbs", "hiddenSegments", "denyUrlSequences",
            "denyQueryStringSequences", "alwaysAllowedUrls", "alwaysAllowedQueryStrings", "filteringRules",
            "requestLimits");
    private static final Set<String> UNLISTED_KEYS = Set.of("allowUnlisted", "list");
    private static final Set<String> LIMIT_KEYS = Set.of("maxAllowedContentLength", "maxUrl", "maxQueryString",
            "headerLimits");
    private static final Set<String> RULE_KEYS = Set.of("scanUrl", "scanQueryString", "scanAllRaw",
            "denyUnescapedPercent", "scanHeaders", "appliesTo", "denyStrings");

    private record Keyed<V>(String key, V value) {
    }

    boolean allowDoubleEscaping;
    boolean allowHighBitCharacters;
    boolean unescapeQueryString;
    boolean removeServerHeader;
    boolean legacyStatusCodes;
    long maxAllowedContentLength;
    long maxUrl;
    long maxQueryString;
    final Map<String, Integer> headerLimits = new LinkedHashMap<>();
    boolean allowUnlistedVerbs;
    final Map<String, Boolean> verbs = new LinkedHashMap<>();
    boolean allowUnlistedExtensions;
    final Map<String, Boolean> extensions = new LinkedHashMap<>();
    List<String> hiddenSegments;
    List<String> denyUrlSequences;
    List<String> alwaysAllowedUrls;
    List<String> denyQueryStringSequences;
    List<String> alwaysAllowedQueryStrings;
    List<FilteringRule> filteringRules;

    private FilteringSettings() {
    }

    /** Reads and validates a section; throws {@link IllegalArgumentException} naming the first bad setting. */
    static FilteringRules compile(ModuleSettings s) {
        FilteringSettings f = new FilteringSettings();
        f.read(s);
        return new FilteringRules(f);
    }

    private void read(ModuleSettings s) {
        onlyKnown(s, SECTION, KEYS);
        allowDoubleEscaping = bool(s, "allowDoubleEscaping", false, SECTION);
        allowHighBitCharacters = bool(s, "allowHighBitCharacters", true, SECTION);
        unescapeQueryString = bool(s, "unescapeQueryString", true, SECTION);
        removeServerHeader = bool(s, "removeServerHeader", false, SECTION);
        legacyStatusCodes = bool(s, "legacyStatusCodes", false, SECTION);
        readLimits(map(s, "requestLimits", SECTION, LIMIT_KEYS));
        ModuleSettings v = map(s, "verbs", SECTION, UNLISTED_KEYS);
        allowUnlistedVerbs = bool(v, "allowUnlisted", true, SECTION + ".verbs");
        for (Keyed<Boolean> e : ListOps.apply(v.get("list"), SECTION + ".verbs.list", Map.of(), false,
                Set.of("allowed"), (key, a, where) -> new Keyed<>(checkVerb(key, where), allowed(a, where)))) {
            verbs.put(e.key(), e.value());
        }
        ModuleSettings x = map(s, "fileExtensions", SECTION, UNLISTED_KEYS);
        allowUnlistedExtensions = bool(x, "allowUnlisted", true, SECTION + ".fileExtensions");
        for (Keyed<Boolean> e : ListOps.apply(x.get("list"), SECTION + ".fileExtensions.list", Map.of(), true,
                Set.of("allowed"), (key, a, where) -> new Keyed<>(Extensions.checkKey(key, where), allowed(a, where)))) {
            extensions.put(e.key(), e.value());
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        for (String h : DEFAULT_HIDDEN_SEGMENTS) {
            hidden.put(h, h);
        }
        hiddenSegments = strings(s.get("hiddenSegments"), SECTION + ".hiddenSegments", hidden, true,
                FilteringSettings::checkSegment);
        denyUrlSequences = strings(s.get("denyUrlSequences"), SECTION + ".denyUrlSequences", Map.of(), true, null);
        alwaysAllowedUrls = strings(s.get("alwaysAllowedUrls"), SECTION + ".alwaysAllowedUrls", Map.of(), false,
                FilteringSettings::checkUrl);
        denyQueryStringSequences = strings(s.get("denyQueryStringSequences"), SECTION + ".denyQueryStringSequences",
                Map.of(), true, null);
        alwaysAllowedQueryStrings = strings(s.get("alwaysAllowedQueryStrings"), SECTION + ".alwaysAllowedQueryStrings",
                Map.of(), false, null);
        filteringRules = ListOps.apply(s.get("filteringRules"), SECTION + ".filteringRules", Map.of(), true,
                RULE_KEYS, FilteringSettings::rule);
    }

    private void readLimits(ModuleSettings l) {
        String where = SECTION + ".requestLimits";
        maxAllowedContentLength = nonNegative(l, "maxAllowedContentLength", DEFAULT_MAX_CONTENT_LENGTH, where);
        maxUrl = nonNegative(l, "maxUrl", DEFAULT_MAX_URL, where);
        maxQueryString = nonNegative(l, "maxQueryString", DEFAULT_MAX_QUERY_STRING, where);
        for (Keyed<Integer> e : ListOps.apply(l.get("headerLimits"), where + ".headerLimits", Map.of(), true,
                Set.of("sizeLimit"), FilteringSettings::headerLimit)) {
            headerLimits.put(e.key(), e.value());
        }
    }

    private static Keyed<Integer> headerLimit(String header, ModuleSettings a, String where) {
        checkToken(header, where, "a header name such as Content-Type");
        if (!a.has("sizeLimit")) {
            throw new IllegalArgumentException(where + ": header limit '" + header + "' needs 'sizeLimit' (bytes)");
        }
        long limit = nonNegative(a, "sizeLimit", 0, where);
        if (limit > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": sizeLimit " + limit + " is too large");
        }
        return new Keyed<>(header, (int) limit);
    }

    private static FilteringRule rule(String name, ModuleSettings a, String where) {
        String at = where + " (rule '" + name + "')";
        FilteringRule r = new FilteringRule(name, bool(a, "scanUrl", false, at), bool(a, "scanQueryString", false, at),
                bool(a, "scanAllRaw", false, at), bool(a, "denyUnescapedPercent", true, at),
                plainList(a, "scanHeaders", at), plainList(a, "appliesTo", at), plainList(a, "denyStrings", at));
        for (String h : r.scanHeaders()) {
            checkToken(h, at + ".scanHeaders", "a header name such as User-Agent");
        }
        for (String ext : r.appliesTo()) {
            Extensions.checkKey(ext, at + ".appliesTo");
        }
        if (!r.scanUrl() && !r.scanQueryString() && !r.scanAllRaw() && r.scanHeaders().isEmpty()) {
            throw new IllegalArgumentException(at + " scans nothing: set scanUrl, scanQueryString, scanAllRaw or "
                    + "scanHeaders");
        }
        if (r.denyStrings().isEmpty() && !r.denyUnescapedPercent()) {
            throw new IllegalArgumentException(at + " denies nothing: add denyStrings or set denyUnescapedPercent");
        }
        return r;
    }

    @FunctionalInterface
    private interface Check {
        void check(String value, String where);
    }

    private static List<String> strings(Object raw, String where, Map<String, String> builtIn, boolean ci, Check c) {
        return ListOps.apply(raw, where, builtIn, ci, Set.of(), (key, a, w) -> {
            if (c != null) {
                c.check(key, w);
            }
            return key;
        });
    }

    private static List<String> plainList(ModuleSettings s, String key, String where) {
        Object raw = s.get(key);
        if (raw != null && !(raw instanceof List<?>)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a list");
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object o : s.getList(key)) {
            String v = o == null ? "" : o.toString();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(where + ": '" + key + "' contains an empty entry");
            }
            out.add(v);
        }
        return out;
    }

    private static String checkVerb(String verb, String where) {
        checkToken(verb, where, "an HTTP method such as GET or PROPFIND");
        return verb;
    }

    private static void checkToken(String token, String where, String expected) {
        boolean ok = !token.isEmpty();
        for (int i = 0; i < token.length() && ok; i++) {
            char c = token.charAt(i);
            ok = c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
        if (!ok) {
            throw new IllegalArgumentException(where + ": '" + token + "' is not " + expected);
        }
    }

    private static void checkSegment(String segment, String where) {
        if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0 || ".".equals(segment) || "..".equals(segment)) {
            throw new IllegalArgumentException(where + ": '" + segment + "' is not a single path segment such as bin");
        }
    }

    private static void checkUrl(String url, String where) {
        if (!url.startsWith("/")) {
            throw new IllegalArgumentException(where + ": '" + url + "' is not an application-relative URL such as "
                    + "/scripts/a+b.js");
        }
    }

    private static boolean allowed(ModuleSettings a, String where) {
        return bool(a, "allowed", true, where);
    }

    private static ModuleSettings map(ModuleSettings s, String key, String where, Set<String> known) {
        Object raw = s.get(key);
        if (raw == null) {
            return ModuleSettings.empty();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + "." + key + " must be a map (keys: "
                    + String.join(", ", known.stream().sorted().toList()) + ")");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            copy.put(String.valueOf(e.getKey()), e.getValue());
        }
        ModuleSettings out = ModuleSettings.of(copy);
        onlyKnown(out, where + "." + key, known);
        return out;
    }

    private static void onlyKnown(ModuleSettings s, String where, Set<String> known) {
        for (String k : s.asMap().keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown setting '" + where + "." + k + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static boolean bool(ModuleSettings s, String key, boolean def, String where) {
        try {
            return s.getBoolean(key, def);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static long nonNegative(ModuleSettings s, String key, long def, String where) {
        long v;
        try {
            v = s.getLong(key, def);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (v < 0) {
            throw new IllegalArgumentException(where + ": setting '" + key + "' is " + v + ", expected 0 or more");
        }
        return v;
    }
}
