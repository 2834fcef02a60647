package io.stageline.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's settings, read once in {@link PipelineModule#init(ModuleSetup)}. Getters convert the YAML scalars and
 * fail with an {@link IllegalArgumentException} naming the key when a value has the wrong shape.
 */
public final class ModuleSettings {
    private static final ModuleSettings EMPTY = new ModuleSettings(Map.of());

    private final Map<String, Object> values;

    private ModuleSettings(Map<String, Object> values) {
        this.values = values;
    }

    public static ModuleSettings of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? EMPTY
                : new ModuleSettings(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    public static ModuleSettings empty() {
        return EMPTY;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String getString(String key, String defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : v.toString();
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if ("true".equalsIgnoreCase(s)) {
            return true;
        }
        if ("false".equalsIgnoreCase(s)) {
            return false;
        }
        throw bad(key, v, "true or false");
    }

    public long getLong(String key, long defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    public int getInt(String key, int defaultValue) {
        long v = getLong(key, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw bad(key, v, "an integer that fits 32 bits");
        }
        return (int) v;
    }

    /** Reads a duration written as {@code 250ms}, {@code 30s}, {@code 20m}, {@code 2h}, {@code 1d}, or plain seconds. */
    public Duration getDuration(String key, Duration defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        Duration d = Durations.parse(v.toString());
        if (d == null) {
            throw bad(key, v, "a duration such as 250ms, 30s, 20m, 2h or 1d");
        }
        return d;
    }

    /** Reads a list; a single scalar counts as a one-element list. */
    public List<Object> getList(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return Collections.unmodifiableList(l);
        }
        return List.of(v);
    }

    private static IllegalArgumentException bad(String key, Object value, String expected) {
        return new IllegalArgumentException("setting '" + key + "' is '" + value + "', expected " + expected);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
