package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.Durations;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.ConfigFile.SectionLevel;
import io.stageline.config.ConfigFile.SectionValues;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.ResourceKindCache;
import io.stageline.modules.forms.FormsAuthenticationModule;
import io.stageline.modules.staticfile.MimeMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 4 of parse → validate → compile: an {@link EffectiveConfiguration} into the engine's {@link PipelineBuilder}.
 * Built-in modules are created through {@link BuiltInModules} (the managed ones with
 * {@link PipelineBuilder#addManagedBuiltIn}); their settings are the entry's own {@code settings:}, then what their
 * sections give ({@link SectionSettings}; {@code staticContent}, {@code defaultDocument}, {@code directoryBrowse} here).
 * Each location becomes one {@link PipelineBuilder#location}: its handler list when a location entry changed it, and
 * the settings of the built-in modules whose sections a covering location entry writes (the others keep the
 * application's settings instance; locations fed by the same entries share one). An enabled FormsAuthentication adds
 * its login and logout mappings ahead of every other mapping. A built-in module's initialisation failure is positioned
 * at the setting it names in the nearest section that configures it. {@code type:} handlers are created by the
 * engine, from the application's class loader.
 */
final class PipelineCompiler {
    private static final Pattern NAMED = Pattern.compile("^(?:duplicate )?(module|handler) '([^']+)'(?: \\(([^)]*)\\))?");
    private static final Pattern SETTING = Pattern.compile("setting '([A-Za-z]+)'");
    private static final List<String> SECTIONED = List.of(Stageline.STATIC_FILE, Stageline.DEFAULT_DOCUMENT,
            Stageline.DIRECTORY_LISTING);

    private final Problems problems;
    private final ClassLoader loader;
    private final Map<String, Position> modulePos = new HashMap<>();
    private final Map<String, Position> handlerPos = new HashMap<>();
    private final Map<String, Position> sourcePos = new HashMap<>();
    private final Map<String, SectionValues> moduleSection = new HashMap<>();

    PipelineCompiler(Problems problems, ClassLoader loader) {
        this.problems = problems;
        this.loader = loader;
    }

    CompiledPipeline compile(EffectiveConfiguration c, PipelineMode mode) {
        PipelineBuilder b = new PipelineBuilder()
                .mode(mode)
                .classLoader(loader)
                .runAllManagedModulesForAllRequests(c.runAllManagedModulesForAllRequests())
                .accessPolicy(c.accessPolicy())
                .validateIntegratedModeConfiguration(c.validateIntegratedModeConfiguration())
                .legacyImpersonation(c.legacyImpersonate())
                .legacySectionsPresent(c.legacyModulesDeclared(), c.legacyHandlersDeclared())
                .resourceCacheTtl(fileCacheTtl(c));
        LocationConfiguration root = LocationConfiguration.root("", c);
        SectionSettings sections = new SectionSettings(new Merger(problems));
        List<HandlerMapping> forms = List.of();
        for (ModuleEntry m : c.modules()) {
            if (mode == PipelineMode.CLASSIC && m.builtIn() && m.managed()
                    && ConfigLoader.DEFAULTS_LABEL.equals(m.pos().file())) {
                // classic mode ignores managed modules; the defaults' own are left out without the engine's warning
                continue;
            }
            SectionValues written = SectionSettings.nearestWritten(m.name(), c.sectionLevels());
            modulePos.put(m.name(), written != null && m.builtIn() ? written.pos() : m.pos());
            if (written != null && m.builtIn()) {
                moduleSection.put(m.name(), written);
            }
            PipelineModule instance = m.builtIn() ? BuiltInModules.create(m.name())
                    : create(m.type(), "module", m.name(), m.pos());
            if (instance == null) {
                continue;
            }
            Map<String, Object> raw = settings(m, root, sections.settings(m.name(), c.sectionLevels()));
            ModuleSettings settings = ModuleSettings.of(raw);
            String[] pre = m.preConditions().toArray(new String[0]);
            if (m.builtIn() && m.managed()) {
                b.addManagedBuiltIn(m.name(), instance, settings, pre);
            } else if (m.managed()) {
                b.addModule(m.name(), instance, settings, pre);
            } else {
                b.addNativeModule(m.name(), instance, settings, pre);
            }
            if (Stageline.FORMS_AUTHENTICATION.equals(m.name()) && m.builtIn()) {
                forms = formsMappings(raw);
            }
        }
        for (ModuleEntry m : c.legacyModules()) {
            PipelineModule instance = create(m.type(), "legacy module", m.name(), m.pos());
            if (instance != null) {
                b.addLegacyModule(m.name(), instance, ModuleSettings.of(m.settings()));
            }
        }
        for (HandlerMapping mapping : forms) {
            b.addHandler(mapping);
        }
        for (HandlerMapping mapping : mappings(c.handlers())) {
            b.addHandler(mapping);
        }
        for (HandlerEntry h : c.legacyHandlers()) {
            b.addLegacyHandler(toMapping(h));
        }
        Map<List<Object>, ModuleSettings> shared = new HashMap<>();
        for (LocationConfiguration l : c.locations()) {
            List<HandlerMapping> list = null;
            if (l.handlersChanged()) {
                list = new ArrayList<>(forms);
                list.addAll(mappings(l.handlers()));
            }
            b.location(l.path(), list, locationSettings(c, l, sections, shared));
        }
        return build(b);
    }

    /**
     * FormsAuthentication's login and logout mappings when it is enabled, placed ahead of every other mapping (the
     * defaults.yaml section always gives loginUrl and logoutUrl).
     */
    private static List<HandlerMapping> formsMappings(Map<String, Object> forms) {
        if (!Boolean.TRUE.equals(forms.get("enabled")) || forms.get("loginUrl") == null
                || forms.get("logoutUrl") == null) {
            return List.of();
        }
        return FormsAuthenticationModule.handlerMappings(forms.get("loginUrl").toString(),
                forms.get("logoutUrl").toString());
    }

    private List<HandlerMapping> mappings(List<HandlerEntry> handlers) {
        List<HandlerMapping> out = new ArrayList<>();
        for (HandlerEntry h : handlers) {
            handlerPos.putIfAbsent(h.name(), h.pos());
            out.add(toMapping(h));
        }
        return out;
    }

    /** The settings of the built-in modules with sections at a location, by module name. */
    static Map<String, ModuleSettings> locationSettings(EffectiveConfiguration c, LocationConfiguration l) {
        return locationSettings(c, l, new SectionSettings(new Merger(new Problems())), new HashMap<>());
    }

    /**
     * As above. A module whose sections no location entry covering the path writes is left out (it keeps the
     * application's settings instance); locations whose settings come from the same location entries share one
     * instance ({@code shared}), which is how HttpRedirection knows the directory that declared its section.
     */
    private static Map<String, ModuleSettings> locationSettings(EffectiveConfiguration c, LocationConfiguration l,
                                                                SectionSettings sections,
                                                                Map<List<Object>, ModuleSettings> shared) {
        Map<String, ModuleSettings> out = new LinkedHashMap<>();
        for (ModuleEntry m : c.modules()) {
            if (!m.builtIn()) {
                continue;
            }
            if (SECTIONED.contains(m.name())) {
                out.put(m.name(), ModuleSettings.of(settings(m, l, Map.of())));
                continue;
            }
            List<SectionLevel> own = SectionSettings.writing(m.name(), l.sectionLevels());
            if (own.isEmpty()) {
                continue;
            }
            List<Object> key = List.of(m.name(), own);
            ModuleSettings s = shared.get(key);
            if (s == null) {
                s = ModuleSettings.of(settings(m, l, sections.settings(m.name(), SectionSettings.chain(c, l))));
                shared.put(key, s);
            }
            out.put(m.name(), s);
        }
        return out;
    }

    /** {@code caching.fileCacheTtl}, nearest level first (application-wide: locations cannot set it). */
    private static Duration fileCacheTtl(EffectiveConfiguration c) {
        List<SectionLevel> levels = c.sectionLevels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            SectionValues v = levels.get(i).sections().get(ModuleSectionReader.CACHING);
            Setting<Object> ttl = v == null ? null : v.values().get("fileCacheTtl");
            if (ttl != null) {
                return Durations.parse(ttl.value().toString());
            }
        }
        return ResourceKindCache.DEFAULT_TTL;
    }

    private CompiledPipeline build(PipelineBuilder b) {
        try {
            CompiledPipeline p = b.build();
            for (String w : p.warnings()) {
                problems.add(ProblemCode.ENGINE_WARNING, Position.NONE, w);
            }
            return p;
        } catch (PipelineConfigurationException e) {
            for (String msg : e.problems()) {
                problems.add(ProblemCode.ENGINE, positionOf(msg), msg);
            }
            return null;
        }
    }

    private Position positionOf(String message) {
        Matcher m = NAMED.matcher(message);
        if (!m.find()) {
            return Position.NONE;
        }
        Position p = m.group(3) == null ? null : sourcePos.get(m.group(3));
        if (p == null && "module".equals(m.group(1))) {
            SectionValues section = moduleSection.get(m.group(2));
            Matcher key = SETTING.matcher(message);
            p = section != null && key.find() ? section.pos(key.group(1)) : modulePos.get(m.group(2));
        } else if (p == null) {
            p = handlerPos.get(m.group(2));
        }
        return p == null ? Position.NONE : p;
    }

    /** The entry's own {@code settings:}, then (for a built-in) its sections' values and the sections it owns here. */
    private static Map<String, Object> settings(ModuleEntry m, LocationConfiguration c, Map<String, Object> sections) {
        Map<String, Object> s = new LinkedHashMap<>(m.settings());
        if (!m.builtIn()) {
            return s;
        }
        s.putAll(sections);
        switch (m.name()) {
            case Stageline.STATIC_FILE -> {
                Map<String, String> overrides = mimeOverrides(c.mimeMap());
                if (!overrides.isEmpty()) {
                    s.put("mimeMap", overrides);
                }
            }
            case Stageline.DEFAULT_DOCUMENT -> {
                s.put("enabled", c.defaultDocumentEnabled());
                s.put("files", c.defaultDocumentNames());
            }
            case Stageline.DIRECTORY_LISTING -> s.put("enabled", c.directoryBrowseEnabled());
            default -> {
                // its sections, if any, came with 'sections'
            }
        }
        return s;
    }

    /** The difference to the built-in map in StaticFile's terms: changed entries, and "" for removed ones. */
    private static Map<String, String> mimeOverrides(List<MimeEntry> effective) {
        Map<String, String> builtIn = MimeMap.defaults().asMap();
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> wanted = new HashMap<>();
        for (MimeEntry e : effective) {
            wanted.put(e.key(), e.mimeType());
            if (!e.mimeType().equals(builtIn.get(e.key()))) {
                out.put(e.key(), e.mimeType());
            }
        }
        for (String ext : builtIn.keySet()) {
            if (!wanted.containsKey(ext)) {
                out.put(ext, "");
            }
        }
        return out;
    }

    private HandlerMapping toMapping(HandlerEntry h) {
        sourcePos.put(h.pos().toString(), h.pos());
        HandlerMapping.Builder b = HandlerMapping.builder(h.name()).path(h.path()).verb(h.verb())
                .resourceType(h.resourceType()).requireAccess(h.requireAccess())
                .preCondition(h.preConditions().toArray(new String[0])).allowPathInfo(h.allowPathInfo())
                .responseBufferLimit(h.responseBufferLimit()).source(h.pos().toString())
                .servlet(h.servlet()).modules(h.modules().toArray(new String[0]));
        if (h.type() != null) {
            b.type(h.type());
        }
        return b.build();
    }

    private PipelineModule create(String className, String what, String name, Position at) {
        try {
            Class<?> c = Class.forName(className, true, loader);
            return (PipelineModule) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(ProblemCode.ENGINE, at, what + " '" + name + "': cannot create " + className + ": " + cause,
                    null);
            return null;
        }
    }
}
