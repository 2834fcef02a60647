package io.stageline.modules.requestfiltering;

import io.stageline.api.ModuleSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A collection setting written as IIS writes it: a list of operations {@code - add: KEY} (with the entry's
 * attributes), {@code - remove: KEY} and {@code - clear}, applied in order to the module's built-in entries.
 * A duplicate {@code add} is an error, {@code remove} of an unknown key is a no-op.
 */
final class ListOps {
    /** Builds one entry from its key and its other attributes; throws {@link IllegalArgumentException} when bad. */
    @FunctionalInterface
    interface Adder<T> {
        T entry(String key, ModuleSettings attributes, String where);
    }

    private ListOps() {
    }

    /**
     * Applies the operations in {@code raw} (null = none) to {@code builtIn}.
     *
     * @param where           the setting's name in messages, e.g. {@code requestFiltering.hiddenSegments}
     * @param caseInsensitive whether keys compare ignoring case
     * @param attributes      the keys an add entry may carry besides {@code add}
     */
    static <T> List<T> apply(Object raw, String where, Map<String, T> builtIn, boolean caseInsensitive,
                             Set<String> attributes, Adder<T> adder) {
        Map<String, T> entries = new LinkedHashMap<>();
        for (Map.Entry<String, T> e : builtIn.entrySet()) {
            entries.put(norm(e.getKey(), caseInsensitive), e.getValue());
        }
        if (raw == null) {
            return List.copyOf(entries.values());
        }
        if (!(raw instanceof List<?> ops)) {
            throw new IllegalArgumentException(where + " must be a list of '- add: KEY', '- remove: KEY' or '- clear'");
        }
        for (int i = 0; i < ops.size(); i++) {
            applyOne(ops.get(i), where + "[" + i + "]", entries, caseInsensitive, attributes, adder);
        }
        return List.copyOf(entries.values());
    }

    private static <T> void applyOne(Object op, String where, Map<String, T> entries, boolean caseInsensitive,
                                     Set<String> attributes, Adder<T> adder) {
        if ("clear".equals(op)) {
            entries.clear();
            return;
        }
        if (!(op instanceof Map<?, ?> m) || (m.containsKey("add") == m.containsKey("remove"))) {
            throw new IllegalArgumentException(where + " must be '- add: KEY' (with its attributes), '- remove: KEY' "
                    + "or '- clear', not " + op);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            fields.put(String.valueOf(e.getKey()), e.getValue());
        }
        boolean add = fields.containsKey("add");
        Object rawKey = fields.remove(add ? "add" : "remove");
        String key = rawKey == null ? "" : rawKey.toString().trim();
        if (key.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + (add ? "add" : "remove") + "' needs a value");
        }
        if (!add) {
            if (!fields.isEmpty()) {
                throw new IllegalArgumentException(where + ": a remove entry takes only 'remove', not "
                        + String.join(", ", fields.keySet()));
            }
            entries.remove(norm(key, caseInsensitive));
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String k : fields.keySet()) {
            if (!attributes.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown key" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " (known: " + known(attributes) + ")");
        }
        String normalized = norm(key, caseInsensitive);
        if (entries.containsKey(normalized)) {
            throw new IllegalArgumentException(where + ": cannot add duplicate entry '" + key + "': it is already in "
                    + "the list (remove it first: '- remove: " + key + "', then '- add: " + key + "')");
        }
        entries.put(normalized, adder.entry(key, ModuleSettings.of(fields), where));
    }

    private static String known(Set<String> attributes) {
        List<String> all = new ArrayList<>(attributes);
        all.add(0, "add");
        all.sort(null);
        return String.join(", ", all);
    }

    private static String norm(String key, boolean caseInsensitive) {
        return caseInsensitive ? key.toLowerCase(Locale.ROOT) : key;
    }
}
