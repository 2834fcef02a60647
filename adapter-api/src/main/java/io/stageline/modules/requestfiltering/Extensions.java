package io.stageline.modules.requestfiltering;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code fileExtensions} table: the longest listed extension that ends the last segment of the canonical path
 * wins (case-insensitive, so {@code .tar.gz} beats {@code .gz}, as StaticFile's MIME map does); {@code .} stands for
 * an extensionless last segment (a directory URL's empty last segment included); unlisted extensions follow
 * {@code allowUnlisted}.
 */
final class Extensions {
    /** The key that stands for "no extension". */
    static final String NONE = ".";

    private final boolean allowUnlisted;
    private final String[] keys;
    private final boolean[] allowed;

    Extensions(boolean allowUnlisted, Map<String, Boolean> entries) {
        this.allowUnlisted = allowUnlisted;
        List<Map.Entry<String, Boolean>> sorted = entries.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Boolean> e) -> e.getKey().length()).reversed())
                .toList();
        this.keys = new String[sorted.size()];
        this.allowed = new boolean[sorted.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = sorted.get(i).getKey().toLowerCase(Locale.ROOT);
            allowed[i] = sorted.get(i).getValue();
        }
    }

    /** The listed extension that decides {@code path}, or null when it is unlisted. */
    String match(String path) {
        int start = path.lastIndexOf('/') + 1;
        for (String key : keys) {
            if (matches(path, start, key)) {
                return key;
            }
        }
        return null;
    }

    /** True when {@code path} may be requested. */
    boolean allows(String path) {
        int start = path.lastIndexOf('/') + 1;
        for (int i = 0; i < keys.length; i++) {
            if (matches(path, start, keys[i])) {
                return allowed[i];
            }
        }
        return allowUnlisted;
    }

    /** True when the last segment ({@code path[start..]}) has extension {@code ext} (or none, for {@code "."}). */
    static boolean matches(String path, int start, String ext) {
        if (NONE.equals(ext)) {
            return path.indexOf('.', start) < 0;
        }
        int from = path.length() - ext.length();
        return from >= start && path.regionMatches(true, from, ext, 0, ext.length());
    }

    /** Checks an extension key: {@code .} followed by at least one character, no separators. */
    static String checkKey(String raw, String where) {
        String key = raw.trim().toLowerCase(Locale.ROOT);
        boolean ok = key.startsWith(".");
        for (int i = 0; i < key.length() && ok; i++) {
            char c = key.charAt(i);
            ok = c > 0x20 && c != 0x7f && c != '/' && c != '\\' && c != '?' && c != '#' && c != ';' && c != '*';
        }
        if (!ok) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is not a file extension such as .exe, "
                    + ".tar.gz or . (extensionless)");
        }
        return key;
    }
}
