package io.stageline.engine;

import io.stageline.api.ErrorCallback;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.match.AccessPolicy;
import io.stageline.match.HandlerTable;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
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
    private final List<LocationEntry> locations = new ArrayList<>();
    private ClassLoader classLoader;
    private boolean legacyModulesPresent;
    private boolean legacyHandlersPresent;
    private Duration resourceCacheTtl = ResourceKindCache.DEFAULT_TTL;

    private record LocationEntry(String path, List<HandlerMapping> handlers, Map<String, ModuleSettings> settings) {
    }

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

    /** The class loader for {@code type:} handler classes (default: the thread's context class loader). */
    public PipelineBuilder classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /**
     * Says that the application's own configuration has {@code legacy.httpModules} / {@code legacy.httpHandlers}
     * sections (any add, remove or clear), which fails every request in integrated mode with 500.22 / 500.23 unless
     * validation is off, even when the merged lists end up empty.
     */
    public PipelineBuilder legacySectionsPresent(boolean httpModules, boolean httpHandlers) {
        this.legacyModulesPresent = httpModules;
        this.legacyHandlersPresent = httpHandlers;
        return this;
    }

    /**
     * Adds a location: requests whose canonical path is {@code path} or below it (segment-aligned, case-insensitive;
     * the most specific location wins) use {@code handlerList} (the complete effective list, highest priority first;
     * null = the application's list) and, for the modules named in {@code moduleSettings}, those settings instead of
     * the application-level ones ({@link ModuleSetup#settings(int)}). Modules themselves cannot differ per location.
     */
    public PipelineBuilder location(String path, List<HandlerMapping> handlerList,
                                    Map<String, ModuleSettings> moduleSettings) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty() || PathCanonicalizer.canonicalize(p) == null) {
            problems.add("location '" + path + "' is not a canonical application path such as /admin");
            return this;
        }
        for (LocationEntry e : locations) {
            if (e.path().equalsIgnoreCase(p)) {
                problems.add("location '" + path + "' is declared twice");
                return this;
            }
        }
        locations.add(new LocationEntry(p.toLowerCase(Locale.ROOT), handlerList == null ? null : List.copyOf(handlerList),
                moduleSettings == null ? Map.of() : Map.copyOf(moduleSettings)));
        return this;
    }

    /**
     * How long the answer to "what is this path: file, directory, nothing?" is remembered
     * ({@code caching.fileCacheTtl}, default 2 s; zero = ask the container every time). See {@link ResourceKindCache}.
     */
    public PipelineBuilder resourceCacheTtl(Duration ttl) {
        this.resourceCacheTtl = ttl == null ? Duration.ZERO : ttl;
        return this;
    }

    /** Initialises the modules and compiles the tables; throws with every problem found. */
    public CompiledPipeline build() {
        Result r = new Result();
        r.mode = mode;
        r.validateIntegratedModeConfiguration = validateIntegratedMode;
        r.resourceKinds = ResourceKindCache.of(resourceCacheTtl);
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
        if (!legacyModules.isEmpty() || legacyModulesPresent) {
            return 22;
        }
        if (!legacyHandlers.isEmpty() || legacyHandlersPresent) {
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
        Subscription sub = new Subscription(e, mode, nested, locations);
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
        HandlerCompiler compiler = new HandlerCompiler(mode, accessPolicy, classLoader, slots, errors);
        List<HandlerMapping> root = new ArrayList<>(handlers);
        root.addAll(defaultHandlers);
        List<HandlerSet> sets = new ArrayList<>();
        sets.add(compiler.compile("", root));
        for (LocationEntry loc : locations) {
            sets.add(compiler.compile(loc.path(), loc.handlers() == null ? root : loc.handlers()));
        }
        r.locations = sets.toArray(new HandlerSet[0]);
        r.legacyHandlers = compiler.compileLegacy(legacyHandlers);
        r.locationSettings = new ArrayList<>();
        for (LocationEntry loc : locations) {
            r.locationSettings.add(loc.settings());
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
        private final List<LocationEntry> locations;
        final Set<PipelineStage> stages = EnumSet.noneOf(PipelineStage.class);
        final List<ErrorCallback> errorCallbacks = new ArrayList<>();
        final List<AutoCloseable> closers = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Subscription(Entry entry, PipelineMode mode, boolean classicManaged, List<LocationEntry> locations) {
            this.entry = entry;
            this.mode = mode;
            this.classicManaged = classicManaged;
            this.locations = locations;
        }

        @Override
        public int locationCount() {
            return locations.size() + 1;
        }

        @Override
        public String locationPath(int location) {
            return location == 0 ? "" : locations.get(location - 1).path();
        }

        @Override
        public ModuleSettings settings(int location) {
            if (location == 0) {
                return settings();
            }
            ModuleSettings own = locations.get(location - 1).settings().get(entry.name());
            return own != null ? own : settings();
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
        HandlerSet[] locations;
        List<Map<String, ModuleSettings>> locationSettings;
        HandlerTable legacyHandlers;
        final List<AutoCloseable> closeCallbacks = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        boolean validateIntegratedModeConfiguration;
        int legacyConfigurationStatus;
        ResourceKindCache resourceKinds;
        final Map<String, ModuleSlot> byName = new HashMap<>();
    }
}
