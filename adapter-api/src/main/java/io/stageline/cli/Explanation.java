package io.stageline.cli;

import java.util.List;

/**
 * What {@code stageline explain} found out about one request, computed without running it; rendered as text by
 * {@link TextRenderer} and as JSON by {@link JsonRenderer}. Every collection is in the order the engine uses it.
 *
 * @param request     the request method, canonical application-relative path and whether it is local
 * @param mode        the pipeline mode and where it is set
 * @param location    the location the request falls in, and the {@code locations:} entries that make it up
 * @param user        the user given with {@code --user}/{@code --roles}, recorded for the authorization modules
 * @param container   which servlet the container maps the path to
 * @param accessPolicy the effective {@code handlers.accessPolicy} and where it is set
 * @param handlers    each handler mapping tried, in order, up to the chosen one
 * @param notTried    how many mappings come after the chosen one
 * @param handler     the chosen mapping, or null
 * @param outcome     what the request ends with, as far as configuration decides it
 * @param modules     every module of the effective list (and the legacy ones), with its precondition verdicts
 * @param stages      the modules each stage calls for this request
 * @param nested      classic mode's nested managed pipeline when this request enters it, else null
 * @param removed     modules and mappings that a layer added and a later one removed or cleared
 */
record Explanation(Request request, Setting mode, Location location, User user, Container container,
                   Setting accessPolicy, List<HandlerStep> handlers, int notTried, Handler handler, Outcome outcome,
                   List<ModuleLine> modules, List<StageLine> stages, Nested nested, List<Provenance.Removed> removed) {

    /** A scalar setting's value and the operation that set it (null: not set anywhere, the built-in value). */
    record Setting(String value, Provenance.Op origin) {
    }

    /**
     * The location the engine picks for the path ({@link io.stageline.engine.CompiledPipeline#locationFor}): the most
     * specific configured location covering it, else the application root.
     *
     * @param path    {@code /} for the root, else the location's path as configured, e.g. {@code /admin}
     * @param entries every {@code locations:} entry applied to it, least specific first (server before app for the
     *                same path); empty for the root
     */
    record Location(String path, List<Provenance.LocationEntry> entries) {
        /** {@code /admin [app web/WEB-INF/stageline.yaml:12:5]}, or {@code /}. */
        String text() {
            if (entries.isEmpty()) {
                return path;
            }
            StringBuilder sb = new StringBuilder(path).append(" [");
            for (int i = 0; i < entries.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(entries.get(i).text(path));
            }
            return sb.append(']').toString();
        }
    }

    /** {@code name} null: anonymous. */
    record User(String name, List<String> roles) {
    }

    /**
     * @param servlet    the servlet the container maps the path to, or null for its default servlet
     * @param urlPattern the url-pattern that decided it, or null
     * @param nonDefault whether that is a servlet other than the default one ({@code servlet: "*"} mappings need it)
     * @param detail     one sentence that says so, and why
     */
    record Container(String servlet, String urlPattern, boolean nonDefault, String detail) {
    }

    /**
     * One handler mapping tried.
     *
     * @param number  its 1-based place in the effective list
     * @param verdict {@code chosen} or {@code skipped}
     * @param reason  null when chosen, else precondition, path, verb, not-container-servlet or access
     */
    record HandlerStep(int number, String name, String verdict, String reason, String detail,
                       Provenance.Origin origin) {
    }

    /** The chosen mapping: what it runs, and whether it makes this a managed-handler request. */
    record Handler(String name, String runs, boolean managedHandler) {
    }

    /**
     * @param status  {@code 404.4}, {@code 500.22}, ... or null when the handler runs
     * @param stage   where the request fails, or EXECUTE_REQUEST_HANDLER
     * @param message what happens
     * @param note    what else configuration says about it (the resourceType check), or null
     */
    record Outcome(String status, String stage, String message, String note) {
    }

    /** One precondition token and whether it holds for this request. */
    record Check(String token, boolean holds, String why) {
    }

    /**
     * @param kind   native, managed or legacy
     * @param type   the class for managed and legacy modules, else null
     * @param runs   whether the module takes part in this request
     * @param detail why (not)
     * @param stages the stages it is called in for this request
     */
    record ModuleLine(String name, String kind, String type, boolean runs, List<Check> preConditions, String detail,
                      List<String> stages, Provenance.Origin origin) {
    }

    /**
     * @param handler the handler that runs in EXECUTE_REQUEST_HANDLER, else null
     * @param note    null when the stage runs, else why it does not
     */
    record StageLine(String stage, List<String> modules, String handler, String note) {
    }

    /** Classic mode: the managed pipeline inside ServletDelegation, with its own (legacy) handler selection. */
    record Nested(String reason, List<StageLine> stages, List<HandlerStep> handlers, int notTried, String handler) {
    }
}
