package io.stageline;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import io.stageline.config.BuiltInModules;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.ServletDelegationModule;
import io.stageline.modules.anonymous.AnonymousAuthenticationModule;
import io.stageline.modules.basic.BasicAuthenticationModule;
import io.stageline.modules.customerrors.CustomErrorsModule;
import io.stageline.modules.defaultdocument.DefaultDocumentModule;
import io.stageline.modules.directorylisting.DirectoryListingModule;
import io.stageline.modules.failedrequesttracing.FailedRequestTracingModule;
import io.stageline.modules.forms.FormsAuthenticationModule;
import io.stageline.modules.httpcache.HttpCacheModule;
import io.stageline.modules.httpcache.OutputCacheModule;
import io.stageline.modules.httplogging.HttpLoggingModule;
import io.stageline.modules.managedauthorization.ManagedUrlAuthorizationModule;
import io.stageline.modules.protocol.ProtocolSupportModule;
import io.stageline.modules.redirect.HttpRedirectionModule;
import io.stageline.modules.requestfiltering.RequestFilteringModule;
import io.stageline.modules.staticfile.StaticFileModule;
import io.stageline.modules.urlauthorization.UrlAuthorizationModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The entry point for configuration in code: a {@link PipelineBuilder} preloaded with Stageline's built-in defaults
 * (SPEC §4, §7), the lowest configuration layer under the server-level and application YAML; it is exactly what the
 * built-in {@code defaults.yaml} compiles to.
 *
 * <p>The default module list, in order ({@value #REQUEST_FILTERING} first, so that it protects every request; then
 * IIS's order: protocol and errors, the output cache, authentication, authorization, the handler modules, logging,
 * then the managed block):
 * {@value #REQUEST_FILTERING}, {@value #PROTOCOL_SUPPORT}, {@value #CUSTOM_ERRORS}, {@value #HTTP_CACHE},
 * {@value #ANONYMOUS_AUTHENTICATION}, {@value #BASIC_AUTHENTICATION}, {@value #URL_AUTHORIZATION},
 * {@value #DEFAULT_DOCUMENT}, {@value #DIRECTORY_LISTING}, {@value #STATIC_FILE}, {@value #SERVLET_DELEGATION},
 * {@value #HTTP_LOGGING}, {@value #FAILED_REQUEST_TRACING}, and
 * the managed built-ins {@value #FORMS_AUTHENTICATION}, {@value #MANAGED_URL_AUTHORIZATION} and
 * {@value #OUTPUT_CACHE} with the {@code managedHandler} precondition. {@value #HTTP_REDIRECTION} is installed but not
 * in the list (as in IIS): add it ({@code addNativeModule(HTTP_REDIRECTION, new HttpRedirectionModule(), ...)}) to use
 * it. The order of the handler modules matters: the default {@code StaticFile} mapping names three of them and the
 * engine calls them in module-list order, so a directory URL tries a default document, then a listing, and only then
 * gets StaticFile's 403.14.
 *
 * <p>Cost: a module with nothing to do subscribes to no stage, so with the default settings only
 * {@value #REQUEST_FILTERING} runs (in BEGIN_REQUEST) for a static file; the others join the stage arrays when their
 * settings give them work (Basic or Forms enabled, anonymous disabled, a deny rule, a cache profile, logging on...).
 *
 * <p>Default settings: every module its own defaults (request filtering with WEB-INF, META-INF and stageline.yaml as
 * hidden segments, anonymous enabled, Basic and Forms disabled, authorization {@code Allow users="*"}, custom errors
 * {@code DetailedLocalOnly}, no cache profile, tracing disabled), except {@value #HTTP_LOGGING},
 * which gets {@code enabled: false} here (the module's own default is true): a library should not write files into
 * a relative {@code logs/} directory unasked. Settings given to {@link #builder(Map)} replace a module's defaults.
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
    public static final String CUSTOM_ERRORS = CustomErrorsModule.NAME;
    public static final String REQUEST_FILTERING = RequestFilteringModule.NAME;
    public static final String HTTP_REDIRECTION = HttpRedirectionModule.NAME;
    public static final String HTTP_CACHE = HttpCacheModule.NAME;
    public static final String ANONYMOUS_AUTHENTICATION = AnonymousAuthenticationModule.NAME;
    public static final String BASIC_AUTHENTICATION = BasicAuthenticationModule.NAME;
    public static final String URL_AUTHORIZATION = UrlAuthorizationModule.NAME;
    public static final String DEFAULT_DOCUMENT = DefaultDocumentModule.NAME;
    public static final String DIRECTORY_LISTING = DirectoryListingModule.NAME;
    public static final String STATIC_FILE = StaticFileModule.NAME;
    public static final String SERVLET_DELEGATION = ServletDelegationModule.NAME;
    public static final String HTTP_LOGGING = HttpLoggingModule.NAME;
    public static final String FAILED_REQUEST_TRACING = FailedRequestTracingModule.NAME;
    public static final String FORMS_AUTHENTICATION = FormsAuthenticationModule.NAME;
    public static final String MANAGED_URL_AUTHORIZATION = ManagedUrlAuthorizationModule.NAME;
    public static final String OUTPUT_CACHE = OutputCacheModule.NAME;

    public static final String TRACE_VERB_HANDLER = "TRACEVerbHandler";
    public static final String OPTIONS_VERB_HANDLER = "OPTIONSVerbHandler";
    public static final String SERVLET_INTEGRATED = "ServletIntegrated";
    public static final String SERVLET_CLASSIC = "ServletClassic";
    public static final String STATIC_FILE_HANDLER = "StaticFile";

    /** The installed native modules (the default {@code globalModules}), in their IIS order. */
    public static final List<String> NATIVE_MODULES = List.of(PROTOCOL_SUPPORT, CUSTOM_ERRORS, REQUEST_FILTERING,
            HTTP_REDIRECTION, HTTP_CACHE, ANONYMOUS_AUTHENTICATION, BASIC_AUTHENTICATION, URL_AUTHORIZATION, DEFAULT_DOCUMENT,
            DIRECTORY_LISTING, STATIC_FILE, SERVLET_DELEGATION, HTTP_LOGGING, FAILED_REQUEST_TRACING);

    /** The managed built-in modules: added without {@code type:}, never listed in {@code globalModules}. */
    public static final List<String> MANAGED_BUILT_IN_MODULES = List.of(FORMS_AUTHENTICATION, MANAGED_URL_AUTHORIZATION,
            OUTPUT_CACHE);

    /** Every built-in module (a configuration adds them without {@code type:}): the natives, then the managed ones. */
    public static final List<String> BUILT_IN_MODULES = concat(NATIVE_MODULES, MANAGED_BUILT_IN_MODULES);

    /**
     * The default module list, in order: every built-in module except HttpRedirection, RequestFiltering first (it
     * protects every request, so nothing runs before it).
     */
    public static final List<String> DEFAULT_MODULES = defaultModules();

    /** The precondition of the managed built-ins in the default module list. */
    public static final String MANAGED_HANDLER = "managedHandler";

    /** The built-in default handler mappings, in priority order. */
    public static final List<String> DEFAULT_HANDLERS = List.of(TRACE_VERB_HANDLER, OPTIONS_VERB_HANDLER,
            SERVLET_INTEGRATED, SERVLET_CLASSIC, STATIC_FILE_HANDLER);

    /** The {@link HandlerMapping#source()} of the built-in mappings, as configuration messages show it. */
    public static final String SOURCE = "built-in defaults";

    private Stageline() {
    }

    private static List<String> defaultModules() {
        List<String> out = new ArrayList<>();
        out.add(REQUEST_FILTERING);
        for (String n : BUILT_IN_MODULES) {
            if (!HTTP_REDIRECTION.equals(n) && !REQUEST_FILTERING.equals(n)) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** A builder with the default module list (default settings) and the default handler mappings. */
    public static PipelineBuilder builder() {
        return builder(Map.of());
    }

    /**
     * A builder with the default module list and the default handler mappings, each module configured with its entry
     * of {@code settingsByModule} (keyed by the names of {@link #DEFAULT_MODULES}; absent = defaults).
     *
     * @throws IllegalArgumentException when a key is not the name of a module of the default list
     */
    public static PipelineBuilder builder(Map<String, ModuleSettings> settingsByModule) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(settingsByModule.keySet())) {
            if (!DEFAULT_MODULES.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("settings given for unknown built-in module(s) " + String.join(", ", unknown)
                    + " (built-in modules: " + String.join(", ", DEFAULT_MODULES) + ")");
        }
        PipelineBuilder b = new PipelineBuilder();
        for (String name : DEFAULT_MODULES) {
            ModuleSettings s = settingsByModule.get(name);
            if (s == null) {
                s = HTTP_LOGGING.equals(name) ? ModuleSettings.of(Map.of("enabled", false)) : ModuleSettings.empty();
            }
            if (BuiltInModules.isManaged(name)) {
                b.addManagedBuiltIn(name, BuiltInModules.create(name), s, MANAGED_HANDLER);
            } else {
                b.addNativeModule(name, BuiltInModules.create(name), s);
            }
        }
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
}
