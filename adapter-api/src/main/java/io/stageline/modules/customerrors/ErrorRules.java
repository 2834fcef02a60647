package io.stageline.modules.customerrors;

import io.stageline.api.ModuleSettings;
import io.stageline.engine.PathCanonicalizer;
import io.stageline.modules.SettingsCheck;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code httpErrors} settings of one location, parsed and checked once at startup. */
final class ErrorRules {
    enum ErrorMode { CUSTOM, DETAILED, DETAILED_LOCAL_ONLY }

    enum ExistingResponse { AUTO, REPLACE, PASS_THROUGH }

    enum ResponseMode { FILE, EXECUTE_URL, REDIRECT }

    /** One {@code errors} entry; {@code subStatus} -1 = any substatus of {@code status}. */
    record Entry(int status, int subStatus, String path, ResponseMode mode, String languagePrefix) {
    }

    static final Set<String> KEYS = Set.of("errorMode", "existingResponse", "defaultPath", "defaultResponseMode",
            "errors");
    private static final Set<String> ENTRY_KEYS = Set.of("add", "remove", "statusCode", "subStatusCode", "path",
            "responseMode", "prefixLanguageFilePath");

    final ErrorMode errorMode;
    final ExistingResponse existingResponse;
    /** The defaultPath/defaultResponseMode fallback, or null when defaultPath is not set. */
    final Entry fallback;
    private final Map<Long, Entry> entries;

    private ErrorRules(ErrorMode errorMode, ExistingResponse existing, Entry fallback, Map<Long, Entry> entries) {
        this.errorMode = errorMode;
        this.existingResponse = existing;
        this.fallback = fallback;
        this.entries = entries;
    }

    static ErrorRules parse(ModuleSettings s, String module) {
        SettingsCheck.onlyKnownKeys(s, module, KEYS);
        ErrorMode mode = choice(s, "errorMode", ErrorMode.DETAILED_LOCAL_ONLY, ErrorMode.values(),
                "Custom, Detailed or DetailedLocalOnly");
        ExistingResponse existing = choice(s, "existingResponse", ExistingResponse.AUTO, ExistingResponse.values(),
                "Auto, Replace or PassThrough");
        ResponseMode defaultMode = choice(s, "defaultResponseMode", ResponseMode.FILE, ResponseMode.values(),
                "File, ExecuteURL or Redirect");
        String defaultPath = s.getString("defaultPath", "");
        Entry fallback = defaultPath.isEmpty() ? null
                : checked(new Entry(0, -1, defaultPath, defaultMode, null), "defaultPath");
        Map<Long, Entry> entries = new LinkedHashMap<>();
        for (Object op : s.getList("errors")) {
            apply(entries, op);
        }
        return new ErrorRules(mode, existing, fallback, new HashMap<>(entries));
    }

    /** The entry for (status, subStatus): the exact one, else the status's any-substatus one, else null. */
    Entry lookup(int status, int subStatus) {
        Entry e = entries.get(key(status, subStatus));
        return e != null ? e : entries.get(key(status, -1));
    }

    private static long key(int status, int subStatus) {
        return (long) status << 32 | (subStatus & 0xffffffffL);
    }

    private static void apply(Map<Long, Entry> entries, Object op) {
        if ("clear".equals(op) || op instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("clear")) {
            entries.clear();
            return;
        }
        if (!(op instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("setting 'errors': '" + op + "' is not clear, add or remove");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            values.put(String.valueOf(e.getKey()), e.getValue());
        }
        ModuleSettings m = ModuleSettings.of(values);
        SettingsCheck.onlyKnownKeys(m, "httpErrors entry " + values, ENTRY_KEYS);
        int status = statusOf(m);
        int sub = m.getInt("subStatusCode", -1);
        if (sub < -1 || sub > 999) {
            throw new IllegalArgumentException("setting 'errors': subStatusCode " + sub + " is not -1 or 0..999");
        }
        long key = key(status, sub);
        if (m.has("remove")) {
            entries.remove(key);
            return;
        }
        if (entries.containsKey(key)) {
            throw new IllegalArgumentException("setting 'errors': duplicate entry for " + status + "." + sub
                    + " (remove it first)");
        }
        ResponseMode mode = choice(m, "responseMode", ResponseMode.FILE, ResponseMode.values(),
                "File, ExecuteURL or Redirect");
        String prefix = m.getString("prefixLanguageFilePath", null);
        if (prefix != null && (mode != ResponseMode.FILE || PathCanonicalizer.canonicalize(prefix) == null)) {
            throw new IllegalArgumentException("setting 'errors': prefixLanguageFilePath '" + prefix
                    + "' needs responseMode File and an application path such as /errors");
        }
        String path = m.getString("path", null);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("setting 'errors': the entry for " + status + "." + sub + " has no path");
        }
        entries.put(key, checked(new Entry(status, sub, path.trim(), mode, prefix), "errors " + status + "." + sub));
    }

    private static int statusOf(ModuleSettings m) {
        Object v = m.has("add") ? m.get("add") : m.has("remove") ? m.get("remove") : m.get("statusCode");
        if (v instanceof Map<?, ?> nested) {
            throw new IllegalArgumentException("setting 'errors': write '- add: 404' with the entry's other keys "
                    + "beside it, not nested (" + nested + ")");
        }
        int status;
        try {
            status = v == null ? -1 : Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < 400 || status > 999) {
            throw new IllegalArgumentException("setting 'errors': statusCode '" + v + "' is not an error status "
                    + "(400..999)");
        }
        return status;
    }

    /** Checks the path for its mode: an application path for File and ExecuteURL, a URL for Redirect. */
    private static Entry checked(Entry e, String where) {
        String p = e.path();
        boolean ok = switch (e.mode()) {
            case FILE -> e.languagePrefix() != null ? PathCanonicalizer.canonicalize("/" + strip(p)) != null
                    : PathCanonicalizer.canonicalize(p) != null;
            case EXECUTE_URL -> p.startsWith("/") && PathCanonicalizer.canonicalize(pathPart(p)) != null;
            case REDIRECT -> p.indexOf('\r') < 0 && p.indexOf('\n') < 0 && !p.isEmpty();
        };
        if (!ok) {
            throw new IllegalArgumentException("setting '" + where + "': path '" + p + "' is not "
                    + (e.mode() == ResponseMode.REDIRECT ? "a URL" : "a canonical application path such as /errors/404.html"));
        }
        return e;
    }

    static String strip(String p) {
        return p.startsWith("/") ? p.substring(1) : p;
    }

    static String pathPart(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static <E extends Enum<E>> E choice(ModuleSettings s, String key, E dflt, E[] values, String expected) {
        String v = s.getString(key, null);
        if (v == null) {
            return dflt;
        }
        String wanted = v.trim().replace("_", "").toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (e.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("setting '" + key + "' is '" + v + "', expected " + expected);
    }

    /** The entries, for tests and explain output. */
    List<Entry> entries() {
        return List.copyOf(entries.values());
    }
}
