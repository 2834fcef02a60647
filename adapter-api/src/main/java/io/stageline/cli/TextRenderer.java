package io.stageline.cli;

import io.stageline.cli.Explanation.Check;
import io.stageline.cli.Explanation.HandlerStep;
import io.stageline.cli.Explanation.ModuleLine;
import io.stageline.cli.Explanation.Nested;
import io.stageline.cli.Explanation.Outcome;
import io.stageline.cli.Explanation.Setting;
import io.stageline.cli.Explanation.StageLine;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code explain}'s text format: one fact per line, sections in the order the engine decides them. Every
 * configuration entry ends with its origin in brackets ({@link Provenance.Origin#text()}: layer, file:line:col and
 * operation, then the earlier operations on the same name):
 * <pre>{@code
 * request: GET /report.do (remote client)     (", context path /shop" unless it is the root context)
 * mode: integrated [defaults builtin:defaults.yaml:5:15 set]
 * location: /admin/reports [server server.yaml:3:5 /admin, app web/WEB-INF/stageline.yaml:21:5]
 * user: (anonymous)
 * container: the container maps /report.do to servlet 'reports' (url-pattern '*.do' in web/WEB-INF/web.xml)
 * accessPolicy: Read, Script [defaults builtin:defaults.yaml:20:17 set]
 * handler mappings, in order:
 *   1. TRACEVerbHandler: skipped (verb): GET is not in verb 'TRACE' [defaults builtin:defaults.yaml:22:7 add]
 *   ...
 *   3. ServletIntegrated: chosen: path '*' and verb '*' match; requireAccess Script is granted [defaults ...]
 *   (2 later mappings not tried)
 * handler: ServletIntegrated runs servlet 'reports' (the container's mapping) through ManagedPipelineHandler (a
 *   managed handler)
 * result: handled by ServletIntegrated in EXECUTE_REQUEST_HANDLER
 * modules:
 *   Timing (managed com.example.Timing): runs in BEGIN_REQUEST; preCondition managedHandler holds (...) [app ...]
 * stages:
 *   BEGIN_REQUEST: Timing
 *   ...                                       (all 23 stages; "-" when no module runs)
 * nested managed pipeline (classic mode): ...  (only when the request enters it: its legacy handler mappings,
 *                                              handler and stages, indented)
 * removed:                                    (only when a layer removed or cleared a module or mapping)
 *   handler StaticFile [app app.yaml:3:7 remove; earlier: defaults builtin:defaults.yaml:43:7 add]
 * }</pre>
 * The location is {@code /} for the application root, else the most specific {@code locations:} path covering the
 * request, followed by every entry applied to it, least specific first, each with its path when that is a shorter
 * one; the handler mappings are that location's. A skip reason is one of precondition, path, verb,
 * not-container-servlet and access. The result is {@code handled by NAME in EXECUTE_REQUEST_HANDLER} or
 * {@code STATUS.SUB in STAGE: why} (404.4, 403.x, 404.0, 500.21, 500.22-24); stages that a failure skips say
 * {@code (not run: ...)}.
 */
final class TextRenderer {
    private TextRenderer() {
    }

    static void render(Explanation x, PrintStream out) {
        out.println("request: " + x.request().method() + " " + x.request().path() + " ("
                + (x.request().local() ? "local" : "remote") + " client" + ("/".equals(x.request().contextPath())
                ? "" : ", context path " + x.request().contextPath()) + ")");
        out.println("mode: " + setting(x.mode()));
        out.println("location: " + x.location().text());
        out.println("user: " + (x.user().name() == null ? "(anonymous)" : x.user().name() + " (roles: "
                + (x.user().roles().isEmpty() ? "none" : String.join(", ", x.user().roles())) + ")"));
        out.println("container: " + x.container().detail());
        out.println("accessPolicy: " + setting(x.accessPolicy()));
        out.println("handler mappings, in order:");
        steps(x.handlers(), x.notTried(), "  ", out);
        if (x.handler() != null) {
            out.println("handler: " + x.handler().name() + " runs " + x.handler().runs() + " ("
                    + (x.handler().managedHandler() ? "a managed handler" : "not a managed handler") + ")");
        } else {
            out.println("handler: none");
        }
        out.println("result: " + outcome(x.outcome()));
        out.println("modules:");
        for (ModuleLine m : x.modules()) {
            out.println("  " + module(m));
        }
        out.println("stages:");
        stages(x.stages(), "  ", out);
        if (x.nested() != null) {
            nested(x.nested(), out);
        }
        if (!x.removed().isEmpty()) {
            out.println("removed:");
            for (Provenance.Removed r : x.removed()) {
                out.println("  " + r.collection() + " " + r.name() + origin(r.origin()));
            }
        }
    }

    private static String origin(Provenance.Origin o) {
        return o == null ? "" : " " + o.text();
    }

    private static String setting(Setting s) {
        return s.value() + (s.origin() == null ? "" : " [" + s.origin().text() + "]");
    }

    private static void steps(List<HandlerStep> steps, int notTried, String indent, PrintStream out) {
        if (steps.isEmpty()) {
            out.println(indent + "(none)");
        }
        for (HandlerStep s : steps) {
            String verdict = s.reason() == null ? s.verdict() : s.verdict() + " (" + s.reason() + ")";
            out.println(indent + s.number() + ". " + s.name() + ": " + verdict + ": " + s.detail() + origin(s.origin()));
        }
        if (notTried > 0) {
            out.println(indent + "(" + ProblemFormat.plural(notTried, "later mapping") + " not tried)");
        }
    }

    static String outcome(Outcome o) {
        String note = o.note() == null ? "" : "; " + o.note();
        if (o.status() == null) {
            return o.message() + " in " + o.stage() + note;
        }
        return o.status() + " in " + o.stage() + ": " + o.message() + note;
    }

    private static String module(ModuleLine m) {
        StringBuilder sb = new StringBuilder(m.name()).append(" (").append(m.kind());
        if (m.type() != null) {
            sb.append(' ').append(m.type());
        }
        sb.append("): ").append(m.detail());
        for (Check c : m.preConditions()) {
            sb.append("; preCondition ").append(c.token()).append(c.holds() ? " holds" : " does not hold")
                    .append(" (").append(c.why()).append(')');
        }
        return sb.append(origin(m.origin())).toString();
    }

    private static void stages(List<StageLine> stages, String indent, PrintStream out) {
        for (StageLine s : stages) {
            String what;
            if (s.handler() != null) {
                what = "handler " + s.handler();
            } else {
                what = s.modules().isEmpty() ? "-" : String.join(", ", s.modules());
            }
            out.println(indent + s.stage() + ": " + what + (s.note() == null ? "" : " (" + s.note() + ")"));
        }
    }

    private static void nested(Nested n, PrintStream out) {
        out.println("nested managed pipeline (classic mode): " + n.reason());
        out.println("  legacy handler mappings, in order:");
        steps(n.handlers(), n.notTried(), "    ", out);
        out.println("  handler: " + n.handler());
        out.println("  stages:");
        stages(n.stages(), "    ", out);
    }
}
