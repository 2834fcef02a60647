package io.stageline.modules.requestfiltering;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Allocation-free string scanning for the checks (ASCII case folding), and the one decoder they need. */
final class Scan {
    private Scan() {
    }

    /** True when {@code needle} occurs in {@code s[from, to)}, ignoring ASCII case. */
    static boolean contains(String s, int from, int to, String needle) {
        int n = needle.length();
        for (int i = from; i + n <= to; i++) {
            if (s.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(String s, String needle) {
        return contains(s, 0, s.length(), needle);
    }

    /** The first of {@code needles} found in {@code s[from, to)}, or null. */
    static String firstFound(String s, int from, int to, String[] needles) {
        for (String needle : needles) {
            if (contains(s, from, to, needle)) {
                return needle;
            }
        }
        return null;
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = (char) (c | 0x20);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    /** The byte a valid escape at {@code i} stands for, or -1 when {@code s[i]} does not start {@code %hh}. */
    static int escapeAt(String s, int i, int to) {
        if (s.charAt(i) != '%' || i + 2 >= to) {
            return -1;
        }
        int hi = hex(s.charAt(i + 1));
        int lo = hex(s.charAt(i + 2));
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    /** True when some '%' in {@code s[from, to)} does not start a valid {@code %hh} escape. */
    static boolean hasUnescapedPercent(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '%' && escapeAt(s, i, to) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes a query string once, as a form does: {@code %hh} as UTF-8 bytes (malformed sequences become U+FFFD,
     * invalid escapes stay as written) and {@code +} as a space. Returns {@code s} itself when there is nothing to
     * decode.
     */
    static String unescapeQuery(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int b = c == '%' ? escapeAt(s, i, s.length()) : -1;
            if (b >= 0) {
                out.write(b);
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
