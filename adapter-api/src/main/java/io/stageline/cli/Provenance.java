package io.stageline.cli;

import io.stageline.config.ConfigFile;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigFile.Location;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.config.ConfigLoader;
import io.stageline.config.LoadedConfiguration;
import io.stageline.config.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each entry of the effective configuration comes from: the layers are replayed with the merge rules (every
 * {@code add}, the {@code remove} and {@code clear} operations that took an entry out, in layer and document order),
 * so an entry shows the {@code add} that put it there and what happened to its name before.
 *
 * <p>At a location ({@link #at}) the handler mappings are replayed further through every {@code locations:} entry
 * covering the location's path, in the order {@code LocationResolver} applies them: least specific first, the server
 * file's entry before the application file's for the same path, server entries only when their {@code application:}
 * filter is absent or names the context path.
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

    /**
     * A {@code locations:} entry that contributes to the location a request falls in.
     *
     * @param layer       server or app
     * @param path        the entry's path as written ({@code /admin} for the location {@code /admin/reports})
     * @param application the server entry's {@code application:} filter ({@code ""}: the root context), or null
     * @param pos         where the entry was written
     */
    record LocationEntry(String layer, String path, String application, Position pos) {
        /** {@code app web/WEB-INF/stageline.yaml:12:5}, then the entry's path when it is not {@code location}'s. */
        String text(String location) {
            return layer + " " + pos + (path.equalsIgnoreCase(location) ? "" : " " + path);
        }
    }

    /** One layer, or one location entry's body, to replay: its layer name and its operations. */
    private record Step(String layer, ConfigFile file) {
    }

    /** A location entry covering the location, and its body. */
    private record Covering(LocationEntry entry, Step body) {
    }

    private final LoadedConfiguration config;
    private final String serverLabel;
    private final String contextPath;
    private final List<ConfigFile> layers;
    private final List<String> layerNames;
    private final List<LocationEntry> locationEntries;
    private final Map<String, List<Op>> modules;
    private final Map<String, List<Op>> handlers;
    private final Map<String, List<Op>> legacyModules;
    private final Map<String, List<Op>> legacyHandlers;
    private final List<Removed> removed = new ArrayList<>();

    /**
     * The provenance of the application level.
     *
     * @param serverLabel the server file's label (its path as given), or null
     * @param contextPath the context path the configuration was loaded for ({@code ""}: the root context; null:
     *                    unknown, so only server locations without an {@code application:} filter apply)
     */
    Provenance(LoadedConfiguration config, String serverLabel, String contextPath) {
        this(config, serverLabel, contextPath, null);
    }

    private Provenance(LoadedConfiguration config, String serverLabel, String contextPath, String location) {
        this.config = config;
        this.serverLabel = serverLabel;
        this.contextPath = contextPath;
        this.layers = config.layers();
        this.layerNames = new ArrayList<>();
        for (ConfigFile f : layers) {
            String name = ConfigLoader.DEFAULTS_LABEL.equals(f.file()) ? DEFAULTS
                    : f.file().equals(serverLabel) ? SERVER : APP;
            layerNames.add(name);
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            steps.add(new Step(layerNames.get(i), layers.get(i)));
        }
        List<Step> located = new ArrayList<>(steps);
        List<LocationEntry> entries = new ArrayList<>();
        if (location != null) {
            List<Covering> covering = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                for (Location l : layers.get(i).locations()) {
                    boolean applies = l.application() == null || l.application().equals(contextPath);
                    if (applies && covers(l.path(), location)) {
                        covering.add(new Covering(new LocationEntry(layerNames.get(i), l.path(), l.application(),
                                l.pos()), new Step(layerNames.get(i), l.body())));
                    }
                }
            }
            covering.sort(Comparator.comparingInt(e -> segments(e.entry().path())));
            for (Covering e : covering) {
                entries.add(e.entry());
                located.add(e.body());
            }
        }
        this.locationEntries = List.copyOf(entries);
        modules = replay("module", steps, ConfigFile::modules);
        handlers = replay("handler", located, ConfigFile::handlers);
        legacyModules = replay("legacy module", steps, ConfigFile::legacyModules);
        legacyHandlers = replay("legacy handler", steps, ConfigFile::legacyHandlers);
    }

    /**
     * The provenance at a location: handler mappings (and the removed ones) replayed through the {@code locations:}
     * entries covering {@code location}; null or {@code ""} for the application root.
     */
    Provenance at(String location) {
        return new Provenance(config, serverLabel, contextPath, location == null || location.isEmpty() ? null
                : location);
    }

    /** The location entries replayed on top of the layers, least specific first; empty at the root. */
    List<LocationEntry> locationEntries() {
        return locationEntries;
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

    /**
     * The application pool the server assigns the context path to, as the operation that sets the mode: the pool's
     * declaration in the file whose {@code applications:} assigns it (the nearest such file); null when none does.
     */
    Op pool() {
        if (contextPath == null) {
            return null;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            ConfigFile.ServerSettings server = layers.get(i).server();
            for (ConfigFile.Assignment a : server.applications()) {
                if (a.contextPath().equals(contextPath)) {
                    for (ConfigFile.Pool p : server.applicationPools()) {
                        if (p.name().equals(a.pool())) {
                            return new Op("pool " + p.name(), layerNames.get(i), p.pos());
                        }
                    }
                }
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

    /** True when {@code prefix} is {@code path} or a segment-aligned prefix of it, ignoring case. */
    static boolean covers(String prefix, String path) {
        String p = prefix.toLowerCase(Locale.ROOT);
        String q = path.toLowerCase(Locale.ROOT);
        return q.equals(p) || q.startsWith(p) && q.charAt(p.length()) == '/';
    }

    private static int segments(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    private <T extends ConfigFile.Keyed> Map<String, List<Op>> replay(String collection, List<Step> steps,
            Function<ConfigFile, List<ListOp<T>>> get) {
        Map<String, List<Op>> history = new LinkedHashMap<>();
        Set<String> present = new LinkedHashSet<>();
        for (Step step : steps) {
            String layer = step.layer();
            for (ListOp<T> op : get.apply(step.file())) {
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
