package io.stageline.config;

import io.stageline.config.ConfigFile.DocumentEntry;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.SectionLevel;
import java.util.List;

/**
 * The effective configuration of one location path: the application-level sections with every {@code locations:}
 * entry covering the path applied on top, least specific first (server file before application file for the same
 * path). Collections follow the same merge rules as between layers. {@code handlersChanged} is false when no applied
 * entry touches {@code handlers}, so the location inherits the application's handler table. {@code sectionLevels}: the
 * module sections of the applied entries that write any, least specific first (the application's levels are not
 * repeated).
 */
public record LocationConfiguration(String path,
                                    List<HandlerEntry> handlers,
                                    boolean handlersChanged,
                                    List<MimeEntry> mimeMap,
                                    boolean defaultDocumentEnabled,
                                    List<DocumentEntry> defaultDocuments,
                                    boolean directoryBrowseEnabled,
                                    List<SectionLevel> sectionLevels) {

    /** The application level as the starting point of a location. */
    static LocationConfiguration root(String path, EffectiveConfiguration c) {
        return new LocationConfiguration(path, c.handlers(), false, c.mimeMap(), c.defaultDocumentEnabled(),
                c.defaultDocuments(), c.directoryBrowseEnabled(), List.of());
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
