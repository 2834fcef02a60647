package io.stageline.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Request headers and server variables changed by modules (integrated mode). Created only when a module changes
 * something, so an untouched request carries none and needs no request wrapper.
 */
public final class HeaderOverrides {
    /** Lower-cased header name -> values (empty list = removed). */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> originalCase = new LinkedHashMap<>();
    private Map<String, String> variables;

    HeaderOverrides() {
    }

    static void checkValue(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ':') {
                throw new IllegalArgumentException("header name '" + name + "' contains an invalid character");
            }
        }
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("header '" + name + "' value contains CR, LF or NUL");
                }
            }
        }
    }

    void set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        originalCase.put(key, name);
        headers.put(key, value == null ? List.of() : List.of(value));
    }

    /** True when a module set or removed this header. */
    public boolean overrides(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The overriding values (empty when removed). Only meaningful when {@link #overrides(String)}. */
    public List<String> values(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    /** The header names after the overrides are applied to the container's names. */
    public Collection<String> names(Collection<String> containerNames) {
        List<String> out = new ArrayList<>();
        for (String n : containerNames) {
            List<String> v = headers.get(n.toLowerCase(Locale.ROOT));
            if (v == null || !v.isEmpty()) {
                out.add(n);
            }
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (!e.getValue().isEmpty() && !containsIgnoreCase(containerNames, e.getKey())) {
                out.add(originalCase.get(e.getKey()));
            }
        }
        return out;
    }

    private static boolean containsIgnoreCase(Collection<String> names, String lower) {
        for (String n : names) {
            if (n.equalsIgnoreCase(lower)) {
                return true;
            }
        }
        return false;
    }

    /** True when any request header was changed (the servlet layer then wraps the request). */
    public boolean hasHeaderChanges() {
        return !headers.isEmpty();
    }

    String variable(String name) {
        return variables == null ? null : variables.get(name.toUpperCase(Locale.ROOT));
    }

    void setVariable(String name, String value) {
        if (variables == null) {
            variables = new LinkedHashMap<>();
        }
        variables.put(name.toUpperCase(Locale.ROOT), value);
    }

    /** Server variables set by modules (upper-case names), never null. */
    public Map<String, String> variables() {
        return variables == null ? Map.of() : variables;
    }
}
