package io.stageline.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled handler-mapping {@code verb} list (reference §3.4), immutable and thread-safe.
 *
 * <p>The list is comma-separated; each entry is trimmed and must be an HTTP token (RFC 9110 {@code tchar}s).
 * Comparison is <b>case-sensitive</b> and exact: {@code GET} does not match a request method {@code get}. The entry
 * {@code *} matches every method; a {@code *} inside a longer entry is rejected (there are no verb patterns).
 * Duplicates are ignored. Examples: {@code GET,HEAD,POST,DEBUG}, {@code "GET, HEAD"}, {@code *}.
 *
 * <p>A verb mismatch is not an error during selection: the mapping simply does not match and selection continues.
 */
public final class VerbSet {
    /** {@link #methodBit}: a method outside the well-known list, which only {@link #matches} can decide. */
    static final int OTHER_METHOD = 1 << 31;
    private static final String[] KNOWN = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "DEBUG"};

    /** The set that matches every method ({@code *}). */
    public static final VerbSet ANY = new VerbSet(true, new String[0]);

    private final boolean any;
    private final String[] verbs;
    private final int bits;

    private VerbSet(boolean any, String[] verbs) {
        this.any = any;
        this.verbs = verbs;
        int b = any ? -1 : 0;
        for (String v : verbs) {
            b |= methodBit(v);
        }
        this.bits = b;
    }

    /**
     * A one-bit summary of a request method, for a pre-check without string comparisons: the bit of a well-known
     * method (exact, case-sensitive), else {@link #OTHER_METHOD}. Allocation-free.
     */
    static int methodBit(String method) {
        for (int i = 0; i < KNOWN.length; i++) {
            if (KNOWN[i].equals(method)) {
                return 1 << i;
            }
        }
        return OTHER_METHOD;
    }

    /**
     * The union of {@link #methodBit} over the listed verbs (every bit for {@code *}): a set can match a method only
     * if {@code (bits() & methodBit(method)) != 0}, and for a well-known method that test is exact.
     */
    int bits() {
        return bits;
    }

    /**
     * Parses a verb list.
     *
     * @throws IllegalArgumentException naming the list and the entry when an entry is empty or not an HTTP token
     */
    public static VerbSet parse(String verbs) {
        Objects.requireNonNull(verbs, "verbs");
        List<String> out = new ArrayList<>();
        boolean any = false;
        int start = 0;
        while (true) {
            int comma = verbs.indexOf(',', start);
            int end = comma < 0 ? verbs.length() : comma;
            String entry = verbs.substring(start, end).trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("invalid verb list '" + verbs + "': empty entry");
            }
            if (entry.equals("*")) {
                any = true;
            } else {
                checkToken(verbs, entry);
                if (!out.contains(entry)) {
                    out.add(entry);
                }
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return any ? ANY : new VerbSet(false, out.toArray(new String[0]));
    }

    private static void checkToken(String verbs, String entry) {
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '*') {
                throw new IllegalArgumentException("invalid verb list '" + verbs + "': entry '" + entry
                        + "' contains '*'; use '*' alone to match every verb");
            }
            if (!isTokenChar(c)) {
                throw new IllegalArgumentException("invalid verb list '" + verbs + "': entry '" + entry
                        + "' contains a character that is not allowed in an HTTP method at index " + i);
            }
        }
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** True when the request method is in the set (exact, case-sensitive) or the set is {@code *}. */
    public boolean matches(String method) {
        if (any) {
            return true;
        }
        for (String v : verbs) {
            if (v.equals(method)) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code *}. */
    public boolean isAny() {
        return any;
    }

    /** The listed verbs in their first-seen order; empty for {@code *}. */
    public List<String> verbs() {
        return List.of(verbs);
    }

    @Override
    public String toString() {
        return any ? "*" : String.join(",", verbs);
    }
}
