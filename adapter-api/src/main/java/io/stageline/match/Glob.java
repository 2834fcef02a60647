package io.stageline.match;

/** The allocation-free glob matcher behind {@link PathMask}. */
final class Glob {
    private Glob() {
    }

    /**
     * Glob of the folded mask {@code m} over {@code s[from, to)}: {@code *} = any run without '/', {@code ?} = one
     * character other than '/'. Iterative, backtracking to the last star only: a star cannot reach past a '/', and a
     * literal '/' pins the alignment, so an earlier star never needs to be revisited once a '/' has been matched.
     */
    static boolean matches(String m, String s, int from, int to) {
        int mi = 0;
        int me = m.length();
        int si = from;
        int starM = -1;
        int starS = -1;
        while (si < to) {
            if (mi < me) {
                char mc = m.charAt(mi);
                if (mc == '*') {
                    starM = ++mi;
                    starS = si;
                    continue;
                }
                char c = s.charAt(si);
                if (mc == '?' ? c != '/' : mc == CaseFold.fold(c)) {
                    if (c == '/') {
                        starM = -1;
                    }
                    mi++;
                    si++;
                    continue;
                }
            }
            if (starM < 0 || s.charAt(starS) == '/') {
                return false;
            }
            si = ++starS;
            mi = starM;
        }
        while (mi < me && m.charAt(mi) == '*') {
            mi++;
        }
        return mi == me;
    }
}
