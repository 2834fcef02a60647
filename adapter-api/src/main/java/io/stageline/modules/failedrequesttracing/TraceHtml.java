package io.stageline.modules.failedrequesttracing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The HTML page next to each JSON trace: one self-contained file (inline style, no script, no external resource), every
 * value HTML-escaped, readable in any browser.
 */
final class TraceHtml {
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;"
            + "text-align:left;vertical-align:top}th{background:#eee}"
            + "tr.Module td{color:#555}tr.Status td,tr.error td{background:#fde}tr.sel td{background:#dfd}"
            + "code{font:12px ui-monospace,monospace}";

    private TraceHtml() {
    }

    static String render(TraceReport r, String id, List<TraceEvent> events) {
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
        esc(sb, id + " " + r.response.get("status") + "." + r.response.get("subStatus") + " " + r.request.get("url"));
        sb.append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>Failed request trace ");
        esc(sb, id);
        sb.append("</h1>\n<table>");
        row(sb, "URL", r.request.get("url"));
        row(sb, "Method", r.request.get("method"));
        row(sb, "Status", r.response.get("status") + "." + r.response.get("subStatus"));
        row(sb, "Time taken (ms)", r.response.get("timeTakenMs"));
        row(sb, "Failed module", r.response.get("failedModule"));
        row(sb, "Failed stage", r.response.get("failedStage"));
        row(sb, "User", r.request.get("user"));
        row(sb, "Client", r.request.get("client"));
        row(sb, "Started (UTC)", Instant.ofEpochMilli(r.startedMillis));
        row(sb, "Rule", r.rule);
        row(sb, "Why traced", r.reason);
        row(sb, "Software", r.software);
        sb.append("</table>\n<h2>Request headers</h2>\n<table>");
        for (Map.Entry<String, String> h : r.headers.entrySet()) {
            row(sb, h.getKey(), h.getValue());
        }
        sb.append("</table>\n<h2>Handler selection</h2>\n<table><tr><th>event</th><th>details</th></tr>");
        for (TraceEvent e : r.events) {
            if (TraceReport.isSelection(e)) {
                sb.append("<tr class=\"").append("HANDLER_MAPPING_CHECKED".equals(e.name()) ? "" : "sel")
                        .append("\"><td>");
                esc(sb, e.name());
                sb.append("</td><td>");
                details(sb, TraceReport.data(e));
                sb.append("</td></tr>");
            }
        }
        sb.append("</table>\n<h2>Events</h2>\n<table><tr><th>ms</th><th>stage</th><th>module</th><th>area</th>"
                + "<th>event</th><th>details</th></tr>\n");
        for (TraceEvent e : events) {
            event(sb, r, e);
        }
        sb.append("</table>\n");
        if (events.size() < r.events.size() || r.droppedEvents > 0) {
            sb.append("<p>");
            esc(sb, (r.events.size() - events.size() + r.droppedEvents) + " later events were omitted "
                    + "(maxLogFileSizeKB or the per-request event limit).");
            sb.append("</p>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void event(StringBuilder sb, TraceReport r, TraceEvent e) {
        Map<String, Object> data = TraceReport.data(e);
        boolean error = e.name().contains("ERROR") || e.name().endsWith("FAILED") || e.name().endsWith("DENIED");
        sb.append("<tr class=\"");
        esc(sb, error ? "error" : e.area());
        sb.append("\"><td>").append(r.offsetMillis(e)).append("</td><td>");
        esc(sb, data.containsKey("stage") ? String.valueOf(data.get("stage")) : e.stage());
        sb.append("</td><td>");
        esc(sb, data.containsKey("module") ? String.valueOf(data.get("module")) : e.module());
        sb.append("</td><td>");
        esc(sb, e.area());
        sb.append("</td><td>");
        esc(sb, e.name());
        sb.append("</td><td>");
        details(sb, data);
        sb.append("</td></tr>\n");
    }

    private static void details(StringBuilder sb, Map<String, Object> data) {
        boolean first = true;
        for (Map.Entry<String, Object> d : data.entrySet()) {
            if ("stage".equals(d.getKey()) || "module".equals(d.getKey())) {
                continue;
            }
            sb.append(first ? "" : "<br>").append("<code>");
            esc(sb, d.getKey());
            sb.append("</code>: ");
            esc(sb, String.valueOf(d.getValue()));
            first = false;
        }
    }

    private static void row(StringBuilder sb, String name, Object value) {
        sb.append("<tr><th>");
        esc(sb, name);
        sb.append("</th><td>");
        esc(sb, value == null ? "-" : String.valueOf(value));
        sb.append("</td></tr>");
    }

    static void esc(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
    }
}
