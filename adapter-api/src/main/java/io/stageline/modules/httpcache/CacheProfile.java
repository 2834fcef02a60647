package io.stageline.modules.httpcache;

import io.stageline.api.ModuleSettings;
import io.stageline.modules.SettingsCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One {@code caching.profiles} entry: the extension it applies to and how responses for it are cached.
 *
 * @param extension     lower case with its dot ({@code .html}), or {@code *} for every path
 * @param policy        the effective policy: {@code policy} when it caches or disables, else {@code kernelCachePolicy}
 * @param kernelOnly    true when only {@code kernelCachePolicy} asked for caching: then the kernel cache's extra rules
 *                      apply (reference §6.9 "Port")
 * @param duration      the CacheForTimePeriod lifetime (default 30 s)
 * @param varyByQuery   query parameter names whose values select a cached copy (lower case); empty = the query string
 *                      is ignored
 * @param varyByAllQuery {@code varyByQueryString: "*"}: the whole query string selects the copy
 * @param varyByHeaders request header names whose values select a cached copy
 * @param location      where the response may be cached
 */
public record CacheProfile(String extension, CachePolicy policy, boolean kernelOnly, Duration duration,
                           List<String> varyByQuery, boolean varyByAllQuery, List<String> varyByHeaders,
                           CacheLocation location) {

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    private static final Set<String> KEYS = Set.of("add", "extension", "policy", "kernelCachePolicy", "duration",
            "location", "varyByHeaders", "varyByQueryString");

    /** True when the server keeps responses under this profile. */
    public boolean serverCaches() {
        return policy.caches() && location.serverCaches();
    }

    /** True when this profile applies to {@code path} (its last segment's extension, case-insensitive). */
    public boolean matches(String path) {
        if ("*".equals(extension)) {
            return true;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && path.regionMatches(true, dot, extension, 0, extension.length())
                && path.length() - dot == extension.length();
    }

    /** Reads one entry of {@code profiles}; {@code add} (the collection key) or {@code extension} names it. */
    static CacheProfile parse(Object raw, int index) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("setting 'profiles[" + index + "]' must be a map with 'extension'");
        }
        @SuppressWarnings("unchecked")
        ModuleSettings s = ModuleSettings.of((Map<String, ?>) m);
        String where = "profiles[" + index + "]";
        SettingsCheck.onlyKnownKeys(s, "HttpCache " + where, KEYS);
        String ext = s.getString("extension", s.getString("add", null));
        if (ext == null || ext.isBlank()) {
            throw new IllegalArgumentException("setting '" + where + "' has no extension");
        }
        ext = ext.trim().toLowerCase(Locale.ROOT);
        if (!"*".equals(ext) && (!ext.startsWith(".") || ext.length() < 2 || ext.indexOf('/') >= 0)) {
            throw new IllegalArgumentException("setting '" + where + ".extension' is '" + ext
                    + "', expected an extension such as .html, or *");
        }
        CachePolicy policy = CachePolicy.parse(where + ".policy", s.getString("policy", "DontCache"));
        CachePolicy kernel = CachePolicy.parse(where + ".kernelCachePolicy", s.getString("kernelCachePolicy",
                "DontCache"));
        boolean kernelOnly = !policy.caches() && policy != CachePolicy.DISABLE_CACHE && kernel.caches();
        Duration duration = s.getDuration("duration", DEFAULT_DURATION);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("setting '" + where + ".duration' must be positive");
        }
        String query = s.getString("varyByQueryString", "").trim();
        boolean allQuery = "*".equals(query);
        return new CacheProfile(ext, kernelOnly ? kernel : policy, kernelOnly, duration,
                allQuery ? List.of() : names(query, true), allQuery, names(s.getString("varyByHeaders", ""), false),
                CacheLocation.parse(where + ".location", s.getString("location", "Server")));
    }

    private static List<String> names(String list, boolean lowerCase) {
        List<String> out = new ArrayList<>();
        for (String part : list.split("[;,]")) {
            String n = part.trim();
            if (!n.isEmpty()) {
                out.add(lowerCase ? n.toLowerCase(Locale.ROOT) : n);
            }
        }
        return List.copyOf(out);
    }
}
