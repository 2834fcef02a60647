package io.stageline.engine;

/**
 * Checks that an application-relative path is in canonical form: starts with {@code /}, no empty, {@code .} or
 * {@code ..} segments, no {@code \}, {@code ;}, NUL or control characters. Paths that are not canonical are rejected
 * (null), never "cleaned": a path that needs cleaning is a path someone crafted.
 */
public final class PathCanonicalizer {
    private PathCanonicalizer() {
    }

    /** Returns {@code path} when it is canonical, otherwise null. A trailing {@code /} (directory URL) is allowed. */
    public static String canonicalize(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return null;
        }
        int n = path.length();
        int segStart = 1;
        for (int i = 1; i <= n; i++) {
            char c = i < n ? path.charAt(i) : '/';
            if (c == '/') {
                int len = i - segStart;
                if (len == 0 && i < n) {
                    return null;
                }
                if (len == 1 && path.charAt(segStart) == '.') {
                    return null;
                }
                if (len == 2 && path.charAt(segStart) == '.' && path.charAt(segStart + 1) == '.') {
                    return null;
                }
                segStart = i + 1;
            } else if (c == '\\' || c == ';' || c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        return path;
    }
}
