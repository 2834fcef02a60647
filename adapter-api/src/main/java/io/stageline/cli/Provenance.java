package io.stageline.cli;

import io.stageline.config.ConfigFile;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.config.ConfigLoader;
import io.stageline.config.LoadedConfiguration;
import io.stageline.config.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each entry of the effective configuration comes from: the layers are replayed with the merge rules (every
 * {@code add}, the {@code remove} and {@code clear} operations that took an entry out, in layer and document order),
 * so an entry shows the {@code add} that put it there and what happened to its name before.
 */
final class Provenance {
    static final String DEFAULTS = "defaults";
    static final String SERVER = "server";
    static final String APP = "app";

    /** One operation on an entry ({@code add}, {@code remove}, {@code clear}) or a setting ({@code set}). */
    record Op(String op, String layer, Position pos) {
        /** {@code app web/WEB-INF/stageline.yaml:9:7 add}. */
        String text() {
            return pos.file() == null ? layer + " " + op : layer + " " + pos + " " + op;
        }
    }

    /** The last operation on a name, and the earlier ones in order. */
    record Origin(Op last, List<Op> earlier) {
        /** {@code [app f:9:7 add; earlier: defaults f:31:7 add, app f:8:7 remove]}. */
        String text() {
            StringBuilder sb = new StringBuilder("[").append(last.text());
            for (int i = 0; i < earlier.size(); i++) {
                sb.append(i == 0 ? "; earlier: " : ", ").append(earlier.get(i).text());
            }
            return sb.append(']').toString();
        }
    }

    /** A name that some layer added and a later remove or clear took out. */
    record Removed(String collection, String name, Origin origin) {
    }

    private final List<ConfigFile> layers;
    private final List<String> layerNames;
    private final Map<String, List<Op>> modules;
    private final Map<String, List<Op>> handlers;
    private final Map<String, List<Op>> legacyModules;
    private final Map<String, List<Op>> legacyHandlers;
    private final List<Removed> removed = new ArrayList<>();

    Provenance(LoadedConfiguration config, String serverLabel) {
        this.layers = config.layers();
        this.layerNames = new ArrayList<>();
        for (ConfigFile f : layers) {
            String name = ConfigLoader.DEFAULTS_LABEL.equals(f.file()) ? DEFAULTS
                    : f.file().equals(serverLabel) ? SERVER : APP;
            layerNames.add(name);
        }
        modules = replay("module", ConfigFile::modules);
        handlers = replay("handler", ConfigFile::handlers);
        legacyModules = replay("legacy module", ConfigFile::legacyModules);
        legacyHandlers = replay("legacy handler", ConfigFile::legacyHandlers);
    }

    Origin module(String name) {
        return origin(modules, name);
    }

    Origin handler(String name) {
        return origin(handlers, name);
    }

    Origin legacyModule(String name) {
        return origin(legacyModules, name);
    }

    Origin legacyHandler(String name) {
        return origin(legacyHandlers, name);
    }

    /** Modules and handler mappings (legacy ones included) that were added and then removed or cleared. */
    List<Removed> removed() {
        return List.copyOf(removed);
    }

    /** The nearest layer that sets a scalar, as a {@code set} operation; null when no layer sets it. */
    <T> Op setting(Function<ConfigFile, Setting<T>> get) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Setting<T> s = get.apply(layers.get(i));
            if (s != null) {
                return new Op("set", layerNames.get(i), s.pos());
            }
        }
        return null;
    }

    private static Origin origin(Map<String, List<Op>> history, String name) {
        List<Op> ops = history.get(name);
        if (ops == null || ops.isEmpty()) {
            return null;
        }
        return new Origin(ops.get(ops.size() - 1), List.copyOf(ops.subList(0, ops.size() - 1)));
    }

    private <T extends ConfigFile.Keyed> Map<String, List<Op>> replay(String collection,
            Function<ConfigFile, List<ListOp<T>>> get) {
        Map<String, List<Op>> history = new LinkedHashMap<>();
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layerNames.get(i);
            for (ListOp<T> op : get.apply(layers.get(i))) {
                switch (op.kind()) {
                    case ADD -> {
                        history.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(new Op("add", layer, op.pos()));
                        present.add(op.key());
                    }
                    case REMOVE -> {
                        if (present.remove(op.key())) {
                            history.get(op.key()).add(new Op("remove", layer, op.pos()));
                        }
                    }
                    default -> {
                        for (String key : present) {
                            history.get(key).add(new Op("clear", layer, op.pos()));
                        }
                        present.clear();
                    }
                }
            }
        }
        for (Map.Entry<String, List<Op>> e : history.entrySet()) {
            if (!present.contains(e.getKey())) {
                removed.add(new Removed(collection, e.getKey(), origin(history, e.getKey())));
            }
        }
        return history;
    }
}
