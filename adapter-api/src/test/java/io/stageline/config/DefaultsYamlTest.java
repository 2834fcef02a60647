package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.PipelineMode;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.ModuleSlot;
import io.stageline.match.HandlerTable;
import io.stageline.modules.defaultdocument.DefaultDocumentModule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultsYamlTest {
    private final ConfigLoader loader = new ConfigLoader(name -> null);

    private static List<String> moduleNames(CompiledPipeline p) {
        return p.modules().stream().map(ModuleSlot::name).toList();
    }

    private static List<String> moduleDescriptions(CompiledPipeline p) {
        return p.modules().stream().map(m -> m.name() + " managed=" + m.managed() + " managedHandlerOnly="
                + m.managedHandlerOnly()).toList();
    }

    private static List<String> handlerDescriptions(CompiledPipeline p) {
        HandlerTable t = p.handlers();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            HandlerMapping m = t.mapping(i);
            out.add(m.name() + " " + m.path() + " " + m.verb() + " " + m.kind() + " " + m.servletName() + " "
                    + m.modules() + " " + m.resourceType() + " " + m.requireAccess() + " " + m.preConditions() + " "
                    + m.allowPathInfo() + " " + m.responseBufferLimit());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(PipelineMode.class)
    void defaultsYamlCompilesToTheSameModulesAndHandlersAsStagelineBuilder(PipelineMode mode) {
        CompiledPipeline fromYaml = loader.compile(loader.load((ConfigSource) null, null, getClass().getClassLoader()),
                mode).pipeline();
        CompiledPipeline fromCode = Stageline.builder().mode(mode).build();
        assertEquals(moduleDescriptions(fromCode), moduleDescriptions(fromYaml));
        assertEquals(handlerDescriptions(fromCode), handlerDescriptions(fromYaml));
        assertEquals(fromCode.handlers().policy(), fromYaml.handlers().policy());
        List<String> expected = mode == PipelineMode.INTEGRATED ? Stageline.DEFAULT_MODULES
                : Stageline.DEFAULT_MODULES.stream().filter(n -> !Stageline.MANAGED_BUILT_IN_MODULES.contains(n)).toList();
        assertEquals(expected, moduleNames(fromYaml));
    }

    @Test
    void theDefaultModuleListIsIisOrderWithHttpRedirectionInstalledButNotListed() {
        assertEquals(List.of("RequestFiltering", "ProtocolSupport", "CustomErrors", "HttpCache",
                "AnonymousAuthentication", "BasicAuthentication",
                "UrlAuthorization", "DefaultDocument", "DirectoryListing", "StaticFile", "ServletDelegation",
                "HttpLogging", "FailedRequestTracing", "FormsAuthentication", "ManagedUrlAuthorization", "OutputCache"),
                Stageline.DEFAULT_MODULES);
        EffectiveConfiguration c = loader.load((ConfigSource) null, null, getClass().getClassLoader()).effective();
        assertEquals(Stageline.DEFAULT_MODULES, c.moduleNames());
        assertEquals(Stageline.NATIVE_MODULES, c.globalModules());
        assertTrue(c.globalModules().contains(Stageline.HTTP_REDIRECTION));
        for (var m : c.modules()) {
            assertEquals(Stageline.MANAGED_BUILT_IN_MODULES.contains(m.name()) ? List.of("managedHandler") : List.of(),
                    m.preConditions(), m.name());
        }
    }

    @Test
    void theDefaultSectionsGiveEachModuleTheSettingsStagelineBuilderUses() {
        EffectiveConfiguration c = loader.load((ConfigSource) null, null, getClass().getClassLoader()).effective();
        SectionSettings s = new SectionSettings(new Merger(new Problems()));
        assertEquals(false, s.settings(Stageline.HTTP_LOGGING, c.sectionLevels()).get("enabled"));
        assertEquals(false, s.settings(Stageline.FORMS_AUTHENTICATION, c.sectionLevels()).get("enabled"));
        assertEquals(false, s.settings(Stageline.BASIC_AUTHENTICATION, c.sectionLevels()).get("enabled"));
        assertEquals(true, s.settings(Stageline.ANONYMOUS_AUTHENTICATION, c.sectionLevels()).get("enabled"));
        assertEquals(false, s.settings(Stageline.FAILED_REQUEST_TRACING, c.sectionLevels()).get("enabled"));
        assertEquals(List.of(java.util.Map.of("path", "", "list", List.of(java.util.Map.of("add",
                java.util.Map.of("accessType", "Allow", "users", "*"))))),
                s.settings(Stageline.URL_AUTHORIZATION, c.sectionLevels()).get("levels"));
        assertEquals("DetailedLocalOnly", s.settings(Stageline.CUSTOM_ERRORS, c.sectionLevels()).get("errorMode"));
    }

    @Test
    void defaultsYamlDescribesTheModuleSettingsDefaults() {
        EffectiveConfiguration c = loader.load((ConfigSource) null, null, getClass().getClassLoader()).effective();
        assertEquals(DefaultDocumentModule.DEFAULT_FILES, c.defaultDocumentNames());
        assertTrue(c.defaultDocumentEnabled());
        assertEquals(false, c.directoryBrowseEnabled());
        assertEquals(PipelineMode.INTEGRATED, c.pipelineMode());
        assertEquals(Stageline.DEFAULT_HANDLERS, c.handlerNames());
    }

    @Test
    void defaultsYamlLoadsWithoutWarnings() {
        LoadedConfiguration c = loader.load((ConfigSource) null, null, getClass().getClassLoader());
        assertEquals(List.of(), loader.compile(c, null).warnings());
    }

    @Test
    void defaultMappingsCarryTheirPlaceInDefaultsYamlAsSource() {
        CompiledPipeline p = loader.compile(loader.load((ConfigSource) null, null, getClass().getClassLoader()), null)
                .pipeline();
        assertTrue(p.handlers().mapping(0).source().startsWith(ConfigLoader.DEFAULTS_LABEL + ":"),
                p.handlers().mapping(0).source());
    }
}
