package io.stageline.modules;

import io.stageline.api.ModuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Settings validation shared by the built-in modules: unknown keys are configuration errors, never ignored. */
public final class SettingsCheck {
    private SettingsCheck() {
    }

    /** Throws naming every unknown key and the keys the module knows. */
    public static void onlyKnownKeys(ModuleSettings settings, String module, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String key : settings.asMap().keySet()) {
            if (!known.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " for module " + module + " (known: "
                    + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    /**
     * Reads a list of non-blank strings: a YAML list (entries taken as written, trimmed) or one scalar holding a
     * comma-separated list.
     */
    public static List<String> stringList(ModuleSettings settings, String key, List<String> defaultValue) {
        Object raw = settings.get(key);
        if (raw == null) {
            return defaultValue;
        }
        List<String> parts = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object o : list) {
                parts.add(o == null ? "" : o.toString());
            }
        } else {
            parts.addAll(List.of(raw.toString().split(",", -1)));
        }
        List<String> out = new ArrayList<>(parts.size());
        for (String part : parts) {
            String s = part.trim();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("setting '" + key + "' contains an empty entry");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }
}
