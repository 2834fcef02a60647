package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.MimeEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.modules.staticfile.MimeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 4 of parse → validate → compile: an {@link EffectiveConfiguration} into the engine's {@link PipelineBuilder}.
 * Built-in native modules are created through {@link BuiltInModules}; their sections ({@code staticContent},
 * {@code defaultDocument}, {@code directoryBrowse}) become their settings, on top of the entry's own {@code settings:}.
 * Each location becomes one {@link PipelineBuilder#location}: its handler list when a location entry changed it,
 * and those built-in modules' settings computed from the location's sections the same way. {@code type:} handlers are
 * created by the engine, from the application's class loader.
 */
final class PipelineCompiler {
    private static final Pattern NAMED = Pattern.compile("^(?:duplicate )?(module|handler) '([^']+)'(?: \\(([^)]*)\\))?");
    private static final List<String> SECTIONED = List.of(Stageline.STATIC_FILE, Stageline.DEFAULT_DOCUMENT,
            Stageline.DIRECTORY_LISTING);

    private final Problems problems;
    private final ClassLoader loader;
    private final Map<String, Position> modulePos = new HashMap<>();
    private final Map<String, Position> handlerPos = new HashMap<>();
    private final Map<String, Position> sourcePos = new HashMap<>();

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
                .legacySectionsPresent(c.legacyModulesDeclared(), c.legacyHandlersDeclared());
        LocationConfiguration root = LocationConfiguration.root("", c);
        for (ModuleEntry m : c.modules()) {
            modulePos.put(m.name(), m.pos());
            PipelineModule instance = m.managed() ? create(m.type(), "module", m.name(), m.pos())
                    : BuiltInModules.create(m.name());
            if (instance == null) {
                continue;
            }
            ModuleSettings settings = ModuleSettings.of(settings(m, root));
            String[] pre = m.preConditions().toArray(new String[0]);
            if (m.managed()) {
                b.addModule(m.name(), instance, settings, pre);
            } else {
                b.addNativeModule(m.name(), instance, settings, pre);
            }
        }
        for (ModuleEntry m : c.legacyModules()) {
            PipelineModule instance = create(m.type(), "legacy module", m.name(), m.pos());
            if (instance != null) {
                b.addLegacyModule(m.name(), instance, ModuleSettings.of(m.settings()));
            }
        }
        for (HandlerMapping mapping : mappings(c.handlers())) {
            b.addHandler(mapping);
        }
        for (HandlerEntry h : c.legacyHandlers()) {
            b.addLegacyHandler(toMapping(h));
        }
        for (LocationConfiguration l : c.locations()) {
            b.location(l.path(), l.handlersChanged() ? mappings(l.handlers()) : null, locationSettings(c, l));
        }
        return build(b);
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
        Map<String, ModuleSettings> out = new LinkedHashMap<>();
        for (ModuleEntry m : c.modules()) {
            if (!m.managed() && SECTIONED.contains(m.name())) {
                out.put(m.name(), ModuleSettings.of(settings(m, l)));
            }
        }
        return out;
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
        if (p == null) {
            p = ("module".equals(m.group(1)) ? modulePos : handlerPos).get(m.group(2));
        }
        return p == null ? Position.NONE : p;
    }

    private static Map<String, Object> settings(ModuleEntry m, LocationConfiguration c) {
        Map<String, Object> s = new LinkedHashMap<>(m.settings());
        if (m.managed()) {
            return s;
        }
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
                // no section of its own in this slice
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
