package io.stageline.engine;

import io.stageline.api.HandlerMapping;
import io.stageline.api.PipelineMode;
import io.stageline.api.RequestHandler;
import io.stageline.match.AccessPolicy;
import io.stageline.match.HandlerTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles handler mapping lists into {@link HandlerSet}s: preconditions, handler instances, handler modules. */
final class HandlerCompiler {
    private final PipelineMode mode;
    private final AccessPolicy policy;
    private final ClassLoader classLoader;
    private final Map<String, ModuleSlot> byName = new HashMap<>();
    private final List<String> errors;

    HandlerCompiler(PipelineMode mode, AccessPolicy policy, ClassLoader classLoader, List<ModuleSlot> slots,
                    List<String> errors) {
        this.mode = mode;
        this.policy = policy;
        this.classLoader = classLoader;
        this.errors = errors;
        for (ModuleSlot s : slots) {
            byName.put(s.name(), s);
        }
    }

    HandlerSet compile(String path, List<HandlerMapping> mappings) {
        checkUniqueNames(mappings);
        HandlerTable table;
        try {
            table = HandlerTable.compile(filterAndInstantiate(mappings), policy);
        } catch (IllegalArgumentException ex) {
            errors.add(ex.getMessage());
            table = HandlerTable.compile(List.of(), policy);
        }
        int size = table.size();
        String[] bad = new String[size];
        HandlerModule[][] modules = new HandlerModule[size][];
        for (int i = 0; i < size; i++) {
            modules[i] = resolve(table.mapping(i), bad, i);
        }
        return new HandlerSet(path, table, bad, modules);
    }

    HandlerTable compileLegacy(List<HandlerMapping> mappings) {
        List<HandlerMapping> kept = mode == PipelineMode.CLASSIC ? filterAndInstantiate(mappings) : List.of();
        try {
            return HandlerTable.compile(kept, AccessPolicy.parse("Read, Write, Script, Execute"));
        } catch (IllegalArgumentException ex) {
            errors.add(ex.getMessage());
            return HandlerTable.compile(List.of(), policy);
        }
    }

    private HandlerModule[] resolve(HandlerMapping m, String[] bad, int i) {
        List<ModuleSlot> found = new ArrayList<>();
        for (String name : m.modules()) {
            if (HandlerMapping.MANAGED_PIPELINE_HANDLER.equals(name)) {
                if (mode != PipelineMode.INTEGRATED && bad[i] == null) {
                    bad[i] = name;
                }
                continue;
            }
            ModuleSlot slot = byName.get(name);
            if (slot == null) {
                if (bad[i] == null) {
                    bad[i] = name;
                }
            } else if (!(slot.module() instanceof HandlerModule)) {
                errors.add("handler '" + m.name() + "' (" + m.source() + ") names module '" + name
                        + "', which cannot execute requests");
            } else {
                found.add(slot);
            }
        }
        found.sort((a, b) -> Integer.compare(a.position(), b.position()));
        HandlerModule[] hm = new HandlerModule[found.size()];
        for (int k = 0; k < hm.length; k++) {
            hm[k] = (HandlerModule) found.get(k).module();
        }
        return hm;
    }

    private List<HandlerMapping> filterAndInstantiate(List<HandlerMapping> list) {
        List<HandlerMapping> kept = new ArrayList<>();
        for (HandlerMapping m : list) {
            boolean holds;
            try {
                for (String t : m.preConditions()) {
                    Preconditions.canonical(t, false);
                }
                holds = Preconditions.holds(m.preConditions(), mode);
            } catch (IllegalArgumentException ex) {
                errors.add("handler '" + m.name() + "' (" + m.source() + "): " + ex.getMessage());
                continue;
            }
            if (!holds) {
                continue;
            }
            if (m.typeName() != null && m.handler() == null) {
                RequestHandler h = instantiate(m);
                if (h == null) {
                    continue;
                }
                m = m.withHandler(h);
            }
            kept.add(m);
        }
        return kept;
    }

    private RequestHandler instantiate(HandlerMapping m) {
        try {
            ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(m.typeName(), true, cl != null ? cl : HandlerCompiler.class.getClassLoader());
            if (!RequestHandler.class.isAssignableFrom(c)) {
                errors.add("handler '" + m.name() + "' (" + m.source() + "): class " + m.typeName()
                        + " does not implement " + RequestHandler.class.getName());
                return null;
            }
            return (RequestHandler) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError ex) {
            errors.add("handler '" + m.name() + "' (" + m.source() + "): cannot create " + m.typeName() + ": " + ex);
            return null;
        }
    }

    private void checkUniqueNames(List<HandlerMapping> all) {
        Set<String> seen = new HashSet<>();
        for (HandlerMapping m : all) {
            if (!seen.add(m.name())) {
                errors.add("duplicate handler '" + m.name() + "' (" + m.source() + "): remove it before adding it again");
            }
        }
    }
}
