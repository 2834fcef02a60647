package io.stageline.config;

import io.stageline.api.PipelineMode;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One configuration layer as written (built-in defaults, the server-level file or the application's file), validated
 * and immutable. Every setting and every list operation keeps the {@link Position} it was written at. An absent
 * setting is null; an absent collection is an empty operation list.
 *
 * <p>Collections are lists of operations, as IIS's {@code <add>/<remove>/<clear>}:
 * <pre>{@code
 * modules:
 *   list:
 *     - remove: DirectoryListing
 *     - add: Timing
 *       type: com.example.TimingModule
 *       preCondition: managedHandler
 *       settings: { slowMs: 250 }
 *     - clear
 * }</pre>
 * The value of {@code add}/{@code remove} is the entry's key: the name of a module or handler mapping, the
 * {@code fileExtension} of a MIME map entry, the file name of a default document.
 *
 * <p>{@link #sections()} holds the position of every section key the file writes (used for {@code overrideMode:
 * Deny}); {@link #locks()} what a server-level file locks; {@link #locations()} its {@code locations:} entries (each
 * body is a ConfigFile of the same file with only the per-location sections); {@link #server()} the server-only
 * sections ({@link ServerSettings#NONE} in an application file); {@link #moduleSections()} the built-in modules'
 * sections it writes ({@code authentication.basic}, {@code httpErrors}, ...), by section name (see
 * {@link ModuleSectionReader}).
 */
public record ConfigFile(String file,
                         Setting<PipelineMode> pipelineMode,
                         Setting<Boolean> validateIntegratedModeConfiguration,
                         Setting<Boolean> runAllManagedModulesForAllRequests,
                         List<ListOp<ModuleEntry>> modules,
                         Setting<String> accessPolicy,
                         List<ListOp<HandlerEntry>> handlers,
                         List<ListOp<MimeEntry>> mimeMap,
                         Setting<Boolean> defaultDocumentEnabled,
                         List<ListOp<DocumentEntry>> defaultDocuments,
                         Setting<Boolean> directoryBrowseEnabled,
                         List<ListOp<ModuleEntry>> legacyModules,
                         List<ListOp<HandlerEntry>> legacyHandlers,
                         Setting<Boolean> legacyImpersonate,
                         Map<String, Position> sections,
                         Locks locks,
                         List<Location> locations,
                         ServerSettings server,
                         Map<String, SectionValues> moduleSections) {

    /** The first slice's shape: no locations, locks or server-only sections. */
    public ConfigFile(String file, Setting<PipelineMode> pipelineMode, Setting<Boolean> validateIntegratedModeConfiguration,
                      Setting<Boolean> runAllManagedModulesForAllRequests, List<ListOp<ModuleEntry>> modules,
                      Setting<String> accessPolicy, List<ListOp<HandlerEntry>> handlers, List<ListOp<MimeEntry>> mimeMap,
                      Setting<Boolean> defaultDocumentEnabled, List<ListOp<DocumentEntry>> defaultDocuments,
                      Setting<Boolean> directoryBrowseEnabled, List<ListOp<ModuleEntry>> legacyModules,
                      List<ListOp<HandlerEntry>> legacyHandlers, Setting<Boolean> legacyImpersonate) {
        this(file, pipelineMode, validateIntegratedModeConfiguration, runAllManagedModulesForAllRequests, modules,
                accessPolicy, handlers, mimeMap, defaultDocumentEnabled, defaultDocuments, directoryBrowseEnabled,
                legacyModules, legacyHandlers, legacyImpersonate, Map.of(), Locks.NONE, List.of(), ServerSettings.NONE,
                Map.of());
    }

    /** True when the file has a {@code legacy.httpModules} list with any add, remove or clear. */
    public boolean declaresLegacyModules() {
        return !legacyModules.isEmpty();
    }

    /** True when the file has a {@code legacy.httpHandlers} list with any add, remove or clear. */
    public boolean declaresLegacyHandlers() {
        return !legacyHandlers.isEmpty();
    }

    /**
     * A {@code locations:} entry: the canonical application-relative path as written (trailing {@code /} dropped),
     * the server file's optional {@code application:} context-path filter ({@code ""} for the root context; null =
     * every application) and the per-location sections.
     */
    public record Location(String path, String application, Position pos, ConfigFile body) {
    }

    /**
     * What a server-level file locks: the positions of its {@code lockItem: true} entries (an entry is identified by
     * where it was written) and, by section name, where {@code overrideMode: Deny} was written.
     */
    public record Locks(Set<Position> items, Map<String, Position> deniedSections) {
        public static final Locks NONE = new Locks(Set.of(), Map.of());
    }

    /** An {@code applicationPools:} entry. */
    public record Pool(String name, PipelineMode pipelineMode, Position pos) {
    }

    /** An {@code applications:} entry: a context path ({@code ""} for the root context) assigned to a pool. */
    public record Assignment(String contextPath, String pool, Position pos) {
    }

    /** The server-only sections; {@code globalModules} null when the file does not set it. */
    public record ServerSettings(Setting<List<String>> globalModules, List<Pool> applicationPools,
                                 List<Assignment> applications) {
        public static final ServerSettings NONE = new ServerSettings(null, List.of(), List.of());
    }

    /** A scalar setting and where it was written. */
    public record Setting<T>(T value, Position pos) {
    }

    /** An entry of a keyed collection. */
    public interface Keyed {
        /** The unique key; compared exactly (case-insensitive keys are returned lower-cased). */
        String key();

        Position pos();
    }

    /** {@code add} (with its entry), {@code remove} (key only) or {@code clear}. */
    public record ListOp<T extends Keyed>(Kind kind, String key, T entry, Position pos) {
        public enum Kind {
            ADD, REMOVE, CLEAR
        }
    }

    /**
     * A module: a built-in ({@code type} null: native, or one of the managed built-ins such as FormsAuthentication) or
     * an application's managed module ({@code type} = class name).
     */
    public record ModuleEntry(String name, String type, List<String> preConditions, Map<String, Object> settings,
                              Position pos) implements Keyed {
        @Override
        public String key() {
            return name;
        }

        /** True for a {@code type:} module and for a managed built-in (FormsAuthentication, ManagedUrlAuthorization). */
        public boolean managed() {
            return type != null || BuiltInModules.isManaged(name);
        }

        /** True when the module is one of Stageline's own ({@code type} null). */
        public boolean builtIn() {
            return type == null;
        }
    }

    /**
     * One operation of a module section's collection ({@code httpErrors.errors}, {@code authorization.list}, ...):
     * its kind, the collection key it adds or removes (lower-cased where the collection ignores case; null for clear),
     * and the operation exactly as written ({@code "clear"} or a map), which is what the module receives.
     */
    public record CollectionOp(ListOp.Kind kind, String key, Object raw, Position pos) implements Keyed {
        /** As a {@link ListOp} for {@link Merger}: the add carries this operation as its entry. */
        ListOp<CollectionOp> asListOp() {
            return new ListOp<>(kind, key, kind == ListOp.Kind.ADD ? this : null, pos);
        }
    }

    /**
     * The module sections one level writes: a file's top level ({@code path} {@code ""}) or a {@code locations:}
     * entry (its path).
     */
    public record SectionLevel(String path, Map<String, SectionValues> sections) {
    }

    /**
     * One module section as a level writes it: where the section starts, its values by key (plain values: String,
     * Boolean, Long, List, Map) and its collections as operations in document order.
     */
    public record SectionValues(Position pos, Map<String, Setting<Object>> values, Map<String, List<CollectionOp>> lists) {
        /** Where {@code key} was written: a value's or a collection's first operation's position, else the section's. */
        public Position pos(String key) {
            Setting<Object> v = values.get(key);
            if (v != null) {
                return v.pos();
            }
            List<CollectionOp> ops = lists.get(key);
            return ops == null || ops.isEmpty() ? pos : ops.get(0).pos();
        }
    }

    /** A handler mapping; exactly one of type/servlet/modules is set, except servlet may come with modules. */
    public record HandlerEntry(String name, String path, String verb, String type, String servlet, List<String> modules,
                               ResourceType resourceType, RequireAccess requireAccess, List<String> preConditions,
                               boolean allowPathInfo, long responseBufferLimit, Position pos) implements Keyed {
        @Override
        public String key() {
            return name;
        }
    }

    /** A MIME map entry; the extension is compared case-insensitively. */
    public record MimeEntry(String fileExtension, String mimeType, Position pos) implements Keyed {
        @Override
        public String key() {
            return fileExtension.toLowerCase(Locale.ROOT);
        }
    }

    /** A default document file name; compared case-insensitively. */
    public record DocumentEntry(String value, Position pos) implements Keyed {
        @Override
        public String key() {
            return value.toLowerCase(Locale.ROOT);
        }
    }
}
