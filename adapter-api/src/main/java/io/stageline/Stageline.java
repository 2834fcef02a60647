package io.stageline;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.ServletDelegationModule;
import io.stageline.modules.defaultdocument.DefaultDocumentModule;
import io.stageline.modules.directorylisting.DirectoryListingModule;
import io.stageline.modules.protocol.ProtocolSupportModule;
import io.stageline.modules.staticfile.StaticFileModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The entry point for configuration in code: a {@link PipelineBuilder} preloaded with Stageline's built-in defaults
 * (SPEC §4), the lowest configuration layer under the server-level and application YAML.
 *
 * <p>The built-in native modules, in module-list order: {@value #PROTOCOL_SUPPORT}, {@value #DEFAULT_DOCUMENT},
 * {@value #DIRECTORY_LISTING}, {@value #STATIC_FILE}, {@value #SERVLET_DELEGATION}. The order matters: the default
 * {@code StaticFile} mapping names three handler modules and the engine calls them in module-list order, so a directory
 * URL tries a default document, then a listing, and only then gets StaticFile's 403.14.
 *
 * <p>The default handler mappings, lowest priority, in order:
 * <table>
 *   <caption>Built-in handler mappings</caption>
 *   <tr><th>name</th><th>path</th><th>verb</th><th>runs</th><th>other</th></tr>
 *   <tr><td>TRACEVerbHandler</td><td>*</td><td>TRACE</td><td>ProtocolSupport</td><td>requireAccess None</td></tr>
 *   <tr><td>OPTIONSVerbHandler</td><td>*</td><td>OPTIONS</td><td>ProtocolSupport</td><td>requireAccess None</td></tr>
 *   <tr><td>ServletIntegrated</td><td>*</td><td>*</td><td>servlet "*"</td><td>preCondition integratedMode</td></tr>
 *   <tr><td>ServletClassic</td><td>*</td><td>*</td><td>servlet "*" via ServletDelegation</td>
 *       <td>preCondition classicMode</td></tr>
 *   <tr><td>StaticFile</td><td>*</td><td>*</td><td>StaticFile, DefaultDocument, DirectoryListing</td>
 *       <td>resourceType Either, requireAccess Read</td></tr>
 * </table>
 *
 * <p>Each call returns a new builder with new module instances; nothing is shared between pipelines.
 *
 * <pre>{@code
 * CompiledPipeline pipeline = Stageline.builder(Map.of(
 *                 Stageline.DIRECTORY_LISTING, ModuleSettings.of(Map.of("enabled", true)),
 *                 Stageline.STATIC_FILE, ModuleSettings.of(Map.of("mimeMap", Map.of(".log", "text/plain")))))
 *         .addModule("Timing", new TimingModule(), ModuleSettings.empty(), "managedHandler")
 *         .addHandler(HandlerMapping.builder("Reports").path("*.do").verb("GET,POST").servlet("reportServlet").build())
 *         .build();
 * }</pre>
 */
public final class Stageline {
    public static final String PROTOCOL_SUPPORT = ProtocolSupportModule.NAME;
    public static final String DEFAULT_DOCUMENT = DefaultDocumentModule.NAME;
    public static final String DIRECTORY_LISTING = DirectoryListingModule.NAME;
    public static final String STATIC_FILE = StaticFileModule.NAME;
    public static final String SERVLET_DELEGATION = ServletDelegationModule.NAME;

    public static final String TRACE_VERB_HANDLER = "TRACEVerbHandler";
    public static final String OPTIONS_VERB_HANDLER = "OPTIONSVerbHandler";
    public static final String SERVLET_INTEGRATED = "ServletIntegrated";
    public static final String SERVLET_CLASSIC = "ServletClassic";
    public static final String STATIC_FILE_HANDLER = "StaticFile";

    /** The built-in native modules, in their default module-list order. */
    public static final List<String> BUILT_IN_MODULES = List.of(PROTOCOL_SUPPORT, DEFAULT_DOCUMENT, DIRECTORY_LISTING,
            STATIC_FILE, SERVLET_DELEGATION);

    /** The built-in default handler mappings, in priority order. */
    public static final List<String> DEFAULT_HANDLERS = List.of(TRACE_VERB_HANDLER, OPTIONS_VERB_HANDLER,
            SERVLET_INTEGRATED, SERVLET_CLASSIC, STATIC_FILE_HANDLER);

    /** The {@link HandlerMapping#source()} of the built-in mappings, as configuration messages show it. */
    public static final String SOURCE = "built-in defaults";

    private Stageline() {
    }

    /** A builder with the built-in modules (default settings) and the default handler mappings. */
    public static PipelineBuilder builder() {
        return builder(Map.of());
    }

    /**
     * A builder with the built-in modules and the default handler mappings, each module configured with its entry of
     * {@code settingsByModule} (keyed by the names of {@link #BUILT_IN_MODULES}; absent = defaults).
     *
     * @throws IllegalArgumentException when a key is not a built-in module name
     */
    public static PipelineBuilder builder(Map<String, ModuleSettings> settingsByModule) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(settingsByModule.keySet())) {
            if (!BUILT_IN_MODULES.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("settings given for unknown built-in module(s) " + String.join(", ", unknown)
                    + " (built-in modules: " + String.join(", ", BUILT_IN_MODULES) + ")");
        }
        PipelineBuilder b = new PipelineBuilder();
        addNative(b, PROTOCOL_SUPPORT, new ProtocolSupportModule(), settingsByModule);
        addNative(b, DEFAULT_DOCUMENT, new DefaultDocumentModule(), settingsByModule);
        addNative(b, DIRECTORY_LISTING, new DirectoryListingModule(), settingsByModule);
        addNative(b, STATIC_FILE, new StaticFileModule(), settingsByModule);
        addNative(b, SERVLET_DELEGATION, new ServletDelegationModule(), settingsByModule);
        for (HandlerMapping m : defaultHandlers()) {
            b.addDefaultHandler(m);
        }
        return b;
    }

    /** The built-in default handler mappings, in priority order (new instances on each call; they are immutable). */
    public static List<HandlerMapping> defaultHandlers() {
        return List.of(
                HandlerMapping.builder(TRACE_VERB_HANDLER).path("*").verb("TRACE").modules(PROTOCOL_SUPPORT)
                        .requireAccess(RequireAccess.NONE).source(SOURCE).build(),
                HandlerMapping.builder(OPTIONS_VERB_HANDLER).path("*").verb("OPTIONS").modules(PROTOCOL_SUPPORT)
                        .requireAccess(RequireAccess.NONE).source(SOURCE).build(),
                HandlerMapping.builder(SERVLET_INTEGRATED).path("*").verb("*").servlet(HandlerMapping.ANY_SERVLET)
                        .preCondition("integratedMode").source(SOURCE).build(),
                HandlerMapping.builder(SERVLET_CLASSIC).path("*").verb("*").servlet(HandlerMapping.ANY_SERVLET)
                        .modules(SERVLET_DELEGATION).preCondition("classicMode").source(SOURCE).build(),
                HandlerMapping.builder(STATIC_FILE_HANDLER).path("*").verb("*")
                        .modules(STATIC_FILE, DEFAULT_DOCUMENT, DIRECTORY_LISTING)
                        .resourceType(ResourceType.EITHER).requireAccess(RequireAccess.READ).source(SOURCE).build());
    }

    private static void addNative(PipelineBuilder b, String name, PipelineModule module,
                                  Map<String, ModuleSettings> settingsByModule) {
        ModuleSettings s = settingsByModule.get(name);
        b.addNativeModule(name, module, s == null ? ModuleSettings.empty() : s);
    }
}
