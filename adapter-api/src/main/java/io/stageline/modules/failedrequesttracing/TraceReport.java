package io.stageline.modules.failedrequesttracing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failed request's trace, captured on the request thread when it ends and rendered on the trace writer's thread:
 * as JSON ({@code frNNNNNN.json}) and as a self-contained HTML page ({@code frNNNNNN.html}).
 */
final class TraceReport {
    final String software;
    final long startedMillis;
    final long startNanos;
    final String rule;
    final String reason;
    final Map<String, Object> request;
    final Map<String, String> headers;
    final Map<String, Object> response;
    final List<TraceEvent> events;
    final int droppedEvents;

    TraceReport(String software, long startedMillis, long startNanos, String rule, String reason,
                Map<String, Object> request, Map<String, String> headers, Map<String, Object> response,
                List<TraceEvent> events, int droppedEvents) {
        this.software = software;
        this.startedMillis = startedMillis;
        this.startNanos = startNanos;
        this.rule = rule;
        this.reason = reason;
        this.request = request;
        this.headers = headers;
        this.response = response;
        this.events = events;
        this.droppedEvents = droppedEvents;
    }

    /** The data of an event as an ordered map (odd trailing names get a null value). */
    static Map<String, Object> data(TraceEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        Object[] d = e.data();
        for (int i = 0; i < d.length; i += 2) {
            m.put(String.valueOf(d[i]), i + 1 < d.length ? d[i + 1] : null);
        }
        return m;
    }

    /** Milliseconds from the start of the request to the event, to the microsecond. */
    double offsetMillis(TraceEvent e) {
        return Math.max(0L, (e.nanos() - startNanos) / 1000) / 1000.0;
    }

    static boolean isSelection(TraceEvent e) {
        return "Handler".equals(e.area()) && e.name().startsWith("HANDLER_")
                && !"HANDLER_CHANGED".equals(e.name());
    }

    /**
     * The JSON document; events are cut at {@code maxChars} (roughly {@code maxLogFileSizeKB}) and the cut is said in
     * {@code truncated} and {@code eventsOmitted}. Returns the text and how many events it holds.
     */
    String json(String id, long maxChars) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("{\n  \"id\": ");
        Json.string(sb, id);
        sb.append(",\n  \"software\": ");
        Json.string(sb, software);
        sb.append(",\n  \"started\": ");
        Json.string(sb, Instant.ofEpochMilli(startedMillis).toString());
        sb.append(",\n  \"failure\": ");
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("rule", rule);
        failure.put("reason", reason);
        Json.object(sb, failure);
        sb.append(",\n  \"request\": ");
        Map<String, Object> req = new LinkedHashMap<>(request);
        req.put("headers", headers);
        Json.object(sb, req);
        sb.append(",\n  \"response\": ");
        Json.object(sb, response);
        sb.append(",\n  \"handlerSelection\": [");
        boolean first = true;
        for (TraceEvent e : events) {
            if (isSelection(e)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("event", e.name());
                m.putAll(data(e));
                sb.append(first ? "\n    " : ",\n    ");
                Json.object(sb, m);
                first = false;
            }
        }
        sb.append("\n  ],\n  \"events\": [");
        int written = writeEvents(sb, maxChars);
        int omitted = events.size() - written + droppedEvents;
        sb.append("\n  ],\n  \"truncated\": ").append(omitted > 0);
        sb.append(",\n  \"eventsOmitted\": ").append(omitted).append("\n}\n");
        return sb.toString();
    }

    private int writeEvents(StringBuilder sb, long maxChars) {
        int written = 0;
        for (TraceEvent e : events) {
            if (sb.length() > maxChars) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timeMs", offsetMillis(e));
            m.put("stage", e.stage());
            m.put("module", e.module());
            m.put("area", e.area());
            m.put("name", e.name());
            m.put("data", data(e));
            sb.append(written == 0 ? "\n    " : ",\n    ");
            Json.object(sb, m);
            written++;
        }
        return written;
    }

    /** The events that fit the JSON file, for the HTML page (same cut). */
    List<TraceEvent> eventsWithin(long maxChars) {
        StringBuilder probe = new StringBuilder();
        int n = writeEvents(probe, maxChars);
        return new ArrayList<>(events.subList(0, n));
    }
}
