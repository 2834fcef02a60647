package io.stageline.modules.httpcache;

import java.util.function.Function;

/**
 * The key of a cached copy: the canonical path, then the values of what the profile varies by. GET and HEAD share a
 * key (HEAD is answered from the GET's copy). Without {@code varyByQueryString} the query string does not select a
 * copy, as in IIS (kernel-only profiles never cache requests with a query string).
 */
final class CacheKey {
    private static final char SEP = '\u0000';

    private CacheKey() {
    }

    static String of(String path, String query, CacheProfile profile, Function<String, String> header) {
        StringBuilder sb = new StringBuilder(path.length() + 32).append(path).append(SEP).append('q');
        if (profile.varyByAllQuery()) {
            sb.append(query == null ? "" : query);
        } else {
            for (String name : profile.varyByQuery()) {
                sb.append(SEP).append(name).append('=');
                appendValues(sb, query, name);
            }
        }
        sb.append(SEP).append('h');
        for (String name : profile.varyByHeaders()) {
            String v = header.apply(name);
            sb.append(SEP).append(name).append('=').append(v == null ? "\u0001" : v);
        }
        return sb.toString();
    }

    /** Appends every raw value of parameter {@code name} (case-insensitive) in the query, in order. */
    private static void appendValues(StringBuilder sb, String query, String name) {
        if (query == null) {
            return;
        }
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            if (nameEnd - start == name.length() && query.regionMatches(true, start, name, 0, name.length())) {
                sb.append(nameEnd < end ? query.substring(nameEnd + 1, end) : "").append(SEP).append(',');
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }
}
