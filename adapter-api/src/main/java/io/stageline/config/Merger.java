package io.stageline.config;

import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.DocumentEntry;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.Keyed;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.ConfigFile.SectionLevel;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.match.AccessPolicy;
import io.stageline.modules.staticfile.MimeMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the layers, lowest first, with IIS's per-collection rules (reference §2.3, §3.2, §6.1, §6.2): within a
 * level the operations run in document order; {@code clear} empties everything inherited (and the level's own
 * earlier adds); {@code remove} of an unknown key is a no-op; {@code add} of a key already present is an error.
 * Append collections put the level's adds after what it inherits, prepend collections before it. Scalars: the
 * nearest level that sets one wins.
 */
final class Merger {
    /** Where the MIME map entries of the built-in properties resource come from, for messages. */
    static final Position BUILT_IN_MIME = new Position("builtin:" + MimeMap.RESOURCE, 0, 0);

    private final Problems problems;
    private final Set<Position> locked;

    Merger(Problems problems) {
        this(problems, Set.of());
    }

    /** {@code locked}: the positions of the entries written with {@code lockItem: true}. */
    Merger(Problems problems, Set<Position> locked) {
        this.problems = problems;
        this.locked = locked;
    }

    /** The sections a location may set, applied on top of {@code base} with the same merge rules as a level. */
    LocationConfiguration apply(LocationConfiguration base, ConfigFile.Location location) {
        ConfigFile body = location.body();
        List<SectionLevel> levels = base.sectionLevels();
        if (!body.moduleSections().isEmpty()) {
            levels = new ArrayList<>(levels);
            levels.add(new SectionLevel(location.path(), body.moduleSections()));
            levels = List.copyOf(levels);
        }
        return new LocationConfiguration(base.path(),
                merge(base.handlers(), body.handlers(), true, false, "handler mapping"),
                base.handlersChanged() || !body.handlers().isEmpty(),
                merge(base.mimeMap(), body.mimeMap(), false, true, "MIME map entry"),
                body.defaultDocumentEnabled() != null ? body.defaultDocumentEnabled().value()
                        : base.defaultDocumentEnabled(),
                merge(base.defaultDocuments(), body.defaultDocuments(), true, true, "default document"),
                body.directoryBrowseEnabled() != null ? body.directoryBrowseEnabled().value()
                        : base.directoryBrowseEnabled(),
                levels);
    }

    EffectiveConfiguration merge(List<ConfigFile> layers) {
        List<ModuleEntry> modules = List.of();
        List<HandlerEntry> handlers = List.of();
        List<MimeEntry> mime = builtInMime();
        List<DocumentEntry> docs = List.of();
        List<ModuleEntry> legacyModules = List.of();
        List<HandlerEntry> legacyHandlers = List.of();
        for (ConfigFile f : layers) {
            modules = merge(modules, f.modules(), false, false, "module");
            handlers = merge(handlers, f.handlers(), true, false, "handler mapping");
            mime = merge(mime, f.mimeMap(), false, true, "MIME map entry");
            docs = merge(docs, f.defaultDocuments(), true, true, "default document");
            legacyModules = merge(legacyModules, f.legacyModules(), false, false, "legacy module");
            legacyHandlers = merge(legacyHandlers, f.legacyHandlers(), true, false, "legacy handler");
        }
        List<SectionLevel> sectionLevels = new ArrayList<>();
        for (ConfigFile f : layers) {
            sectionLevels.add(new SectionLevel("", f.moduleSections()));
        }
        return new EffectiveConfiguration(
                nearest(layers, ConfigFile::pipelineMode, PipelineMode.INTEGRATED),
                nearest(layers, ConfigFile::validateIntegratedModeConfiguration, true),
                nearest(layers, ConfigFile::runAllManagedModulesForAllRequests, false),
                modules,
                nearest(layers, ConfigFile::accessPolicy, AccessPolicy.DEFAULT.toString()),
                handlers, mime,
                nearest(layers, ConfigFile::defaultDocumentEnabled, true),
                docs,
                nearest(layers, ConfigFile::directoryBrowseEnabled, false),
                legacyModules, legacyHandlers,
                nearest(layers, ConfigFile::legacyImpersonate, false)).withSectionLevels(sectionLevels);
    }

    private static List<MimeEntry> builtInMime() {
        List<MimeEntry> out = new ArrayList<>();
        for (Map.Entry<String, String> e : MimeMap.defaults().asMap().entrySet()) {
            out.add(new MimeEntry(e.getKey(), e.getValue(), BUILT_IN_MIME));
        }
        return List.copyOf(out);
    }

    private static <T> T nearest(List<ConfigFile> layers, java.util.function.Function<ConfigFile, Setting<T>> get,
                                 T fallback) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Setting<T> s = get.apply(layers.get(i));
            if (s != null) {
                return s.value();
            }
        }
        return fallback;
    }

    <T extends Keyed> List<T> merge(List<T> inherited, List<ListOp<T>> ops, boolean prepend, boolean caseInsensitive,
                                    String what) {
        List<T> inh = new ArrayList<>(inherited);
        List<T> own = new ArrayList<>();
        for (ListOp<T> op : ops) {
            switch (op.kind()) {
                case CLEAR -> {
                    for (T e : inh) {
                        checkLock(e, op, what);
                    }
                    inh.clear();
                    own.clear();
                }
                case REMOVE -> {
                    String key = caseInsensitive ? op.key().toLowerCase(Locale.ROOT) : op.key();
                    for (T e : inh) {
                        if (e.key().equals(key)) {
                            checkLock(e, op, what);
                        }
                    }
                    inh.removeIf(e -> e.key().equals(key));
                    own.removeIf(e -> e.key().equals(key));
                }
                default -> add(inh, own, op, what);
            }
        }
        List<T> out = new ArrayList<>(inherited.size() + own.size());
        out.addAll(prepend ? own : inh);
        out.addAll(prepend ? inh : own);
        return List.copyOf(out);
    }

    /** An entry locked in one file cannot be dropped by an operation of another file (a lower level). */
    private <T extends Keyed> void checkLock(T entry, ListOp<T> op, String what) {
        Position lock = entry.pos();
        if (!locked.contains(lock) || Objects.equals(lock.file(), op.pos().file())) {
            return;
        }
        String action = op.kind() == ListOp.Kind.CLEAR ? "cannot clear the " + what + " list: it holds " + what
                + " '" + entry.key() + "'" : "cannot remove " + what + " '" + entry.key() + "'";
        problems.add(ProblemCode.LOCKED, op.pos(), action + ", locked at " + lockedAt(lock) + " (lockItem: true)",
                "leave it in place, or ask the server administrator to unlock it");
    }

    /** {@code file:line} of a server-level lock, as lock messages name it. */
    static String lockedAt(Position p) {
        return p.file() + ":" + p.line();
    }

    private <T extends Keyed> void add(List<T> inh, List<T> own, ListOp<T> op, String what) {
        T existing = find(inh, op.key());
        if (existing == null) {
            existing = find(own, op.key());
        }
        if (existing == null) {
            own.add(op.entry());
            return;
        }
        String where = existing.pos().line() > 0 ? " (added at " + existing.pos() + ")" : " (" + existing.pos() + ")";
        problems.add(ProblemCode.DUPLICATE_ADD, op.pos(), "cannot add duplicate " + what + " '" + op.key() + "': it "
                + "is already in the list" + where, "remove it first ('- remove: " + op.key() + "', then '- add: "
                + op.key() + "')");
    }

    private static <T extends Keyed> T find(List<T> list, String key) {
        for (T e : list) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }
}
