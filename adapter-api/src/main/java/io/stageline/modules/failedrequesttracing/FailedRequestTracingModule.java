package io.stageline.modules.failedrequesttracing;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;
import io.stageline.api.TraceWriter;
import io.stageline.engine.Exchange;
import io.stageline.engine.RequestTracer;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.StagelineVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FailedRequestTracing, the port of IIS's Failed Request Tracing (FREB, reference §7.2): every event of a request is
 * buffered while it runs, and written to a file only when a rule says the request failed.
 *
 * <p>Settings: one map, the {@code traceFailedRequestsLogging} keys and the {@code traceFailedRequests} rules:
 * <ul>
 *   <li>{@code enabled} (default {@code false}, as IIS): off, no request is traced and tracing costs nothing.</li>
 *   <li>{@code directory} (default {@code logs/FailedReqLogFiles}, relative to the JVM's working directory).</li>
 *   <li>{@code maxLogFiles} (default 50): traces kept; the oldest are deleted.</li>
 *   <li>{@code maxLogFileSizeKB} (default 1024): a trace's events are cut at about this size ({@code truncated}).</li>
 *   <li>{@code rules}: a list of {@code {path, statusCodes, timeTaken}}; the first rule whose {@code path} matches the
 *       request's path (as it arrived) applies. {@code path} is a mask relative to the application, as handler
 *       paths are ({@code *}, {@code *.jsp}, {@code /admin/*}); default {@code *}. {@code statusCodes}:
 *       {@code "400-599"}, {@code "404.3, 500"} (a code without substatus matches every substatus).
 *       {@code timeTaken}: a duration ({@code 30s}); a request running longer has failed. A rule needs at least
 *       one of the two; either one makes the request failed.</li>
 * </ul>
 *
 * <p>How: the engine asks this module for a trace writer as each request arrives ({@link RequestTracer}); a request
 * no rule's path matches gets {@link TraceWriter#NONE}. A matched one gets a buffer that collects
 * GENERAL_REQUEST_START, the handler mappings tried with their verdicts, every module's NOTIFY_MODULE_START and
 * NOTIFY_MODULE_END per stage with its duration, status changes with the module that made them, the events modules
 * write (authentication, authorization...), and GENERAL_REQUEST_END. When the request ends and its rule fires, the
 * trace is queued for the writer thread ({@link TraceStore}); passing requests write nothing.
 */
public final class FailedRequestTracingModule implements PipelineModule, RequestTracer {
    public static final String NAME = "FailedRequestTracing";
    /** Request headers never written to a trace. */
    static final Set<String> SECRET_HEADERS = Set.of("cookie", "authorization", "proxy-authorization");

    private static final Set<String> KEYS = Set.of("enabled", "directory", "maxLogFiles", "maxLogFileSizeKB", "rules");

    private final String software;
    private boolean enabled;
    private TraceRule[] rules = new TraceRule[0];
    private TraceStore store;

    public FailedRequestTracingModule() {
        this.software = "Stageline " + StagelineVersion.get();
    }

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
        enabled = s.getBoolean("enabled", false);
        int maxFiles = s.getInt("maxLogFiles", 50);
        long maxKb = s.getLong("maxLogFileSizeKB", 1024);
        if (maxFiles < 1) {
            throw new IllegalArgumentException("setting 'maxLogFiles' is " + maxFiles + ", expected 1 or more");
        }
        if (maxKb < 1) {
            throw new IllegalArgumentException("setting 'maxLogFileSizeKB' is " + maxKb + ", expected 1 or more");
        }
        List<Object> raw = s.getList("rules");
        List<TraceRule> list = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            list.add(TraceRule.parse(raw.get(i), i));
        }
        rules = list.toArray(new TraceRule[0]);
        if (enabled && rules.length > 0) {
            store = new TraceStore(Path.of(s.getString("directory", "logs/FailedReqLogFiles")), maxFiles, maxKb);
            setup.onClose(store);
        }
    }

    @Override
    public void handle(RequestContext ctx) {
        // traces through RequestTracer; subscribes to no stage
    }

    @Override
    public TraceWriter begin(Exchange x) {
        if (store == null) {
            return TraceWriter.NONE;
        }
        String path = x.path();
        for (TraceRule r : rules) {
            if (r.appliesTo(path)) {
                return new TraceBuffer(x, r);
            }
        }
        return TraceWriter.NONE;
    }

    @Override
    public void end(Exchange x, TraceWriter writer) {
        if (!(writer instanceof TraceBuffer buffer)) {
            return;
        }
        long elapsed = System.nanoTime() - x.requestStartNanos();
        String reason = buffer.rule.failure(x.status(), x.subStatus(), elapsed);
        if (reason != null) {
            store.submit(report(x, buffer, reason, elapsed));
        }
    }

    private TraceReport report(Exchange x, TraceBuffer buffer, String reason, long elapsed) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", x.method());
        request.put("url", x.rawUri());
        request.put("path", x.originalPath());
        request.put("query", x.queryString());
        request.put("protocol", x.protocol());
        request.put("client", x.remoteAddress());
        request.put("user", x.user() == null ? null : x.user().getName());
        request.put("authenticationType", x.authenticationType());
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : x.requestHeaderNames()) {
            if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(", ", x.requestHeaders(name)));
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", x.status());
        response.put("subStatus", x.subStatus());
        response.put("timeTakenMs", elapsed / 1000 / 1000.0);
        response.put("bytesSent", x.bytesSent());
        response.put("handler", x.handlerMapping() == null ? null : x.handlerMapping().name());
        response.put("failedModule", x.failedModule());
        response.put("failedStage", x.failedStage() == null ? null : x.failedStage().name());
        response.put("failureDetail", x.failureDetail());
        long started = System.currentTimeMillis() - elapsed / 1_000_000;
        String rule = buffer.rule.path() + (buffer.rule.statusCodes() == null ? "" : " statusCodes="
                + buffer.rule.statusCodes()) + (buffer.rule.timeTaken() == null ? "" : " timeTaken="
                + buffer.rule.timeTaken().toMillis() + "ms");
        return new TraceReport(software, started, x.requestStartNanos(), rule, reason, request, headers, response,
                buffer.events, buffer.dropped);
    }

    /** The trace store (tests wait on it through close). */
    TraceStore store() {
        return store;
    }
}
