package io.stageline.engine;

import io.stageline.api.HandlerMapping;
import io.stageline.api.TraceWriter;
import io.stageline.match.HandlerTable;

/** The engine's trace events. Every method is called only when the request's trace writer is enabled. */
final class EngineTrace {
    private EngineTrace() {
    }

    static void requestStart(Exchange x) {
        x.trace().event(TraceWriter.REQUEST, TraceWriter.GENERAL_REQUEST_START, "method", x.method(),
                "url", x.rawUri(), "path", x.path(), "query", x.queryString(), "client", x.remoteAddress(),
                "protocol", x.protocol(), "mode", x.mode());
    }

    static void requestEnd(Exchange x) {
        long micros = (System.nanoTime() - x.requestStartNanos()) / 1000;
        x.trace().event(TraceWriter.REQUEST, TraceWriter.GENERAL_REQUEST_END, "status", x.status(),
                "subStatus", x.subStatus(), "timeTakenMs", micros / 1000.0, "bytesSent", x.bytesSent(),
                "user", x.user() == null ? null : x.user().getName());
    }

    /** Every mapping tried, in table order, with its verdict; then the outcome. */
    static void selection(Exchange x, HandlerTable table, String path, boolean nonDefaultServlet) {
        TraceWriter t = x.trace();
        table.explain(path, x.method(), nonDefaultServlet, x.isLocal(), (i, m, verdict) ->
                t.event(TraceWriter.HANDLER, TraceWriter.HANDLER_MAPPING_CHECKED, "mapping", m.name(),
                        "path", m.path(), "verb", m.verb(), "requireAccess", m.requireAccess(), "verdict", verdict));
        int sel = x.selection;
        if (sel >= 0) {
            HandlerMapping m = x.mapping;
            t.event(TraceWriter.HANDLER, TraceWriter.HANDLER_SELECTED, "mapping", m.name(), "kind", m.kind(),
                    "modules", String.join(",", m.modules()), "location", x.locationPath());
        } else {
            t.event(TraceWriter.HANDLER, TraceWriter.HANDLER_NOT_FOUND, "status", HandlerTable.httpStatus(sel),
                    "subStatus", HandlerTable.subStatus(sel), "location", x.locationPath());
        }
    }

    static void moduleStart(Exchange x, String module) {
        x.trace().event(TraceWriter.MODULE, TraceWriter.NOTIFY_MODULE_START, "module", module, "stage", x.stage);
    }

    static void moduleEnd(Exchange x, String module, long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        x.trace().event(TraceWriter.MODULE, TraceWriter.NOTIFY_MODULE_END, "module", module, "stage", x.stage,
                "durationMs", micros / 1000.0, "status", x.status());
    }

    static void errorStatus(Exchange x, String module, int status, int sub, String reason) {
        x.trace().event(TraceWriter.MODULE, TraceWriter.MODULE_SET_RESPONSE_ERROR_STATUS, "module", module,
                "stage", x.stage, "status", status, "subStatus", sub, "reason", reason);
    }
}
