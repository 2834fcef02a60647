package io.stageline.modules.staticfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * An immutable extension → content-type map with IIS's lookup rule as Stageline ports it (reference §6.1): the
 * longest registered suffix of the last path segment wins, case-insensitively, so {@code .tar.gz} beats {@code .gz};
 * a {@code ".*"} entry is the catch-all, and exists only when configured.
 */
public final class MimeMap {
    /** The catch-all key. */
    public static final String CATCH_ALL = ".*";
    public static final String RESOURCE = "mime-types.properties";

    private static final MimeMap DEFAULTS = load();

    private final Map<String, String> types;
    private final String catchAll;
    private final int maxKeyLength;

    private MimeMap(Map<String, String> types) {
        this.types = Map.copyOf(types);
        this.catchAll = types.get(CATCH_ALL);
        int max = 0;
        for (String k : types.keySet()) {
            if (!CATCH_ALL.equals(k)) {
                max = Math.max(max, k.length());
            }
        }
        this.maxKeyLength = max;
    }

    /** The built-in map, loaded once from {@value #RESOURCE} beside this class. */
    public static MimeMap defaults() {
        return DEFAULTS;
    }

    private static MimeMap load() {
        try (InputStream in = MimeMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in MIME map " + RESOURCE + " is missing from the jar");
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> m = new HashMap<>();
            for (String key : p.stringPropertyNames()) {
                put(m, key, p.getProperty(key));
            }
            return new MimeMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in MIME map " + RESOURCE, e);
        }
    }

    /**
     * Returns this map with {@code overrides} applied: an entry adds or replaces a type, an empty or null type
     * removes the extension. Keys are {@code .ext} (case-insensitive); throws naming the first bad entry.
     */
    public MimeMap merge(Map<?, ?> overrides) {
        Map<String, String> m = new HashMap<>(types);
        for (Map.Entry<?, ?> e : overrides.entrySet()) {
            String key = checkKey(e.getKey());
            Object value = e.getValue();
            if (value == null || value.toString().isBlank()) {
                m.remove(key);
            } else {
                put(m, key, value.toString());
            }
        }
        return new MimeMap(m);
    }

    private static void put(Map<String, String> m, Object rawKey, String rawType) {
        String key = checkKey(rawKey);
        String type = rawType.trim();
        int slash = type.indexOf('/');
        boolean ok = slash > 0 && slash < type.length() - 1;
        for (int i = 0; i < type.length() && ok; i++) {
            char c = type.charAt(i);
            ok = c >= 0x20 && c != 0x7f;
        }
        if (!ok) {
            throw new IllegalArgumentException("setting 'mimeMap': '" + rawKey + "' maps to '" + rawType
                    + "', which is not a content type such as text/html");
        }
        m.put(key, type);
    }

    private static String checkKey(Object rawKey) {
        String key = String.valueOf(rawKey).trim().toLowerCase(Locale.ROOT);
        boolean ok = key.length() > 1 && key.charAt(0) == '.';
        for (int i = 1; i < key.length() && ok; i++) {
            char c = key.charAt(i);
            ok = c > 0x20 && c != 0x7f && c != '/' && c != '\\' && c != '?' && c != '#' && c != ';'
                    && (c != '*' || CATCH_ALL.equals(key));
        }
        if (!ok) {
            throw new IllegalArgumentException("setting 'mimeMap': '" + rawKey + "' is not a file extension such as "
                    + ".html, .tar.gz or the catch-all .*");
        }
        return key;
    }

    /** The content type for the file at {@code path}, or null when the map has no entry for it (404.3). */
    public String contentTypeFor(String path) {
        int from = Math.max(path.lastIndexOf('/') + 1, path.length() - maxKeyLength);
        for (int dot = path.indexOf('.', from); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            String type = types.get(path.substring(dot).toLowerCase(Locale.ROOT));
            if (type != null) {
                return type;
            }
        }
        return catchAll;
    }

    /** The entries, sorted by extension. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new TreeMap<>(types));
    }

    @Override
    public String toString() {
        return "MimeMap[" + types.size() + " entries" + (catchAll == null ? "" : ", catch-all " + catchAll) + "]";
    }
}
