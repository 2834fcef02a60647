package io.stageline.engine;

import io.stageline.api.ErrorCallback;
import io.stageline.api.HandlerKind;
import io.stageline.api.HandlerMapping;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.api.ResourceType;
import io.stageline.api.StatusException;
import io.stageline.match.HandlerTable;
import java.io.IOException;
import java.util.List;

/**
 * Runs requests through a {@link CompiledPipeline}: the stages in order, the handler, and the end stages that run
 * whatever happened before them. All state lives in the {@link Exchange}, so a request suspended by an async servlet
 * resumes where it stopped ({@link #resume(Exchange)}), on whatever thread completes it.
 *
 * <p>Integrated mode: completion or an error skips to LOG_REQUEST, POST_LOG_REQUEST, END_REQUEST. Classic mode: the
 * outer (native) pipeline behaves the same; managed modules run in a nested pipeline inside EXECUTE_REQUEST_HANDLER
 * of a ServletDelegation handler, where completion or an error jumps straight to the nested END_REQUEST.
 */
public final class PipelineExecutor {
    private static final int MAP = PipelineStage.MAP_REQUEST_HANDLER.ordinal();
    private static final int EXECUTE = PipelineStage.EXECUTE_REQUEST_HANDLER.ordinal();
    private static final int UPDATE_CACHE = PipelineStage.UPDATE_REQUEST_CACHE.ordinal();
    private static final int LOG = PipelineStage.LOG_REQUEST.ordinal();
    private static final int END = PipelineStage.END_REQUEST.ordinal();
    private static final int BEGIN = PipelineStage.BEGIN_REQUEST.ordinal();
    private static final int HEADERS = PipelineStage.PRE_SEND_REQUEST_HEADERS.ordinal();
    private static final int CONTENT = PipelineStage.PRE_SEND_REQUEST_CONTENT.ordinal();

    private final CompiledPipeline p;

    public PipelineExecutor(CompiledPipeline pipeline) {
        this.p = pipeline;
    }

    /**
     * Selects the handler and runs the request from BEGIN_REQUEST. Returns true when the request finished (END_REQUEST
     * ran), false when the handler went async: then the caller must call {@link #resume(Exchange)} once the async
     * cycle completes.
     */
    public boolean start(Exchange x, boolean containerMappedNonDefaultServlet) {
        if (p.tracer != null && x.depth() == 0) {
            beginTrace(x);
        }
        select(x, containerMappedNonDefaultServlet);
        return drive(x);
    }

    private void beginTrace(Exchange x) {
        try {
            x.setTrace(p.tracer.begin(x));
        } catch (RuntimeException e) {
            x.log("the request tracer failed; this request is not traced", e);
        }
        if (x.trace().enabled()) {
            EngineTrace.requestStart(x);
        }
    }

    private void endTrace(Exchange x) {
        if (p.tracer != null && x.depth() == 0 && x.trace().enabled()) {
            try {
                EngineTrace.requestEnd(x);
                p.tracer.end(x, x.trace());
            } catch (RuntimeException e) {
                x.log("the request tracer failed at the end of the request", e);
            }
        }
    }

    /**
     * Answers a request that never enters the pipeline (its path cannot be made canonical): the status and substatus
     * are set, the engine's detailed error page is written, and no module runs, not even the end stages, because no
     * module may see a path that is not canonical. {@code requestedUrl} is what the page shows as the requested URL.
     */
    public static void reject(Exchange x, int status, int subStatus, String module, String detail,
                              String requestedUrl) throws IOException {
        x.finished = true;
        x.failedModule = module;
        x.failedStage = null;
        x.failureDetail = detail;
        x.requestedUrl = requestedUrl;
        x.containerSetStatus(status);
        x.setSubStatusInternal(subStatus);
        x.containerWriteErrorPage(status, "text/html;charset=UTF-8", ErrorPage.render(x));
    }

    /** Continues a request suspended by an async handler. Returns true when it finished. */
    public boolean resume(Exchange x) {
        x.stage = PipelineStage.EXECUTE_REQUEST_HANDLER;
        return drive(x);
    }

    /** True once END_REQUEST ran for the exchange. */
    public static boolean isFinished(Exchange x) {
        return x.finished;
    }

    void runChild(Exchange child) {
        select(child, child.containerMapsToNonDefaultServlet(child.path()));
        if (!drive(child)) {
            child.log("a child request went async; Stageline runs child requests synchronously", null);
        }
    }

    /** (Re)selects the handler mapping for the exchange's current path. */
    static void select(Exchange x, boolean nonDefaultServlet) {
        String path = x.path();
        int location = x.pipeline.locationFor(path);
        x.location = location;
        HandlerTable table = x.pipeline.locations[location].table;
        int sel = table.select(path, x.method(), nonDefaultServlet, table.dependsOnLocality() && x.isLocal());
        x.nonDefaultServlet = nonDefaultServlet;
        x.selection = sel;
        boolean integrated = x.pipeline.mode == PipelineMode.INTEGRATED;
        if (sel >= 0) {
            x.mapping = table.mapping(sel);
            x.pathInfoStart = table.pathInfoStart(sel, path);
            x.managed = integrated && (x.remapped != null || x.mapping.isManagedHandler());
        } else {
            x.mapping = null;
            x.pathInfoStart = path.length();
            x.managed = integrated && x.remapped != null;
        }
        if (x.trace().enabled()) {
            EngineTrace.selection(x, table, path, nonDefaultServlet);
        }
    }

    private boolean drive(Exchange x) {
        if (x.inNested && !runNested(x)) {
            return false;
        }
        if (!runOuter(x)) {
            return false;
        }
        x.finished = true;
        x.currentModule = null;
        endTrace(x);
        if (x.fatal != null) {
            throw x.fatal;
        }
        return true;
    }

    private boolean runOuter(Exchange x) {
        for (int s = x.outerNext; s < PipelineStage.ORDINARY_COUNT; s++) {
            if (x.outerCompleted && s < LOG) {
                s = LOG;
            }
            x.stage = PipelineStage.of(s);
            if (s == LOG) {
                finishResponse(x);
            } else if (s == BEGIN) {
                validateConfiguration(x);
            } else if (s == MAP) {
                mapHandler(x);
            } else if (s == UPDATE_CACHE) {
                applyFilters(x);
            } else if (s == EXECUTE) {
                if (!x.outerCompleted && executeHandler(x)) {
                    x.outerNext = s + 1;
                    return false;
                }
                continue;
            }
            runModules(x, p.stageModules[x.managed ? CompiledPipeline.MANAGED : CompiledPipeline.OTHER][s], s >= LOG);
        }
        return true;
    }

    /** Classic mode: the managed pipeline inside EXECUTE_REQUEST_HANDLER. Returns false when suspended. */
    boolean runNested(Exchange x) {
        x.inNested = true;
        for (int s = x.nestedNext; s < PipelineStage.ORDINARY_COUNT; s++) {
            if (x.nestedCompleted && s < END) {
                s = END;
            }
            x.stage = PipelineStage.of(s);
            if (s == EXECUTE) {
                if (!x.nestedCompleted && executeLegacyHandler(x)) {
                    x.nestedNext = s + 1;
                    return false;
                }
                continue;
            }
            runModules(x, p.nestedModules[s], s == END);
        }
        x.inNested = false;
        x.nestedNext = -1;
        x.stage = PipelineStage.EXECUTE_REQUEST_HANDLER;
        return true;
    }

    /** Called by ServletDelegation in classic mode: runs the nested pipeline from its first stage. */
    void enterNested(Exchange x) {
        x.enteredNested = true;
        x.nestedNext = 0;
        x.nestedCompleted = false;
        runNested(x);
    }

    private void runModules(Exchange x, ModuleSlot[] modules, boolean endStage) {
        for (int i = 0; i < modules.length; i++) {
            if (!endStage && x.isRequestCompleted()) {
                break;
            }
            ModuleSlot m = modules[i];
            x.currentModule = m;
            boolean traced = x.trace().enabled();
            long t0 = traced ? System.nanoTime() : 0L;
            if (traced) {
                EngineTrace.moduleStart(x, m.name());
            }
            try {
                m.module().handle(x);
            } catch (Throwable t) {
                handleError(x, m.name(), t);
            }
            if (traced) {
                EngineTrace.moduleEnd(x, m.name(), t0);
            }
        }
        x.currentModule = null;
    }

    private void validateConfiguration(Exchange x) {
        int sub = p.legacyConfigurationStatus;
        if (sub != 0) {
            fail(x, 500, sub, "ConfigurationValidationModule", ErrorPage.legacyMessage(sub));
        }
    }

    private void mapHandler(Exchange x) {
        if (x.remapped != null || x.outerCompleted) {
            return;
        }
        if (x.selection < 0) {
            int code = x.selection;
            fail(x, HandlerTable.httpStatus(code), HandlerTable.subStatus(code), "IIS Web Core", null);
            return;
        }
        HandlerMapping m = x.mapping;
        if (m.resourceType() != ResourceType.UNSPECIFIED) {
            ResourceKind kind = x.resourceKind(x.path().substring(0, x.pathInfoStart));
            boolean ok = switch (m.resourceType()) {
                case FILE -> kind == ResourceKind.FILE;
                case DIRECTORY -> kind == ResourceKind.DIRECTORY;
                default -> kind != ResourceKind.NONE;
            };
            if (!ok) {
                fail(x, 404, 0, "IIS Web Core", null);
                return;
            }
        }
        String bad = p.locations[x.location].badModules[x.selection];
        if (bad != null) {
            fail(x, 500, 21, "IIS Web Core", "Handler '" + m.name() + "' has a bad module '" + bad
                    + "' in its module list");
        }
    }

    /** Runs the selected handler. Returns true when it went async (or suspended inside the nested pipeline). */
    private boolean executeHandler(Exchange x) {
        x.currentModule = null;
        boolean traced = x.trace().enabled();
        long t0 = traced ? System.nanoTime() : 0L;
        if (traced) {
            EngineTrace.moduleStart(x, x.remapped != null ? "remapped handler" : x.handlerName());
        }
        try {
            return runHandler(x);
        } finally {
            if (traced) {
                EngineTrace.moduleEnd(x, x.remapped != null ? "remapped handler" : x.handlerName(), t0);
            }
        }
    }

    private boolean runHandler(Exchange x) {
        try {
            if (x.remapped != null) {
                x.remapped.handle(x);
            } else {
                HandlerMapping m = x.mapping;
                if (m.kind() == HandlerKind.TYPE) {
                    m.handler().handle(x);
                } else if (m.kind() == HandlerKind.SERVLET && m.isManagedHandler()) {
                    x.invokeServlet(m.servletName());
                } else {
                    HandlerModule[] hms = p.locations[x.location].handlerModules[x.selection];
                    for (int i = 0; i < hms.length && !hms[i].executeHandler(x); i++) {
                        // each handler module declines requests that are not its kind
                    }
                }
            }
        } catch (Throwable t) {
            handleError(x, x.handlerName(), t);
            return false;
        }
        return x.inNested || (x.error == null && x.isAsyncStarted());
    }

    private boolean executeLegacyHandler(Exchange x) {
        x.currentModule = null;
        try {
            HandlerTable legacy = p.legacyHandlers;
            int sel = legacy.size() == 0 ? -1 : legacy.select(x.path(), x.method(), x.nonDefaultServlet,
                    legacy.dependsOnLocality() && x.isLocal());
            if (sel >= 0 && legacy.mapping(sel).handler() != null) {
                legacy.mapping(sel).handler().handle(x);
            } else if (sel >= 0 && legacy.mapping(sel).servletName() != null) {
                x.invokeServlet(legacy.mapping(sel).servletName());
            } else {
                String servlet = x.mapping == null ? null : x.mapping.servletName();
                x.invokeServlet(servlet == null ? HandlerMapping.ANY_SERVLET : servlet);
            }
        } catch (Throwable t) {
            handleError(x, "ServletDelegation", t);
            return false;
        }
        return x.error == null && x.isAsyncStarted();
    }

    private void applyFilters(Exchange x) {
        if ((x.responseFilters != null || x.bodyCaptureLimit() >= 0) && !x.filterApplied) {
            x.filterApplied = true;
            try {
                x.containerApplyResponseFilters(x.responseFilters == null ? List.of() : x.responseFilters);
            } catch (Throwable t) {
                handleError(x, "ResponseFilter", t);
            }
        }
    }

    private void finishResponse(Exchange x) {
        if (x.responseFinished) {
            return;
        }
        x.responseFinished = true;
        if (p.finisher != null && x.depth() == 0 && !x.containerCommitted()) {
            try {
                p.finisher.beforeFinish(x);
            } catch (Throwable t) {
                recordFatal(x, t);
                x.log("could not decorate the response", t);
            }
        }
        applyFilters(x);
        try {
            if (p.errorResponder != null) {
                p.errorResponder.respond(x);
            } else if (x.pipelineDecidedStatus() && !x.containerCommitted() && x.containerStatus() >= 400
                    && !x.containerHasBody()) {
                x.containerWriteErrorPage(x.containerStatus(), "text/html;charset=UTF-8", ErrorPage.render(x));
            }
        } catch (Throwable t) {
            recordFatal(x, t);
            x.log("could not write the error response", t);
        }
        int status = x.containerStatus();
        if (status >= 300 && status < 400 && x.containerResponseHeader("Location") != null) {
            try {
                x.decorateRedirect();
            } catch (Throwable t) {
                recordFatal(x, t);
                x.log("could not add the redirect headers", t);
            }
        }
        try {
            x.containerReleaseResponse();
        } catch (Throwable t) {
            recordFatal(x, t);
            x.log("could not send the held response", t);
        }
        if (!x.containerCommitted()) {
            x.fireResponseEvents();
        }
    }

    private void fail(Exchange x, int status, int sub, String module, String detail) {
        if (!x.containerCommitted()) {
            x.containerSetStatus(status);
            x.setSubStatusInternal(sub);
        }
        x.failedModule = module;
        x.failedStage = x.stage;
        x.failureDetail = detail;
        if (x.trace().enabled()) {
            EngineTrace.errorStatus(x, module, status, sub, detail);
        }
        x.completeRequest();
    }

    private static void recordFatal(Exchange x, Throwable t) {
        if (t instanceof Error e && x.fatal == null) {
            x.fatal = e;
        }
    }

    private void handleError(Exchange x, String module, Throwable t) {
        recordFatal(x, t);
        if (x.error != null) {
            x.log("module '" + module + "' failed in " + x.stage + " after an earlier error", t);
            x.completeRequest();
            return;
        }
        x.error = t;
        int status = 500;
        int sub = 0;
        if (t instanceof StatusException se) {
            status = se.status();
            sub = se.subStatus();
        }
        x.failedModule = module;
        x.failedStage = x.stage;
        x.failureDetail = t.getMessage();
        if (!x.containerCommitted()) {
            x.containerSetStatus(status);
            x.setSubStatusInternal(sub);
        }
        if (x.trace().enabled()) {
            EngineTrace.errorStatus(x, module, status, sub, t.toString());
        }
        raiseErrorEvent(x, t);
        x.completeRequest();
    }

    private void raiseErrorEvent(Exchange x, Throwable t) {
        ErrorCallback[] callbacks = x.inNested ? p.nestedErrorCallbacks
                : p.errorCallbacks[x.managed ? CompiledPipeline.MANAGED : CompiledPipeline.OTHER];
        ModuleSlot saved = x.currentModule;
        for (int i = 0; i < callbacks.length; i++) {
            try {
                callbacks[i].onError(x, t);
            } catch (Throwable again) {
                recordFatal(x, again);
                x.log("error callback failed", again);
            }
        }
        x.currentModule = saved;
    }

    static void responseEvents(Exchange x) {
        CompiledPipeline p = x.pipeline;
        PipelineStage saved = x.stage;
        ModuleSlot savedModule = x.currentModule;
        ModuleSlot[][] arrays = p.stageModules[x.managed ? CompiledPipeline.MANAGED : CompiledPipeline.OTHER];
        for (int s = HEADERS; s <= CONTENT; s++) {
            x.stage = PipelineStage.of(s);
            deliver(x, p.nestedModules[s], x.enteredNested);
            deliver(x, arrays[s], true);
        }
        x.stage = saved;
        x.currentModule = savedModule;
    }

    private static void deliver(Exchange x, ModuleSlot[] m, boolean active) {
        if (active) {
            for (int i = 0; i < m.length; i++) {
                x.currentModule = m[i];
                try {
                    m[i].module().handle(x);
                } catch (Throwable t) {
                    recordFatal(x, t);
                    x.log("module '" + m[i].name() + "' failed in " + x.stage, t);
                }
            }
        }
    }

    static boolean hasResponseEvents(Exchange x) {
        ModuleSlot[][] arrays = x.pipeline.stageModules[x.managed ? CompiledPipeline.MANAGED : CompiledPipeline.OTHER];
        return arrays[HEADERS].length > 0 || arrays[CONTENT].length > 0
                || (x.enteredNested && (x.pipeline.nestedModules[HEADERS].length > 0
                || x.pipeline.nestedModules[CONTENT].length > 0));
    }
}
