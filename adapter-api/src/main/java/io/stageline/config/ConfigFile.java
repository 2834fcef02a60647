package io.stageline.config;

import io.stageline.api.PipelineMode;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
                         Setting<Boolean> legacyImpersonate) {

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

    /** A module: native (built-in, {@code type} null) or managed ({@code type} = class name). */
    public record ModuleEntry(String name, String type, List<String> preConditions, Map<String, Object> settings,
                              Position pos) implements Keyed {
        @Override
        public String key() {
            return name;
        }

        public boolean managed() {
            return type != null;
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
