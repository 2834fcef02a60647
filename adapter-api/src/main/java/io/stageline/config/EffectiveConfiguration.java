package io.stageline.config;

import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.DocumentEntry;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import java.util.List;

/**
 * Step 3 of parse → validate → compile: the layers merged into one configuration for the application, every entry
 * still carrying the position it was written at. Collections are in their final order: modules and the MIME map
 * appended (inherited first), handler mappings and default documents prepended (the nearest level's entries first).
 */
public record EffectiveConfiguration(PipelineMode pipelineMode,
                                     boolean validateIntegratedModeConfiguration,
                                     boolean runAllManagedModulesForAllRequests,
                                     List<ModuleEntry> modules,
                                     String accessPolicy,
                                     List<HandlerEntry> handlers,
                                     List<MimeEntry> mimeMap,
                                     boolean defaultDocumentEnabled,
                                     List<DocumentEntry> defaultDocuments,
                                     boolean directoryBrowseEnabled,
                                     List<ModuleEntry> legacyModules,
                                     List<HandlerEntry> legacyHandlers,
                                     boolean legacyImpersonate) {

    /** The names of {@link #modules()}, in order. */
    public List<String> moduleNames() {
        return modules.stream().map(ModuleEntry::name).toList();
    }

    /** The names of {@link #handlers()}, in priority order. */
    public List<String> handlerNames() {
        return handlers.stream().map(HandlerEntry::name).toList();
    }

    /** The default document file names, in the order they are tried. */
    public List<String> defaultDocumentNames() {
        return defaultDocuments.stream().map(DocumentEntry::value).toList();
    }
}
