package io.stageline.modules;

/**
 * The application's private folders, {@code WEB-INF} and {@code META-INF} (any case): the static handlers never
 * serve, list or default-document anything inside them, whatever request filtering is configured. Containers refuse
 * these paths on the way in, but a rewrite or a child request reaches the handlers from inside, so the handlers fail
 * closed on their own.
 */
public final class ProtectedPaths {
    private static final String[] NAMES = {"WEB-INF", "META-INF"};

    private ProtectedPaths() {
    }

    /** True when {@code name} (a directory entry, with or without a trailing {@code /}) is a protected folder. */
    public static boolean isProtectedName(String name) {
        int len = name.endsWith("/") ? name.length() - 1 : name.length();
        return isProtected(name, 0, len);
    }

    /** True when some segment of the canonical path is a protected folder. */
    public static boolean containsProtectedSegment(String path) {
        int start = 0;
        int n = path.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                if (isProtected(path, start, i - start)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isProtected(String s, int offset, int len) {
        for (String name : NAMES) {
            if (len == name.length() && s.regionMatches(true, offset, name, 0, len)) {
                return true;
            }
        }
        return false;
    }
}
