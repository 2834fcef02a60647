package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineModule;
import io.stageline.engine.ServletDelegationModule;
import io.stageline.modules.defaultdocument.DefaultDocumentModule;
import io.stageline.modules.directorylisting.DirectoryListingModule;
import io.stageline.modules.protocol.ProtocolSupportModule;
import io.stageline.modules.staticfile.StaticFileModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The native modules a configuration may add without {@code type:}: the names of {@link Stageline#BUILT_IN_MODULES}
 * mapped to their classes. A new instance is created for every compiled pipeline. The server level's
 * {@code globalModules} narrows this to what the server installs (checked by {@link ServerRules}).
 */
public final class BuiltInModules {
    private static final Map<String, Supplier<PipelineModule>> FACTORIES = factories();

    private BuiltInModules() {
    }

    private static Map<String, Supplier<PipelineModule>> factories() {
        Map<String, Supplier<PipelineModule>> m = new LinkedHashMap<>();
        m.put(Stageline.PROTOCOL_SUPPORT, ProtocolSupportModule::new);
        m.put(Stageline.DEFAULT_DOCUMENT, DefaultDocumentModule::new);
        m.put(Stageline.DIRECTORY_LISTING, DirectoryListingModule::new);
        m.put(Stageline.STATIC_FILE, StaticFileModule::new);
        m.put(Stageline.SERVLET_DELEGATION, ServletDelegationModule::new);
        if (!m.keySet().equals(Set.copyOf(Stageline.BUILT_IN_MODULES))) {
            throw new IllegalStateException("BuiltInModules is out of step with Stageline.BUILT_IN_MODULES");
        }
        return Map.copyOf(m);
    }

    public static boolean contains(String name) {
        return FACTORIES.containsKey(name);
    }

    /** A new instance of the named built-in module. */
    public static PipelineModule create(String name) {
        Supplier<PipelineModule> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("not a built-in module: " + name);
        }
        return f.get();
    }
}
