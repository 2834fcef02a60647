package io.stageline.modules.auth;

import io.stageline.api.ModuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the rule collections of the authorization modules. A location's settings carry the rule operations of
 * <em>every</em> configuration level that applies to it, so the module can apply its own merge rule (IIS: parent
 * first; ASP.NET: nearest first):
 *
 * <pre>{@code
 * levels:                         # outermost first: built-in defaults, server, application, enclosing locations
 *   - { path: "", list: [ { add: { accessType: Allow, users: "*" } } ] }
 *   - { path: /admin, list: [ clear, { add: { accessType: Allow, roles: admin } } ] }
 * }</pre>
 *
 * <p>{@code list: [...]} alone is one level (configuration in code, or an application without locations). Each entry of
 * a list is an operation: a map with one key ({@code add}, {@code remove}, {@code allow}, {@code deny}, {@code clear})
 * or the scalar {@code clear}.
 */
public final class RuleLevels {
    /** One configuration level: where it comes from and its operations in order. */
    public record Level(String path, List<Op> ops) {
    }

    /** One operation: its name ({@code add}, {@code clear}...) and its value (null for clear). */
    public record Op(String name, Object value, String where) {
    }

    private RuleLevels() {
    }

    /** The levels of {@code settings}, outermost first; null when it has neither {@code list} nor {@code levels}. */
    public static List<Level> read(ModuleSettings settings, String module) {
        if (settings.has("list") && settings.has("levels")) {
            throw new IllegalArgumentException(module + ": give either 'list' (one level) or 'levels', not both");
        }
        if (settings.has("list")) {
            return List.of(level("", settings.get("list"), module));
        }
        if (!settings.has("levels")) {
            return null;
        }
        List<Level> out = new ArrayList<>();
        int i = 0;
        for (Object o : settings.getList("levels")) {
            i++;
            if (!(o instanceof Map<?, ?> m) || !m.containsKey("list")
                    || (m.size() != 1 && !(m.size() == 2 && m.containsKey("path")))) {
                throw new IllegalArgumentException(module + ": levels entry #" + i + " must be a map with 'path' and "
                        + "'list'");
            }
            Object path = m.get("path");
            out.add(level(path == null ? "" : path.toString(), m.get("list"), module));
        }
        return out;
    }

    private static Level level(String path, Object list, String module) {
        if (list != null && !(list instanceof List<?>)) {
            throw new IllegalArgumentException(module + ": 'list' at level '" + path + "' must be a list");
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        for (Object o : list == null ? List.of() : (List<?>) list) {
            i++;
            String where = module + " rule #" + i + (path.isEmpty() ? "" : " of " + path);
            if ("clear".equals(o)) {
                ops.add(new Op("clear", null, where));
            } else if (o instanceof Map<?, ?> m && m.size() == 1 && m.keySet().iterator().next() instanceof String k) {
                ops.add(new Op(k, m.get(k), where));
            } else {
                throw new IllegalArgumentException(where + " must be 'clear' or a map with one operation key");
            }
        }
        return new Level(path, List.copyOf(ops));
    }
}
