package io.stageline.engine;

import io.stageline.api.ErrorCallback;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import io.stageline.match.AccessPolicy;
import io.stageline.match.HandlerTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configuration in code: builds the same immutable {@link CompiledPipeline} the YAML loader produces.
 *
 * <p>Modules append in call order ({@link #removeModule} then {@link #addModule} moves an entry to the end); handler
 * mappings are tried in the order added, before the mappings added with {@link #addDefaultHandler} (the server-level
 * defaults, lowest priority). {@link #build()} reports every problem at once.
 *
 * <pre>{@code
 * CompiledPipeline p = Stageline.builder()                 // built-in modules and handler table
 *         .addModule("Timing", new TimingModule(), ModuleSettings.empty(), "managedHandler")
 *         .addHandler(HandlerMapping.builder("Hello").path("/hello").verb("GET").handler(new HelloHandler()).build())
 *         .build();
 * }</pre>
 */
public final class PipelineBuilder {
    private static final String ANONYMOUS = "AnonymousAuthentication";

    private PipelineMode mode = PipelineMode.INTEGRATED;
    private boolean runAllManaged;
    private final LinkedHashMap<String, Entry> modules = new LinkedHashMap<>();
    private final LinkedHashMap<String, Entry> legacyModules = new LinkedHashMap<>();
    private final List<HandlerMapping> handlers = new ArrayList<>();
    private final List<HandlerMapping> defaultHandlers = new ArrayList<>();
    private final List<HandlerMapping> legacyHandlers = new ArrayList<>();
    private AccessPolicy accessPolicy = AccessPolicy.DEFAULT;
    private boolean validateIntegratedMode = true;
    private boolean impersonate;
    private final List<String> problems = new ArrayList<>();

    private record Entry(String name, PipelineModule module, ModuleSettings settings, List<String> preConditions,
                         boolean managed) {
    }

    public PipelineBuilder mode(PipelineMode pipelineMode) {
        this.mode = pipelineMode;
        return this;
    }

    public PipelineBuilder runAllManagedModulesForAllRequests(boolean all) {
        this.runAllManaged = all;
        return this;
    }

    /** Adds a native (built-in) module to the end of the module list. */
    public PipelineBuilder addNativeModule(String name, PipelineModule module, ModuleSettings settings,
                                           String... preConditions) {
        return add(modules, new Entry(name, module, settings, List.of(preConditions), false));
    }

    /** Adds a managed module (a Java class of the application) to the end of the module list. */
    public PipelineBuilder addModule(String name, PipelineModule module, ModuleSettings settings,
                                     String... preConditions) {
        return add(modules, new Entry(name, module, settings, List.of(preConditions), true));
    }

    /** Adds a managed built-in module (FormsAuthentication, ManagedUrlAuthorization, OutputCache). */
    public PipelineBuilder addManagedBuiltIn(String name, PipelineModule module, ModuleSettings settings,
                                             String... preConditions) {
        return addModule(name, module, settings, preConditions);
    }

    /** Removes a module by name; an unknown name is a no-op, as in IIS. */
    public PipelineBuilder removeModule(String name) {
        modules.remove(name);
        return this;
    }

    public PipelineBuilder clearModules() {
        modules.clear();
        return this;
    }

    /** Classic mode's {@code legacy.httpModules}: managed modules of the nested pipeline. */
    public PipelineBuilder addLegacyModule(String name, PipelineModule module, ModuleSettings settings) {
        return add(legacyModules, new Entry(name, module, settings, List.of(), true));
    }

    /** Classic mode's {@code legacy.httpHandlers}: tried in the nested pipeline before the container's mapping. */
    public PipelineBuilder addLegacyHandler(HandlerMapping mapping) {
        legacyHandlers.add(mapping);
        return this;
    }

    /** Adds an application handler mapping (tried before the defaults, in the order added). */
    public PipelineBuilder addHandler(HandlerMapping mapping) {
        handlers.add(mapping);
        return this;
    }

    /** Adds a server-level default mapping (tried after every application mapping). */
    public PipelineBuilder addDefaultHandler(HandlerMapping mapping) {
        defaultHandlers.add(mapping);
        return this;
    }

    public PipelineBuilder removeHandler(String name) {
        handlers.removeIf(h -> h.name().equals(name));
        defaultHandlers.removeIf(h -> h.name().equals(name));
        return this;
    }

    public PipelineBuilder clearHandlers() {
        handlers.clear();
        defaultHandlers.clear();
        return this;
    }

    public PipelineBuilder accessPolicy(String flags) {
        this.accessPolicy = AccessPolicy.parse(flags);
        return this;
    }

    /** {@code validation.validateIntegratedModeConfiguration} (default true). */
    public PipelineBuilder validateIntegratedModeConfiguration(boolean validate) {
        this.validateIntegratedMode = validate;
        return this;
    }

    /** {@code legacy.identity.impersonate}: in integrated mode every request fails with 500.24 unless validation is off. */
    public PipelineBuilder legacyImpersonation(boolean on) {
        this.impersonate = on;
        return this;
    }

    private PipelineBuilder add(Map<String, Entry> target, Entry e) {
        if (target.containsKey(e.name())) {
            problems.add("duplicate module '" + e.name() + "': remove it before adding it again");
        } else {
            target.put(e.name(), e);
        }
        return this;
    }

    /** Initialises the modules and compiles the tables; throws with every problem found. */
    public CompiledPipeline build() {
        Result r = new Result();
        r.mode = mode;
        r.validateIntegratedModeConfiguration = validateIntegratedMode;
        List<String> errors = new ArrayList<>(problems);
        List<Entry> effective = effectiveModules(r, errors);
        List<ModuleSlot> slots = new ArrayList<>();
        Map<ModuleSlot, Subscription> subs = new LinkedHashMap<>();
        for (Entry e : effective) {
            initModule(e, slots, subs, errors, false, r);
        }
        List<ModuleSlot> nestedSlots = new ArrayList<>();
        Map<ModuleSlot, Subscription> nestedSubs = new LinkedHashMap<>();
        if (mode == PipelineMode.CLASSIC) {
            for (Entry e : legacyModules.values()) {
                initModule(e, nestedSlots, nestedSubs, errors, true, r);
            }
        }
        r.modules.addAll(slots);
        r.modules.addAll(nestedSlots);
        compileStages(r, subs, nestedSubs);
        compileHandlers(r, slots, errors);
        r.legacyConfigurationStatus = legacyStatus();
        if (!errors.isEmpty()) {
            closeQuietly(r.closeCallbacks);
            throw new PipelineConfigurationException(errors);
        }
        return new CompiledPipeline(r);
    }

    private int legacyStatus() {
        if (mode != PipelineMode.INTEGRATED || !validateIntegratedMode) {
            return 0;
        }
        if (!legacyModules.isEmpty()) {
            return 22;
        }
        if (!legacyHandlers.isEmpty()) {
            return 23;
        }
        return impersonate ? 24 : 0;
    }

    private List<Entry> effectiveModules(Result r, List<String> errors) {
        List<Entry> effective = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Entry e : modules.values()) {
            boolean holds;
            try {
                holds = Preconditions.holds(e.preConditions(), mode);
            } catch (IllegalArgumentException ex) {
                errors.add("module '" + e.name() + "': " + ex.getMessage());
                continue;
            }
            if (!holds) {
                continue;
            }
            if (mode == PipelineMode.CLASSIC && e.managed()) {
                ignored.add(e.name());
                continue;
            }
            effective.add(e);
        }
        if (!ignored.isEmpty()) {
            r.warnings.add("classic mode ignores the managed modules in 'modules:' (configure them in "
                    + "legacy.httpModules): " + String.join(", ", ignored));
        }
        return effective;
    }

    private void initModule(Entry e, List<ModuleSlot> slots, Map<ModuleSlot, Subscription> subs, List<String> errors,
                            boolean nested, Result r) {
        boolean mhOnly;
        try {
            mhOnly = !nested && e.managed() && !runAllManaged && Preconditions.hasManagedHandler(e.preConditions());
        } catch (IllegalArgumentException ex) {
            errors.add("module '" + e.name() + "': " + ex.getMessage());
            return;
        }
        ModuleSlot slot = new ModuleSlot(e.name(), e.module(), e.managed(), mhOnly, slots.size());
        Subscription sub = new Subscription(e, mode, nested);
        try {
            e.module().init(sub);
        } catch (Exception | LinkageError ex) {
            errors.add("module '" + e.name() + "' failed to initialise: " + ex);
            return;
        }
        errors.addAll(sub.errors);
        slots.add(slot);
        subs.put(slot, sub);
        r.byName.put(e.name(), slot);
        r.closeCallbacks.addAll(sub.closers);
    }

    private void compileStages(Result r, Map<ModuleSlot, Subscription> subs, Map<ModuleSlot, Subscription> nested) {
        int n = PipelineStage.values().length;
        r.stageModules = new ModuleSlot[2][n][];
        List<ErrorCallback> cbOther = new ArrayList<>();
        List<ErrorCallback> cbManaged = new ArrayList<>();
        List<ModuleSlot> cbSlotOther = new ArrayList<>();
        List<ModuleSlot> cbSlotManaged = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            PipelineStage stage = PipelineStage.of(s);
            List<ModuleSlot> managed = new ArrayList<>();
            List<ModuleSlot> other = new ArrayList<>();
            for (Map.Entry<ModuleSlot, Subscription> e : subs.entrySet()) {
                if (e.getValue().stages.contains(stage)) {
                    managed.add(e.getKey());
                    if (!e.getKey().managedHandlerOnly()) {
                        other.add(e.getKey());
                    }
                }
            }
            if (stage == PipelineStage.AUTHENTICATE_REQUEST) {
                moveAnonymousLast(managed);
                moveAnonymousLast(other);
            }
            if (stage.isResponseEvent()) {
                Collections.reverse(managed);
                Collections.reverse(other);
            }
            r.stageModules[CompiledPipeline.MANAGED][s] = managed.toArray(new ModuleSlot[0]);
            r.stageModules[CompiledPipeline.OTHER][s] = other.toArray(new ModuleSlot[0]);
        }
        for (Map.Entry<ModuleSlot, Subscription> e : subs.entrySet()) {
            for (ErrorCallback cb : e.getValue().errorCallbacks) {
                cbManaged.add(cb);
                cbSlotManaged.add(e.getKey());
                if (!e.getKey().managedHandlerOnly()) {
                    cbOther.add(cb);
                    cbSlotOther.add(e.getKey());
                }
            }
        }
        r.errorCallbacks = new ErrorCallback[][] {cbOther.toArray(new ErrorCallback[0]),
            cbManaged.toArray(new ErrorCallback[0])};
        r.errorCallbackSlots = new ModuleSlot[][] {cbSlotOther.toArray(new ModuleSlot[0]),
            cbSlotManaged.toArray(new ModuleSlot[0])};
        List<ErrorCallback> nestedCb = new ArrayList<>();
        for (Subscription sub : nested.values()) {
            nestedCb.addAll(sub.errorCallbacks);
        }
        r.nestedErrorCallbacks = nestedCb.toArray(new ErrorCallback[0]);
        r.nestedModules = new ModuleSlot[n][];
        for (int s = 0; s < n; s++) {
            PipelineStage stage = PipelineStage.of(s);
            List<ModuleSlot> list = new ArrayList<>();
            for (Map.Entry<ModuleSlot, Subscription> e : nested.entrySet()) {
                if (e.getValue().stages.contains(stage)) {
                    list.add(e.getKey());
                }
            }
            if (stage.isResponseEvent()) {
                Collections.reverse(list);
            }
            r.nestedModules[s] = list.toArray(new ModuleSlot[0]);
        }
    }

    private static void moveAnonymousLast(List<ModuleSlot> list) {
        for (int i = 0; i < list.size(); i++) {
            if (ANONYMOUS.equals(list.get(i).name())) {
                list.add(list.remove(i));
                return;
            }
        }
    }

    private void compileHandlers(Result r, List<ModuleSlot> slots, List<String> errors) {
        List<HandlerMapping> all = new ArrayList<>(handlers);
        all.addAll(defaultHandlers);
        List<HandlerMapping> kept = filterAndInstantiate(all, errors);
        checkUniqueNames(all, errors);
        try {
            r.handlers = HandlerTable.compile(kept, accessPolicy);
        } catch (IllegalArgumentException ex) {
            errors.add(ex.getMessage());
            r.handlers = HandlerTable.compile(List.of(), accessPolicy);
        }
        List<HandlerMapping> legacy = mode == PipelineMode.CLASSIC ? filterAndInstantiate(legacyHandlers, errors) : List.of();
        try {
            r.legacyHandlers = HandlerTable.compile(legacy, AccessPolicy.parse("Read, Write, Script, Execute"));
        } catch (IllegalArgumentException ex) {
            errors.add(ex.getMessage());
            r.legacyHandlers = HandlerTable.compile(List.of(), accessPolicy);
        }
        Map<String, ModuleSlot> byName = new HashMap<>();
        for (ModuleSlot s : slots) {
            byName.put(s.name(), s);
        }
        int size = r.handlers.size();
        r.badModules = new String[size];
        r.handlerModules = new HandlerModule[size][];
        for (int i = 0; i < size; i++) {
            resolveHandlerModules(r, i, byName, errors);
        }
    }

    private void resolveHandlerModules(Result r, int i, Map<String, ModuleSlot> byName, List<String> errors) {
        HandlerMapping m = r.handlers.mapping(i);
        List<ModuleSlot> found = new ArrayList<>();
        for (String name : m.modules()) {
            if (HandlerMapping.MANAGED_PIPELINE_HANDLER.equals(name)) {
                if (mode != PipelineMode.INTEGRATED && r.badModules[i] == null) {
                    r.badModules[i] = name;
                }
                continue;
            }
            ModuleSlot slot = byName.get(name);
            if (slot == null) {
                if (r.badModules[i] == null) {
                    r.badModules[i] = name;
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
        r.handlerModules[i] = hm;
    }

    private List<HandlerMapping> filterAndInstantiate(List<HandlerMapping> list, List<String> errors) {
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
                RequestHandler h = instantiate(m, errors);
                if (h == null) {
                    continue;
                }
                m = m.withHandler(h);
            }
            kept.add(m);
        }
        return kept;
    }

    private static RequestHandler instantiate(HandlerMapping m, List<String> errors) {
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(m.typeName(), true, cl != null ? cl : PipelineBuilder.class.getClassLoader());
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

    private static void checkUniqueNames(List<HandlerMapping> all, List<String> errors) {
        Set<String> seen = new HashSet<>();
        for (HandlerMapping m : all) {
            if (!seen.add(m.name())) {
                errors.add("duplicate handler '" + m.name() + "' (" + m.source() + "): remove it before adding it again");
            }
        }
    }

    private static void closeQuietly(List<AutoCloseable> closers) {
        for (AutoCloseable c : closers) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the build already failed; the configuration problems are what the user needs to see
            }
        }
    }

    /** What a module sees during init; records its subscriptions. */
    private static final class Subscription implements ModuleSetup {
        private final Entry entry;
        private final PipelineMode mode;
        private final boolean classicManaged;
        final Set<PipelineStage> stages = EnumSet.noneOf(PipelineStage.class);
        final List<ErrorCallback> errorCallbacks = new ArrayList<>();
        final List<AutoCloseable> closers = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Subscription(Entry entry, PipelineMode mode, boolean classicManaged) {
            this.entry = entry;
            this.mode = mode;
            this.classicManaged = classicManaged;
        }

        @Override
        public String name() {
            return entry.name();
        }

        @Override
        public ModuleSettings settings() {
            return entry.settings() == null ? ModuleSettings.empty() : entry.settings();
        }

        @Override
        public PipelineMode mode() {
            return mode;
        }

        @Override
        public void subscribe(PipelineStage... list) {
            for (PipelineStage s : list) {
                if (s == PipelineStage.EXECUTE_REQUEST_HANDLER) {
                    errors.add("module '" + entry.name() + "' subscribes to EXECUTE_REQUEST_HANDLER, which belongs to "
                            + "the selected handler");
                } else if (classicManaged && s.isIntegratedOnly()) {
                    errors.add("module '" + entry.name() + "' subscribes to " + s + ", which managed modules cannot "
                            + "use in classic mode");
                } else {
                    stages.add(s);
                }
            }
        }

        @Override
        public void onError(ErrorCallback callback) {
            errorCallbacks.add(callback);
        }

        @Override
        public void onClose(AutoCloseable callback) {
            closers.add(callback);
        }
    }

    /** The compiled parts handed to {@link CompiledPipeline}. */
    static final class Result {
        PipelineMode mode;
        final List<ModuleSlot> modules = new ArrayList<>();
        ModuleSlot[][][] stageModules;
        ModuleSlot[][] nestedModules;
        ErrorCallback[][] errorCallbacks;
        ModuleSlot[][] errorCallbackSlots;
        ErrorCallback[] nestedErrorCallbacks;
        HandlerTable handlers;
        String[] badModules;
        HandlerModule[][] handlerModules;
        HandlerTable legacyHandlers;
        final List<AutoCloseable> closeCallbacks = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean validateIntegratedModeConfiguration;
        int legacyConfigurationStatus;
        final Map<String, ModuleSlot> byName = new HashMap<>();
    }
}
