package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.config.ConfigFile.DocumentEntry;
import io.stageline.config.ConfigFile.Keyed;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigFile.Location;
import io.stageline.config.ConfigFile.Locks;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.ConfigFile.SectionValues;
import io.stageline.config.ConfigFile.ServerSettings;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.match.AccessPolicy;
import io.stageline.modules.staticfile.MimeMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Step 2 of parse → validate → compile for one file: checks the {@link YNode} tree against the schema and builds the
 * immutable {@link ConfigFile}. Every problem is reported; a bad entry is left out so that the rest is still checked.
 */
final class ConfigReader extends NodeReader {
    static final List<String> TOP = concat(List.of("pipelineMode", "validation", "modules", "handlers",
            "staticContent", "defaultDocument", "directoryBrowse", "legacy", "locations", "globalModules",
            "applicationPools", "applications"), ModuleSectionReader.TOP);
    /** The sections a {@code locations:} entry may set. */
    static final List<String> LOCATION_SECTIONS = concat(List.of("handlers", "staticContent", "defaultDocument",
            "directoryBrowse"), ModuleSectionReader.IN_LOCATION);
    private static final List<String> LOCATION_KEYS = concat(List.of("path", "application"), LOCATION_SECTIONS);
    private static final List<String> MODULE_ADD = List.of("add", "type", "preCondition", "settings");
    private static final List<String> LEGACY_MODULE_ADD = List.of("add", "type", "settings");
    private static final List<String> LOCK_ITEM = List.of("lockItem");
    private static final List<String> OVERRIDE_MODE = List.of("overrideMode");

    /** Which file is read: the built-in defaults and the server file are "server level" (they may lock). */
    enum Level {
        BUILT_IN, SERVER, APPLICATION
    }

    private final HandlerReader handlerReader;
    private final ClassCheck classes;
    private final Level level;
    private final Set<Position> lockedItems = new LinkedHashSet<>();
    private final Map<String, Position> deniedSections = new LinkedHashMap<>();
    private boolean inLocation;

    ConfigReader(Problems problems, ClassLoader loader) {
        this(problems, loader, Level.APPLICATION);
    }

    ConfigReader(Problems problems, ClassLoader loader, Level level) {
        super(problems);
        this.classes = new ClassCheck(problems, loader);
        this.handlerReader = new HandlerReader(problems, classes);
        this.level = level;
    }

    /** Reads one file's tree (null = empty file). */
    ConfigFile read(String file, YNode root) {
        Fields top = null;
        if (root != null) {
            YNode.MapNode m = map(root, "the configuration file");
            top = m == null ? null : new Fields(m, "the top level", TOP);
        }
        ServerSettings server = new ServerSectionReader(problems).read(top, level != Level.APPLICATION);
        List<Location> locations = locations(file, top);
        return sections(file, top, locations, server);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private ConfigFile sections(String file, Fields top, List<Location> locations, ServerSettings server) {
        Map<String, SectionValues> moduleSections = new ModuleSectionReader(problems).read(top, inLocation,
                (key, known) -> section(top, key, known));
        Fields validation = section(top, "validation", List.of("validateIntegratedModeConfiguration"));
        Fields modules = section(top, "modules", List.of("runAllManagedModulesForAllRequests", "list"));
        Fields handlers = section(top, "handlers", List.of("accessPolicy", "list"));
        Fields stat = section(top, "staticContent", List.of("mimeMap"));
        Fields dd = section(top, "defaultDocument", List.of("enabled", "files"));
        Fields dir = section(top, "directoryBrowse", List.of("enabled"));
        Fields legacy = section(top, "legacy", List.of("httpModules", "httpHandlers", "identity"));
        Fields identity = legacy == null ? null : nested(legacy, "identity", List.of("impersonate"));
        // arguments are evaluated left to right: the lock sets are complete when locks() is called
        return new ConfigFile(file,
                pipelineMode(top),
                boolSetting(validation, "validateIntegratedModeConfiguration"),
                boolSetting(modules, "runAllManagedModulesForAllRequests"),
                ops(modules, "list", "modules.list", MODULE_ADD, (n, f) -> module(n, f, false), true),
                accessPolicy(handlers),
                ops(handlers, "list", "handlers.list", HandlerReader.KEYS, handlerReader::handler, true),
                ops(stat, "mimeMap", "staticContent.mimeMap", List.of("add", "mimeType"), this::mime, true),
                boolSetting(dd, "enabled"),
                ops(dd, "files", "defaultDocument.files", List.of("add"), (n, f) -> new DocumentEntry(n, f.pos()), true),
                boolSetting(dir, "enabled"),
                ops(legacy, "httpModules", "legacy.httpModules", LEGACY_MODULE_ADD, (n, f) -> module(n, f, true), false),
                ops(legacy, "httpHandlers", "legacy.httpHandlers", HandlerReader.LEGACY_KEYS,
                        handlerReader::legacyHandler, false),
                boolSetting(identity, "impersonate"),
                sectionPositions(top),
                locks(),
                locations,
                server,
                moduleSections);
    }

    private Locks locks() {
        if (inLocation || lockedItems.isEmpty() && deniedSections.isEmpty()) {
            return Locks.NONE;
        }
        return new Locks(Set.copyOf(lockedItems), Map.copyOf(deniedSections));
    }

    private static Map<String, Position> sectionPositions(Fields top) {
        if (top == null) {
            return Map.of();
        }
        Map<String, Position> out = new LinkedHashMap<>(top.keyPositions());
        out.keySet().removeAll(List.of("locations", "path", "application"));
        return Collections.unmodifiableMap(out);
    }

    /** Locks may be written only on the top-level sections of the built-in defaults and the server file. */
    private boolean mayLock() {
        return level != Level.APPLICATION && !inLocation;
    }

    private Fields section(Fields parent, String key, List<String> known) {
        YNode n = parent == null ? null : parent.get(key);
        if (n == null) {
            return null;
        }
        YNode.MapNode m = map(n, key);
        if (m == null) {
            return null;
        }
        Fields f = new Fields(m, "'" + key + "'", known, OVERRIDE_MODE);
        overrideMode(key, f);
        return f;
    }

    private Fields nested(Fields parent, String key, List<String> known) {
        YNode n = parent.get(key);
        YNode.MapNode m = n == null ? null : map(n, key);
        return m == null ? null : new Fields(m, "'" + key + "'", known);
    }

    private void overrideMode(String section, Fields f) {
        YNode n = f.get("overrideMode");
        String s = n == null ? null : string(n, "overrideMode");
        if (s == null) {
            return;
        }
        if (!mayLock()) {
            problems.add(ProblemCode.SERVER_LEVEL_ONLY, f.keyPos("overrideMode"), "overrideMode can only be set on a "
                    + "top-level section of the server-level file", "the server level locks or delegates sections; "
                    + "an application or a location cannot");
        } else if ("Deny".equalsIgnoreCase(s.trim())) {
            deniedSections.put(section, f.keyPos("overrideMode"));
        } else if (!"Allow".equalsIgnoreCase(s.trim())) {
            problems.add(ProblemCode.BAD_VALUE, n.pos(), "overrideMode '" + s + "' is not Allow or Deny",
                    "Allow (the default) lets applications set the section; Deny locks it");
        }
    }

    private List<Location> locations(String file, Fields top) {
        YNode n = top == null ? null : top.get("locations");
        YNode.ListNode list = n == null ? null : list(n, "locations");
        if (list == null) {
            return List.of();
        }
        List<Location> out = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        inLocation = true;
        for (YNode item : list.items()) {
            YNode.MapNode m = map(item, "an entry of locations");
            Location loc = m == null ? null : location(file, m, seen);
            if (loc != null) {
                out.add(loc);
            }
        }
        inLocation = false;
        return List.copyOf(out);
    }

    private Location location(String file, YNode.MapNode m, Map<String, Position> seen) {
        List<YNode.Entry> kept = new ArrayList<>();
        for (YNode.Entry e : m.entries()) {
            if (LOCATION_KEYS.contains(e.key())) {
                kept.add(e);
            } else if (TOP.contains(e.key())) {
                problems.add(ProblemCode.NOT_IN_LOCATION, e.keyPos(), "'" + e.key() + "' cannot be set in a location: "
                        + "it applies to the whole application", "a location may set " + String.join(", ",
                        LOCATION_SECTIONS) + "; write '" + e.key() + "' at the top level");
            } else {
                problems.add(ProblemCode.UNKNOWN_KEY, e.keyPos(), "unknown key '" + e.key() + "' in a locations entry",
                        "known keys: " + String.join(", ", LOCATION_KEYS));
            }
        }
        Fields f = new Fields(new YNode.MapNode(kept, m.pos()), "a locations entry", LOCATION_KEYS);
        YNode pathNode = f.required("path", "a locations entry");
        String path = pathNode == null ? null : locationPath(pathNode);
        String app = application(f.get("application"));
        ConfigFile body = sections(file, f, List.of(), ServerSettings.NONE);
        if (path == null || f.get("application") != null && app == null) {
            return null;
        }
        String key = (app == null ? "*" : app) + " " + path.toLowerCase(Locale.ROOT);
        Position first = seen.putIfAbsent(key, pathNode.pos());
        if (first != null) {
            problems.add(ProblemCode.DUPLICATE_LOCATION, pathNode.pos(), "location '" + path + "' is declared twice "
                    + "in this file (first at " + first + ")", "merge the two entries; paths are compared "
                    + "case-insensitively and a trailing / is ignored");
            return null;
        }
        return new Location(path, app, m.pos(), body);
    }

    private String application(YNode n) {
        if (n == null) {
            return null;
        }
        String s = string(n, "application");
        if (s == null) {
            return null;
        }
        if (level == Level.APPLICATION) {
            problems.add(ProblemCode.SERVER_LEVEL_ONLY, n.pos(), "'application' can only be set on a location of the "
                    + "server-level file", "the application's own locations always apply to it");
            return null;
        }
        String cp = contextPath(s);
        if (cp == null) {
            problems.add(ProblemCode.BAD_VALUE, n.pos(), "application '" + s + "' is not a context path",
                    "write the context path, e.g. /shop, or / for the root context");
        }
        return cp;
    }

    private Setting<PipelineMode> pipelineMode(Fields top) {
        YNode n = top == null ? null : top.get("pipelineMode");
        PipelineMode m = n == null ? null : pipelineMode(n, "pipelineMode");
        return m == null ? null : new Setting<>(m, n.pos());
    }

    private Setting<Boolean> boolSetting(Fields f, String key) {
        YNode n = f == null ? null : f.get(key);
        Boolean b = n == null ? null : bool(n, key);
        return b == null ? null : new Setting<>(b, n.pos());
    }

    private Setting<String> accessPolicy(Fields handlers) {
        YNode n = handlers == null ? null : handlers.get("accessPolicy");
        String s = n == null ? null : string(n, "accessPolicy");
        if (s == null) {
            return null;
        }
        if (inLocation) {
            problems.add(ProblemCode.NOT_IN_LOCATION, handlers.keyPos("accessPolicy"), "'handlers.accessPolicy' cannot "
                    + "be set in a location: the access policy applies to the whole application",
                    "write it in the top-level handlers section");
            return null;
        }
        try {
            AccessPolicy.parse(s);
            return new Setting<>(s, n.pos());
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.BAD_ACCESS_POLICY, n.pos(), e.getMessage(),
                    "a comma list of None, Read, Write, Execute, Source, Script, NoRemoteWrite, ...");
            return null;
        }
    }

    /** Reads an add entry: the add's value (its key) and the entry's other fields. */
    interface AddReader<T> {
        T read(String key, Fields fields);
    }

    private <T extends Keyed> List<ListOp<T>> ops(Fields parent, String key, String where, List<String> addKeys,
                                                  AddReader<T> reader, boolean lockable) {
        YNode n = parent == null ? null : parent.get(key);
        YNode.ListNode list = n == null ? null : list(n, where);
        if (list == null) {
            return List.of();
        }
        List<ListOp<T>> out = new ArrayList<>();
        for (YNode item : list.items()) {
            ListOp<T> op = op(item, where, addKeys, reader, lockable);
            if (op != null) {
                out.add(op);
            }
        }
        return List.copyOf(out);
    }

    private <T extends Keyed> ListOp<T> op(YNode item, String where, List<String> addKeys, AddReader<T> reader,
                                           boolean lockable) {
        String hint = "write '- add: NAME' (with its settings), '- remove: NAME' or '- clear'";
        if (item instanceof YNode.Scalar s && "clear".equals(s.value())) {
            return new ListOp<>(ListOp.Kind.CLEAR, null, null, item.pos());
        }
        if (!(item instanceof YNode.MapNode m) || m.entries().isEmpty()) {
            problems.add(ProblemCode.BAD_VALUE, item.pos(), "an entry of " + where + " must be add, remove or clear", hint);
            return null;
        }
        String verb = m.entries().get(0).key();
        if ("remove".equals(verb)) {
            Fields f = new Fields(m, "a remove entry of " + where, List.of("remove"));
            String name = string(f.get("remove"), "remove");
            return name == null ? null : new ListOp<>(ListOp.Kind.REMOVE, name.trim(), null, item.pos());
        }
        if (!"add".equals(verb)) {
            problems.add(ProblemCode.BAD_VALUE, m.entries().get(0).keyPos(), "an entry of " + where
                    + " must start with add or remove, not '" + verb + "'", hint);
            return null;
        }
        Fields f = new Fields(m, "an add entry of " + where, addKeys, lockable ? LOCK_ITEM : List.of());
        String name = string(f.get("add"), "add");
        if (name == null) {
            return null;
        }
        T entry = reader.read(name.trim(), f);
        if (lockable && f.get("lockItem") != null) {
            lockItem(f, entry);
        }
        return entry == null ? null : new ListOp<>(ListOp.Kind.ADD, entry.key(), entry, item.pos());
    }

    private void lockItem(Fields f, Keyed entry) {
        Boolean lock = bool(f.get("lockItem"), "lockItem");
        if (lock == null) {
            return;
        }
        if (!mayLock()) {
            problems.add(ProblemCode.SERVER_LEVEL_ONLY, f.keyPos("lockItem"), "lockItem can only be set on an entry of "
                    + "a top-level section of the server-level file", "the server level locks entries; an "
                    + "application or a location cannot");
        } else if (lock && entry != null) {
            lockedItems.add(entry.pos());
        }
    }

    private ModuleEntry module(String name, Fields f, boolean legacy) {
        YNode typeNode = legacy ? f.required("type", "legacy module '" + name + "'") : f.get("type");
        String type = typeNode == null ? null : string(typeNode, "type");
        boolean ok = !(legacy && typeNode == null);
        if (type != null) {
            ok = classes.check(type.trim(), typeNode.pos(), PipelineModule.class, "module '" + name + "'");
        } else if (!legacy && typeNode == null && !BuiltInModules.contains(name)) {
            problems.add(ProblemCode.UNKNOWN_NATIVE_MODULE, f.pos(), "module '" + name + "' is not a built-in module",
                    "built-in modules: " + String.join(", ", Stageline.BUILT_IN_MODULES)
                            + "; a module of your own needs type: <class name>");
            ok = false;
        } else if (typeNode != null) {
            ok = false;
        }
        List<String> pre = preConditions(f.get("preCondition"), true);
        YNode settingsNode = f.get("settings");
        Map<String, Object> settings = Map.of();
        if (settingsNode != null) {
            YNode.MapNode sm = map(settingsNode, "settings");
            ok &= sm != null;
            if (sm != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> plain = (Map<String, Object>) plain(sm);
                settings = plain;
            }
        }
        return ok && pre != null ? new ModuleEntry(name, type == null ? null : type.trim(), pre, settings, f.pos()) : null;
    }

    private MimeEntry mime(String ext, Fields f) {
        YNode typeNode = f.required("mimeType", "MIME map entry '" + ext + "'");
        String type = typeNode == null ? null : string(typeNode, "mimeType");
        if (type == null) {
            return null;
        }
        try {
            MimeMap.defaults().merge(Map.of(ext, type));
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.BAD_VALUE, f.pos(), e.getMessage().replace("setting 'mimeMap': ", ""));
            return null;
        }
        return new MimeEntry(ext, type.trim(), f.pos());
    }
}
