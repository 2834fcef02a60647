package io.stageline.engine;

import io.stageline.api.ErrorCallback;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configurable module for engine tests. Every call records {@code name:STAGE} into a shared list (with
 * {@code @depth} appended for child requests), then runs the action configured for that stage, if any: throw,
 * complete the request, set a status, or anything else. An optional error callback records {@code name:ERROR:message}.
 *
 * <pre>{@code
 * List<String> log = new ArrayList<>();
 * RecordingModule b = RecordingModule.everywhere("B", log).completing(PipelineStage.AUTHORIZE_REQUEST);
 * }</pre>
 */
final class RecordingModule implements PipelineModule {

    /** Something a test module does in one stage. */
    @FunctionalInterface
    interface Action {
        void run(RequestContext ctx) throws Exception;
    }

    /** The ordinary stages a module may subscribe to: all 21 but EXECUTE_REQUEST_HANDLER, in IIS order. */
    static final List<PipelineStage> SUBSCRIBABLE = subscribable();

    /** The ordinary stages that run only until the request completes (everything before LOG_REQUEST but EXECUTE). */
    static final List<PipelineStage> SKIPPABLE = SUBSCRIBABLE.subList(0, SUBSCRIBABLE.indexOf(PipelineStage.LOG_REQUEST));

    /** LOG_REQUEST, POST_LOG_REQUEST, END_REQUEST. */
    static final List<PipelineStage> END_STAGES = List.of(PipelineStage.LOG_REQUEST, PipelineStage.POST_LOG_REQUEST,
            PipelineStage.END_REQUEST);

    private final String name;
    private final List<String> log;
    private final Set<PipelineStage> stages = new LinkedHashSet<>();
    private final Map<PipelineStage, Action> actions = new EnumMap<>(PipelineStage.class);
    private final List<ErrorCallback> errorCallbacks = new ArrayList<>();
    private int initCalls;

    RecordingModule(String name, List<String> log, Collection<PipelineStage> subscribeTo) {
        this.name = name;
        this.log = log;
        this.stages.addAll(subscribeTo);
    }

    /** A module subscribed to the given stages only. */
    static RecordingModule on(String name, List<String> log, PipelineStage... stages) {
        return new RecordingModule(name, log, Arrays.asList(stages));
    }

    /** A module subscribed to every stage it may subscribe to (not the response events). */
    static RecordingModule everywhere(String name, List<String> log) {
        return new RecordingModule(name, log, SUBSCRIBABLE);
    }

    /** The record a module writes for a stage of the top-level request. */
    static String entry(String name, PipelineStage stage) {
        return name + ":" + stage;
    }

    /** The records of the given modules for each stage, stage by stage, modules in the given order. */
    static List<String> entries(Collection<PipelineStage> stages, String... names) {
        List<String> out = new ArrayList<>();
        for (PipelineStage s : stages) {
            for (String n : names) {
                out.add(entry(n, s));
            }
        }
        return out;
    }

    String name() {
        return name;
    }

    /** How often {@link #init} ran. */
    int initCalls() {
        return initCalls;
    }

    /** Subscribes to more stages. */
    RecordingModule also(PipelineStage... more) {
        stages.addAll(Arrays.asList(more));
        return this;
    }

    /** Subscribes to {@code stage} and runs {@code action} there, after recording (and after earlier actions). */
    RecordingModule doing(PipelineStage stage, Action action) {
        stages.add(stage);
        actions.merge(stage, action, (first, second) -> ctx -> {
            first.run(ctx);
            second.run(ctx);
        });
        return this;
    }

    /** Throws {@code t} (an exception or an {@link Error}) in {@code stage}. */
    RecordingModule throwing(PipelineStage stage, Throwable t) {
        return doing(stage, ctx -> {
            if (t instanceof Error e) {
                throw e;
            }
            throw (Exception) t;
        });
    }

    /** Calls completeRequest() in {@code stage}, then records {@code name:completed} (the call itself finishes). */
    RecordingModule completing(PipelineStage stage) {
        return doing(stage, ctx -> {
            ctx.completeRequest();
            log.add(name + ":completed");
        });
    }

    /** Sets a status and substatus in {@code stage}. */
    RecordingModule settingStatus(PipelineStage stage, int status, int subStatus) {
        return doing(stage, ctx -> ctx.setStatus(status, subStatus));
    }

    /** Registers an error callback that records {@code name:ERROR:message}. */
    RecordingModule recordingErrors() {
        return onError((ctx, error) -> log.add(name + ":ERROR:" + error.getMessage()));
    }

    /** Registers an error callback. */
    RecordingModule onError(ErrorCallback callback) {
        errorCallbacks.add(callback);
        return this;
    }

    @Override
    public void init(ModuleSetup setup) {
        initCalls++;
        setup.subscribe(stages.toArray(new PipelineStage[0]));
        for (ErrorCallback cb : errorCallbacks) {
            setup.onError(cb);
        }
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        String record = entry(name, ctx.stage());
        if (ctx.isChildRequest()) {
            record += "@" + ((Exchange) ctx).depth();
        }
        log.add(record);
        Action action = actions.get(ctx.stage());
        if (action != null) {
            action.run(ctx);
        }
    }

    private static List<PipelineStage> subscribable() {
        List<PipelineStage> out = new ArrayList<>();
        for (int i = 0; i < PipelineStage.ORDINARY_COUNT; i++) {
            PipelineStage s = PipelineStage.of(i);
            if (s != PipelineStage.EXECUTE_REQUEST_HANDLER) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "RecordingModule[" + name + "]";
    }
}
