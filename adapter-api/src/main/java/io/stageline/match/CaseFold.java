package io.stageline.match;

/**
 * The one case-insensitive character relation used by masks and by the handler index: two characters are equal when
 * their folds are equal. Because it is equality of images it is an equivalence relation, so the index hash (computed
 * over folds) always agrees with the matcher. ASCII takes a branch-only fast path; no method allocates except
 * {@link #fold(String)}, which runs at compile time.
 */
final class CaseFold {
    private CaseFold() {
    }

    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** True when {@code s[from, from + folded.length())} folds to {@code folded}; the caller checks the bounds. */
    static boolean regionEquals(String folded, String s, int from) {
        int n = folded.length();
        for (int i = 0; i < n; i++) {
            if (folded.charAt(i) != fold(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    /** Hash of the folded characters of {@code s[from, to)}; equal for every pair of case-insensitively equal ranges. */
    static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + fold(s.charAt(i));
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
