package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineModule;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The modules a configuration may add without {@code type:}: the names of {@link Stageline#BUILT_IN_MODULES} mapped
 * to their classes. A new instance is created for every compiled pipeline. The native ones must be installed by the
 * server level's {@code globalModules} (checked by {@link ServerRules}); the managed ones
 * ({@link Stageline#MANAGED_BUILT_IN_MODULES}) are Java modules like an application's and need no installation.
 */
public final class BuiltInModules {
    private static final Map<String, Supplier<PipelineModule>> FACTORIES = factories();

    private BuiltInModules() {
    }

    private static Map<String, Supplier<PipelineModule>> factories() {
        Map<String, Supplier<PipelineModule>> m = new LinkedHashMap<>();
        m.put(Stageline.PROTOCOL_SUPPORT, ProtocolSupportModule::new);
        m.put(Stageline.CUSTOM_ERRORS, CustomErrorsModule::new);
        m.put(Stageline.REQUEST_FILTERING, RequestFilteringModule::new);
        m.put(Stageline.HTTP_REDIRECTION, HttpRedirectionModule::new);
        m.put(Stageline.HTTP_CACHE, HttpCacheModule::new);
        m.put(Stageline.ANONYMOUS_AUTHENTICATION, AnonymousAuthenticationModule::new);
        m.put(Stageline.BASIC_AUTHENTICATION, BasicAuthenticationModule::new);
        m.put(Stageline.URL_AUTHORIZATION, UrlAuthorizationModule::new);
        m.put(Stageline.DEFAULT_DOCUMENT, DefaultDocumentModule::new);
        m.put(Stageline.DIRECTORY_LISTING, DirectoryListingModule::new);
        m.put(Stageline.STATIC_FILE, StaticFileModule::new);
        m.put(Stageline.SERVLET_DELEGATION, ServletDelegationModule::new);
        m.put(Stageline.HTTP_LOGGING, HttpLoggingModule::new);
        m.put(Stageline.FAILED_REQUEST_TRACING, FailedRequestTracingModule::new);
        m.put(Stageline.FORMS_AUTHENTICATION, FormsAuthenticationModule::new);
        m.put(Stageline.MANAGED_URL_AUTHORIZATION, ManagedUrlAuthorizationModule::new);
        m.put(Stageline.OUTPUT_CACHE, OutputCacheModule::new);
        if (!m.keySet().equals(Set.copyOf(Stageline.BUILT_IN_MODULES))) {
            throw new IllegalStateException("BuiltInModules is out of step with Stageline.BUILT_IN_MODULES");
        }
        return Map.copyOf(m);
    }

    public static boolean contains(String name) {
        return FACTORIES.containsKey(name);
    }

    /** True for a managed built-in module (FormsAuthentication, ManagedUrlAuthorization, OutputCache). */
    public static boolean isManaged(String name) {
        return Stageline.MANAGED_BUILT_IN_MODULES.contains(name);
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
