package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.DocumentEntry;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.ConfigFile.SectionLevel;
import java.util.List;

/**
 * Step 3 of parse → validate → compile: the layers merged into one configuration for the application, every entry
 * still carrying the position it was written at. Collections are in their final order: modules and the MIME map
 * appended (inherited first), handler mappings and default documents prepended (the nearest level's entries first).
 *
 * <p>Beyond the merged sections: one {@link LocationConfiguration} per distinct location path that applies to the
 * application, the installed native modules ({@code globalModules}), the application pool the server assigns the
 * application to (null: none; its {@code pipelineMode} is then {@link #pipelineMode()}), and whether the application
 * file itself declares {@code legacy.httpModules} / {@code legacy.httpHandlers} (500.22 / 500.23 in integrated mode
 * even when the lists end up empty), and the module sections of each level ({@link #sectionLevels()}, lowest first), from
 * which {@link SectionSettings} computes the built-in modules' settings with each section's merge rule.
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
                                     boolean legacyImpersonate,
                                     List<LocationConfiguration> locations,
                                     List<String> globalModules,
                                     String applicationPool,
                                     boolean legacyModulesDeclared,
                                     boolean legacyHandlersDeclared,
                                     List<SectionLevel> sectionLevels) {

    /** The first slice's shape: no locations, every built-in installed, no pool, no legacy sections declared. */
    public EffectiveConfiguration(PipelineMode pipelineMode, boolean validateIntegratedModeConfiguration,
                                  boolean runAllManagedModulesForAllRequests, List<ModuleEntry> modules,
                                  String accessPolicy, List<HandlerEntry> handlers, List<MimeEntry> mimeMap,
                                  boolean defaultDocumentEnabled, List<DocumentEntry> defaultDocuments,
                                  boolean directoryBrowseEnabled, List<ModuleEntry> legacyModules,
                                  List<HandlerEntry> legacyHandlers, boolean legacyImpersonate) {
        this(pipelineMode, validateIntegratedModeConfiguration, runAllManagedModulesForAllRequests, modules, accessPolicy,
                handlers, mimeMap, defaultDocumentEnabled, defaultDocuments, directoryBrowseEnabled, legacyModules,
                legacyHandlers, legacyImpersonate, List.of(), Stageline.NATIVE_MODULES, null, false, false, List.of());
    }

    /** This configuration with what the server level and the application file decide beyond the merged sections. */
    EffectiveConfiguration with(PipelineMode mode, List<LocationConfiguration> locationList, List<String> installed,
                                String pool, boolean modulesDeclared, boolean handlersDeclared) {
        return new EffectiveConfiguration(mode, validateIntegratedModeConfiguration, runAllManagedModulesForAllRequests,
                modules, accessPolicy, handlers, mimeMap, defaultDocumentEnabled, defaultDocuments,
                directoryBrowseEnabled, legacyModules, legacyHandlers, legacyImpersonate, List.copyOf(locationList),
                List.copyOf(installed), pool, modulesDeclared, handlersDeclared, sectionLevels);
    }

    /** This configuration with the module sections of its levels (built-in defaults, server file, application file). */
    EffectiveConfiguration withSectionLevels(List<SectionLevel> levels) {
        return new EffectiveConfiguration(pipelineMode, validateIntegratedModeConfiguration,
                runAllManagedModulesForAllRequests, modules, accessPolicy, handlers, mimeMap, defaultDocumentEnabled,
                defaultDocuments, directoryBrowseEnabled, legacyModules, legacyHandlers, legacyImpersonate, locations,
                globalModules, applicationPool, legacyModulesDeclared, legacyHandlersDeclared, List.copyOf(levels));
    }

    /** The effective configuration of a location path (case-insensitive), or null when none is configured. */
    public LocationConfiguration location(String path) {
        for (LocationConfiguration l : locations) {
            if (l.path().equalsIgnoreCase(path)) {
                return l;
            }
        }
        return null;
    }

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
