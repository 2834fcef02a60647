package io.stageline.cli;

import io.stageline.cli.Explanation.Check;
import io.stageline.cli.Explanation.HandlerStep;
import io.stageline.cli.Explanation.ModuleLine;
import io.stageline.cli.Explanation.Nested;
import io.stageline.cli.Explanation.Outcome;
import io.stageline.cli.Explanation.Setting;
import io.stageline.cli.Explanation.StageLine;
import java.util.List;

/**
 * {@code explain --format json}: the same facts as {@link TextRenderer}, as one JSON object. An origin is
 * <pre>{@code
 * {"op": "add", "layer": "app", "file": "web/WEB-INF/stageline.yaml", "line": 9, "column": 7,
 *  "earlier": [{"op": "remove", "layer": "app", "file": "...", "line": 8, "column": 7}]}
 * }</pre>
 * ({@code layer} is defaults, server, app or "command line"; {@code file} null and {@code line} 0 when there is no
 * place). {@code location} is the location's path ({@code /} for the root) and {@code locationEntries} the
 * {@code locations:} entries applied to it, least specific first:
 * <pre>{@code
 * {"layer": "server", "file": "server.yaml", "line": 3, "column": 5, "path": "/admin", "application": "/shop"}
 * }</pre>
 * ({@code application} is a server entry's context-path filter, {@code ""} for the root context, or null). Absent
 * values are {@code null}, never left out.
 */
final class JsonRenderer {
    private JsonRenderer() {
    }

    static String render(Explanation x) {
        Json j = new Json().beginObject();
        j.name("request").beginObject().name("method").value(x.request().method()).name("path")
                .value(x.request().path()).name("local").value(x.request().local()).name("contextPath")
                .value(x.request().contextPath()).endObject();
        setting(j.name("mode"), x.mode());
        j.name("location").value(x.location().path());
        j.name("locationEntries").beginArray();
        for (Provenance.LocationEntry e : x.location().entries()) {
            j.beginObject().name("layer").value(e.layer()).name("file").value(e.pos().file()).name("line")
                    .value(e.pos().line()).name("column").value(e.pos().column()).name("path").value(e.path())
                    .name("application").value(e.application()).endObject();
        }
        j.endArray();
        j.name("user").beginObject().name("name").value(x.user().name()).name("roles").strings(x.user().roles())
                .endObject();
        j.name("container").beginObject().name("servlet").value(x.container().servlet()).name("urlPattern")
                .value(x.container().urlPattern()).name("nonDefaultServlet").value(x.container().nonDefault())
                .name("detail").value(x.container().detail()).endObject();
        setting(j.name("accessPolicy"), x.accessPolicy());
        steps(j.name("handlers"), x.handlers());
        j.name("notTried").value(x.notTried());
        j.name("handler");
        if (x.handler() == null) {
            j.nullValue();
        } else {
            j.beginObject().name("name").value(x.handler().name()).name("runs").value(x.handler().runs())
                    .name("managedHandler").value(x.handler().managedHandler()).endObject();
        }
        outcome(j.name("result"), x.outcome());
        j.name("modules").beginArray();
        for (ModuleLine m : x.modules()) {
            module(j, m);
        }
        j.endArray();
        stages(j.name("stages"), x.stages());
        nested(j.name("nested"), x.nested());
        j.name("removed").beginArray();
        for (Provenance.Removed r : x.removed()) {
            j.beginObject().name("collection").value(r.collection()).name("name").value(r.name());
            origin(j.name("origin"), r.origin());
            j.endObject();
        }
        j.endArray();
        return j.endObject().toString();
    }

    private static void setting(Json j, Setting s) {
        j.beginObject().name("value").value(s.value());
        op(j.name("origin"), s.origin());
        j.endObject();
    }

    private static void op(Json j, Provenance.Op op) {
        if (op == null) {
            j.nullValue();
            return;
        }
        j.beginObject();
        opFields(j, op);
        j.endObject();
    }

    private static void opFields(Json j, Provenance.Op op) {
        j.name("op").value(op.op()).name("layer").value(op.layer()).name("file").value(op.pos().file())
                .name("line").value(op.pos().line()).name("column").value(op.pos().column());
    }

    private static void origin(Json j, Provenance.Origin o) {
        if (o == null) {
            j.nullValue();
            return;
        }
        j.beginObject();
        opFields(j, o.last());
        j.name("earlier").beginArray();
        for (Provenance.Op op : o.earlier()) {
            op(j, op);
        }
        j.endArray().endObject();
    }

    private static void steps(Json j, List<HandlerStep> steps) {
        j.beginArray();
        for (HandlerStep s : steps) {
            j.beginObject().name("number").value(s.number()).name("name").value(s.name()).name("verdict")
                    .value(s.verdict()).name("reason").value(s.reason()).name("detail").value(s.detail());
            origin(j.name("origin"), s.origin());
            j.endObject();
        }
        j.endArray();
    }

    private static void outcome(Json j, Outcome o) {
        j.beginObject().name("status").value(o.status()).name("stage").value(o.stage()).name("message")
                .value(o.message()).name("note").value(o.note()).endObject();
    }

    private static void module(Json j, ModuleLine m) {
        j.beginObject().name("name").value(m.name()).name("kind").value(m.kind()).name("type").value(m.type())
                .name("runs").value(m.runs());
        j.name("preConditions").beginArray();
        for (Check c : m.preConditions()) {
            j.beginObject().name("token").value(c.token()).name("holds").value(c.holds()).name("why").value(c.why())
                    .endObject();
        }
        j.endArray();
        j.name("detail").value(m.detail()).name("stages").strings(m.stages());
        origin(j.name("origin"), m.origin());
        j.endObject();
    }

    private static void stages(Json j, List<StageLine> stages) {
        j.beginArray();
        for (StageLine s : stages) {
            j.beginObject().name("stage").value(s.stage()).name("modules").strings(s.modules()).name("handler")
                    .value(s.handler()).name("note").value(s.note()).endObject();
        }
        j.endArray();
    }

    private static void nested(Json j, Nested n) {
        if (n == null) {
            j.nullValue();
            return;
        }
        j.beginObject().name("reason").value(n.reason());
        steps(j.name("handlers"), n.handlers());
        j.name("notTried").value(n.notTried()).name("handler").value(n.handler());
        stages(j.name("stages"), n.stages());
        j.endObject();
    }
}
