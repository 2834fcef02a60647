package io.stageline.engine;

import io.stageline.api.ErrorCallback;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.match.HandlerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The immutable result of compiling a configuration: per stage one module array for managed-handler requests and one
 * for the rest, the handler table, the handler modules, the classic-mode nested pipeline. Built by
 * {@link PipelineBuilder}; shared by all requests of an application. A reload builds a new one.
 */
public final class CompiledPipeline implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CompiledPipeline.class.getName());

    static final int MANAGED = 1;
    static final int OTHER = 0;

    final PipelineMode mode;
    final List<ModuleSlot> modules;
    /** [OTHER|MANAGED][stage ordinal] -> modules to call, in order (integrated: all modules; classic: natives). */
    final ModuleSlot[][][] stageModules;
    /** Classic mode: [stage ordinal] -> managed (legacy) modules of the nested pipeline. Empty in integrated mode. */
    final ModuleSlot[][] nestedModules;
    /** [OTHER|MANAGED] -> error callbacks, in module order. */
    final ErrorCallback[][] errorCallbacks;
    final ModuleSlot[][] errorCallbackSlots;
    /** Classic mode: error callbacks of the nested pipeline's managed modules. */
    final ErrorCallback[] nestedErrorCallbacks;
    /** The handler sets: index 0 = the application root, then one per location. */
    final HandlerSet[] locations;
    /** Location indices, most specific (longest path) first; the root is last. */
    private final int[] matchOrder;
    final HandlerTable legacyHandlers;
    /** The module that renders error responses (CustomErrors), or null for the built-in detailed page. */
    final ErrorResponder errorResponder;
    /** The module that adds redirect headers (ProtocolSupport), or null. */
    final RedirectDecorator redirectDecorator;
    /** The module that traces requests (FailedRequestTracing), or null: then no request is traced. */
    final RequestTracer tracer;
    /** The module that decorates every response before it is finished (ProtocolSupport), or null. */
    final ResponseFinisher finisher;
    final List<AutoCloseable> closeCallbacks;
    final List<String> warnings;
    final boolean validateIntegratedModeConfiguration;
    final int legacyConfigurationStatus;
    final Map<String, ModuleSlot> byName;
    private final ResourceKindCache resourceKinds;

    CompiledPipeline(PipelineBuilder.Result r) {
        this.mode = r.mode;
        this.modules = List.copyOf(r.modules);
        this.stageModules = r.stageModules;
        this.nestedModules = r.nestedModules;
        this.errorCallbacks = r.errorCallbacks;
        this.errorCallbackSlots = r.errorCallbackSlots;
        this.nestedErrorCallbacks = r.nestedErrorCallbacks;
        this.locations = r.locations;
        this.matchOrder = matchOrder(r.locations);
        this.legacyHandlers = r.legacyHandlers;
        this.errorResponder = find(r.modules, ErrorResponder.class);
        this.redirectDecorator = find(r.modules, RedirectDecorator.class);
        this.tracer = find(r.modules, RequestTracer.class);
        this.finisher = find(r.modules, ResponseFinisher.class);
        this.closeCallbacks = List.copyOf(r.closeCallbacks);
        this.warnings = List.copyOf(r.warnings);
        this.validateIntegratedModeConfiguration = r.validateIntegratedModeConfiguration;
        this.legacyConfigurationStatus = r.legacyConfigurationStatus;
        this.byName = Map.copyOf(r.byName);
        this.resourceKinds = r.resourceKinds;
    }

    /** The application's short-lived memory of what its paths are (file, directory, nothing). */
    public ResourceKindCache resourceKinds() {
        return resourceKinds;
    }

    public PipelineMode mode() {
        return mode;
    }

    private static <T> T find(List<ModuleSlot> slots, Class<T> type) {
        for (ModuleSlot s : slots) {
            if (type.isInstance(s.module())) {
                return type.cast(s.module());
            }
        }
        return null;
    }

    /** The module that owns error responses (CustomErrors), or null for the built-in detailed page. */
    public ErrorResponder errorResponder() {
        return errorResponder;
    }

    /** The effective module list, in order. */
    public List<ModuleSlot> modules() {
        return modules;
    }

    /** The module with the given name, or null. */
    public ModuleSlot module(String name) {
        return byName.get(name);
    }

    /** The application root's handler table. */
    public HandlerTable handlers() {
        return locations[0].table;
    }

    /** The handler set of a location (0 = the application root). */
    public HandlerSet handlers(int location) {
        return locations[location];
    }

    public int locationCount() {
        return locations.length;
    }

    /** The location that applies to a canonical path: the most specific one covering it, else 0. */
    public int locationFor(String canonicalPath) {
        int[] order = matchOrder;
        for (int i = 0; i < order.length; i++) {
            if (locations[order[i]].covers(canonicalPath)) {
                return order[i];
            }
        }
        return 0;
    }

    private static int[] matchOrder(HandlerSet[] sets) {
        Integer[] idx = new Integer[sets.length - 1];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i + 1;
        }
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(sets[b].path.length(), sets[a].path.length()));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** The classic-mode legacy handler table ({@code legacy.httpHandlers}); empty in integrated mode. */
    public HandlerTable legacyHandlers() {
        return legacyHandlers;
    }

    /** Startup warnings (e.g. managed modules ignored in classic mode). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The 500.2x substatus every request fails with because the application carries legacy sections in integrated
     * mode (22 httpModules, 23 httpHandlers, 24 impersonation), or 0.
     */
    public int legacyConfigurationSubStatus() {
        return legacyConfigurationStatus;
    }

    /** The module names subscribed to a stage for managed-handler requests or the rest, in call order. */
    public List<String> modulesFor(PipelineStage stage, boolean managedHandler) {
        List<String> names = new ArrayList<>();
        for (ModuleSlot s : stageModules[managedHandler ? MANAGED : OTHER][stage.ordinal()]) {
            names.add(s.name());
        }
        return names;
    }

    /** The managed modules of classic mode's nested pipeline subscribed to a stage, in call order. */
    public List<String> nestedModulesFor(PipelineStage stage) {
        List<String> names = new ArrayList<>();
        for (ModuleSlot s : nestedModules[stage.ordinal()]) {
            names.add(s.name());
        }
        return names;
    }

    /** The bad module of the mapping at {@code index} (500.21), or null. */
    public String badModule(int index) {
        return locations[0].badModules[index];
    }

    /** Runs the close callbacks; failures are logged and do not stop the others. */
    @Override
    public void close() {
        resourceKinds.invalidateAll();
        for (AutoCloseable c : closeCallbacks) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "module close callback failed", e);
            }
        }
    }
}
