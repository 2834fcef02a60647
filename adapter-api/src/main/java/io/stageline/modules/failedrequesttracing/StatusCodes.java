package io.stageline.modules.failedrequesttracing;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code statusCodes} list of a failure definition: {@code "400-599"}, {@code "404.3, 500"}. A code without substatus
 * matches every substatus; a range covers whole codes; entries are separated by commas.
 */
final class StatusCodes {
    private static final int ANY = -1;

    private final String text;
    private final int[] from;
    private final int[] to;
    private final int[] sub;

    private StatusCodes(String text, int[] from, int[] to, int[] sub) {
        this.text = text;
        this.from = from;
        this.to = to;
        this.sub = sub;
    }

    static StatusCodes parse(String text) {
        List<int[]> entries = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String e = raw.trim();
            if (e.isEmpty()) {
                throw bad(text, "an empty entry");
            }
            int dash = e.indexOf('-');
            int dot = e.indexOf('.');
            if (dash >= 0) {
                int a = code(text, e.substring(0, dash).trim());
                int b = code(text, e.substring(dash + 1).trim());
                if (a > b) {
                    throw bad(text, "the range " + e + " runs backwards");
                }
                entries.add(new int[] {a, b, ANY});
            } else if (dot >= 0) {
                int c = code(text, e.substring(0, dot));
                entries.add(new int[] {c, c, number(text, e.substring(dot + 1), 0, 999, "a substatus")});
            } else {
                int c = code(text, e);
                entries.add(new int[] {c, c, ANY});
            }
        }
        int n = entries.size();
        int[] from = new int[n];
        int[] to = new int[n];
        int[] sub = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = entries.get(i)[0];
            to[i] = entries.get(i)[1];
            sub[i] = entries.get(i)[2];
        }
        return new StatusCodes(text.trim(), from, to, sub);
    }

    private static int code(String text, String s) {
        return number(text, s, 100, 999, "an HTTP status code");
    }

    private static int number(String text, String s, int min, int max, String what) {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(text, "'" + s + "' is not " + what);
        }
        if (v < min || v > max) {
            throw bad(text, "'" + s + "' is not " + what);
        }
        return v;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("statusCodes '" + text + "': " + why
                + " (write codes, code.substatus or ranges, e.g. \"400-599\", \"404.3, 500\")");
    }

    boolean matches(int status, int subStatus) {
        for (int i = 0; i < from.length; i++) {
            if (status >= from[i] && status <= to[i] && (sub[i] == ANY || sub[i] == subStatus)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
