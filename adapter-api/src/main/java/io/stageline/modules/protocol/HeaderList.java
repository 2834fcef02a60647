package io.stageline.modules.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code customHeaders} / {@code redirectHeaders} collection: operations applied in order, lowest configuration
 * layer first — {@code - clear}, {@code - remove: X-Powered-By}, {@code - add: X-Frame-Options} with
 * {@code value: DENY} beside it (an already merged entry may say {@code name:} instead of {@code add:}). Names are
 * case-insensitive keys; adding a name that is present is an error (remove it first).
 */
public final class HeaderList {
    /** One header to send. */
    public record Header(String name, String value) {
    }

    private HeaderList() {
    }

    static List<Header> parse(String key, List<Object> ops) {
        Map<String, Header> out = new LinkedHashMap<>();
        for (Object op : ops) {
            if ("clear".equals(op) || op instanceof Map<?, ?> c && c.size() == 1 && c.containsKey("clear")) {
                out.clear();
                continue;
            }
            if (!(op instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("setting '" + key + "': '" + op + "' is not clear, add or remove");
            }
            for (Object k : m.keySet()) {
                if (!List.of("add", "remove", "name", "value").contains(String.valueOf(k))) {
                    throw new IllegalArgumentException("setting '" + key + "': unknown key '" + k + "' in " + m
                            + " (known: add, name, remove, value)");
                }
            }
            Object removed = m.get("remove");
            if (removed != null) {
                out.remove(String.valueOf(removed).trim().toLowerCase(Locale.ROOT));
                continue;
            }
            Object n = m.containsKey("add") ? m.get("add") : m.get("name");
            String name = n == null ? "" : n.toString().trim();
            Object v = m.get("value");
            String value = v == null ? "" : v.toString();
            check(key, name, value);
            if (out.putIfAbsent(name.toLowerCase(Locale.ROOT), new Header(name, value)) != null) {
                throw new IllegalArgumentException("setting '" + key + "': duplicate header '" + name
                        + "' (remove it first)");
            }
        }
        return List.copyOf(new ArrayList<>(out.values()));
    }

    private static void check(String key, String name, String value) {
        boolean ok = !name.isEmpty();
        for (int i = 0; i < name.length() && ok; i++) {
            char c = name.charAt(i);
            ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
        if (!ok) {
            throw new IllegalArgumentException("setting '" + key + "': '" + name + "' is not a header name");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("setting '" + key + "': the value of '" + name
                        + "' contains a line break");
            }
        }
    }
}
