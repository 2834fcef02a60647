package io.stageline.engine;

/**
 * Checks that an application-relative path is in canonical form: starts with {@code /}, no empty, {@code .} or
 * {@code ..} segments, no segment ending in {@code .} or a space (Windows would read {@code admin.} and
 * {@code admin } as {@code admin}), no {@code \}, {@code ;}, NUL or control characters. Paths that are not canonical
 * are rejected (null), never "cleaned": a path that needs cleaning is a path someone crafted.
 */
public final class PathCanonicalizer {
    private PathCanonicalizer() {
    }

    /** Returns {@code path} when it is canonical, otherwise null. A trailing {@code /} (directory URL) is allowed. */
    public static String canonicalize(String path) {
        return problem(path) == null ? path : null;
    }

    /** What makes {@code path} non-canonical, or null when it is canonical. */
    public static PathProblem problem(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return PathProblem.NOT_ABSOLUTE;
        }
        int n = path.length();
        int segStart = 1;
        for (int i = 1; i <= n; i++) {
            char c = i < n ? path.charAt(i) : '/';
            if (c == '/') {
                PathProblem p = segmentProblem(path, segStart, i, i < n);
                if (p != null) {
                    return p;
                }
                segStart = i + 1;
            } else if (c == '\\') {
                return PathProblem.BACKSLASH;
            } else if (c == ';') {
                return PathProblem.SEMICOLON;
            } else if (c < 0x20 || c == 0x7f) {
                return PathProblem.CONTROL_CHARACTER;
            }
        }
        return null;
    }

    private static PathProblem segmentProblem(String path, int start, int end, boolean followedBySlash) {
        int len = end - start;
        if (len == 0) {
            return followedBySlash ? PathProblem.EMPTY_SEGMENT : null;
        }
        if (len <= 2 && path.charAt(start) == '.' && path.charAt(end - 1) == '.') {
            return PathProblem.DOT_SEGMENT;
        }
        char last = path.charAt(end - 1);
        return last == '.' || last == ' ' ? PathProblem.TRAILING_DOT_OR_SPACE : null;
    }
}
