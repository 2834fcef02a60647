package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.config.ConfigFile.DocumentEntry;
import io.stageline.config.ConfigFile.Keyed;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.match.AccessPolicy;
import io.stageline.modules.staticfile.MimeMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 2 of parse → validate → compile for one file: checks the {@link YNode} tree against the schema and builds the
 * immutable {@link ConfigFile}. Every problem is reported; a bad entry is left out so that the rest is still checked.
 */
final class ConfigReader extends NodeReader {
    static final List<String> TOP = List.of("pipelineMode", "validation", "modules", "handlers", "staticContent",
            "defaultDocument", "directoryBrowse", "legacy");
    private static final List<String> MODULE_ADD = List.of("add", "type", "preCondition", "settings");
    private static final List<String> LEGACY_MODULE_ADD = List.of("add", "type", "settings");

    private final HandlerReader handlerReader;
    private final ClassCheck classes;

    ConfigReader(Problems problems, ClassLoader loader) {
        super(problems);
        this.classes = new ClassCheck(problems, loader);
        this.handlerReader = new HandlerReader(problems, classes);
    }

    /** Reads one file's tree (null = empty file). */
    ConfigFile read(String file, YNode root) {
        Fields top = null;
        if (root != null) {
            YNode.MapNode m = map(root, "the configuration file");
            top = m == null ? null : new Fields(m, "the top level", TOP);
        }
        Fields validation = section(top, "validation", List.of("validateIntegratedModeConfiguration"));
        Fields modules = section(top, "modules", List.of("runAllManagedModulesForAllRequests", "list"));
        Fields handlers = section(top, "handlers", List.of("accessPolicy", "list"));
        Fields stat = section(top, "staticContent", List.of("mimeMap"));
        Fields dd = section(top, "defaultDocument", List.of("enabled", "files"));
        Fields dir = section(top, "directoryBrowse", List.of("enabled"));
        Fields legacy = section(top, "legacy", List.of("httpModules", "httpHandlers", "identity"));
        Fields identity = legacy == null ? null : section(legacy, "identity", List.of("impersonate"));
        return new ConfigFile(file,
                pipelineMode(top),
                boolSetting(validation, "validateIntegratedModeConfiguration"),
                boolSetting(modules, "runAllManagedModulesForAllRequests"),
                ops(modules, "list", "modules.list", MODULE_ADD, (n, f) -> module(n, f, false)),
                accessPolicy(handlers),
                ops(handlers, "list", "handlers.list", HandlerReader.KEYS, handlerReader::handler),
                ops(stat, "mimeMap", "staticContent.mimeMap", List.of("add", "mimeType"), this::mime),
                boolSetting(dd, "enabled"),
                ops(dd, "files", "defaultDocument.files", List.of("add"), (n, f) -> new DocumentEntry(n, f.pos())),
                boolSetting(dir, "enabled"),
                ops(legacy, "httpModules", "legacy.httpModules", LEGACY_MODULE_ADD, (n, f) -> module(n, f, true)),
                ops(legacy, "httpHandlers", "legacy.httpHandlers", HandlerReader.LEGACY_KEYS, handlerReader::legacyHandler),
                boolSetting(identity, "impersonate"));
    }

    private Fields section(Fields parent, String key, List<String> known) {
        YNode n = parent == null ? null : parent.get(key);
        if (n == null) {
            return null;
        }
        YNode.MapNode m = map(n, key);
        return m == null ? null : new Fields(m, "'" + key + "'", known);
    }

    private Setting<PipelineMode> pipelineMode(Fields top) {
        YNode n = top == null ? null : top.get("pipelineMode");
        String s = n == null ? null : string(n, "pipelineMode");
        if (s == null) {
            return null;
        }
        for (PipelineMode m : PipelineMode.values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return new Setting<>(m, n.pos());
            }
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), "pipelineMode '" + s + "' is not a pipeline mode",
                "write integrated or classic");
        return null;
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
                                                  AddReader<T> reader) {
        YNode n = parent == null ? null : parent.get(key);
        YNode.ListNode list = n == null ? null : list(n, where);
        if (list == null) {
            return List.of();
        }
        List<ListOp<T>> out = new ArrayList<>();
        for (YNode item : list.items()) {
            ListOp<T> op = op(item, where, addKeys, reader);
            if (op != null) {
                out.add(op);
            }
        }
        return List.copyOf(out);
    }

    private <T extends Keyed> ListOp<T> op(YNode item, String where, List<String> addKeys, AddReader<T> reader) {
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
        Fields f = new Fields(m, "an add entry of " + where, addKeys);
        String name = string(f.get("add"), "add");
        if (name == null) {
            return null;
        }
        T entry = reader.read(name.trim(), f);
        return entry == null ? null : new ListOp<>(ListOp.Kind.ADD, entry.key(), entry, item.pos());
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
