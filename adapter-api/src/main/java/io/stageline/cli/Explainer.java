package io.stageline.cli;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.api.ResourceType;
import io.stageline.cli.Explanation.Check;
import io.stageline.cli.Explanation.Container;
import io.stageline.cli.Explanation.Handler;
import io.stageline.cli.Explanation.Location;
import io.stageline.cli.Explanation.ModuleLine;
import io.stageline.cli.Explanation.Nested;
import io.stageline.cli.Explanation.Outcome;
import io.stageline.cli.Explanation.Setting;
import io.stageline.cli.Explanation.StageLine;
import io.stageline.config.ConfigFile;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.EffectiveConfiguration;
import io.stageline.config.LocationConfiguration;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.HandlerSet;
import io.stageline.engine.ModuleSlot;
import io.stageline.engine.Preconditions;
import io.stageline.match.HandlerTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds an {@link Explanation} from a loaded configuration and its compiled pipeline, asking the engine the same
 * questions a request would (the location, its handler selection and bad modules, per-stage module arrays) without
 * running one. The location is the engine's ({@link CompiledPipeline#locationFor}); its handler table, its effective
 * handler list (for the mappings the compiler dropped) and the provenance replayed through its {@code locations:}
 * entries ({@link Provenance#at}) describe the mappings. Module classes are created and initialised by the compile
 * step, but no module or handler is called.
 */
final class Explainer {
    private static final String MAP = PipelineStage.MAP_REQUEST_HANDLER.name();
    private static final String MANAGED_PIPELINE_HANDLER = HandlerMapping.MANAGED_PIPELINE_HANDLER;

    private final EffectiveConfiguration c;
    private final CompiledPipeline p;
    private final PipelineMode mode;
    private final Provenance.Op modeOrigin;
    private final Provenance prov;
    private final ServletMappings servlets;
    private final Path webapp;

    /**
     * @param modeOrigin where the mode comes from (null: from the application pool the server assigns the application
     *                   to, else from the configuration's {@code pipelineMode})
     * @param webapp     the web application's folder (resourceType checks), or null for a bare YAML file
     */
    Explainer(EffectiveConfiguration config, CompiledPipeline pipeline, Provenance provenance, Provenance.Op modeOrigin,
              ServletMappings servlets, Path webapp) {
        this.c = config;
        this.p = pipeline;
        this.mode = pipeline.mode();
        this.prov = provenance;
        Provenance.Op pool = config.applicationPool() == null ? null : provenance.pool();
        this.modeOrigin = modeOrigin != null ? modeOrigin : pool != null ? pool
                : provenance.setting(ConfigFile::pipelineMode);
        this.servlets = servlets;
        this.webapp = webapp;
    }

    Explanation explain(Request r, Explanation.User user) {
        int loc = p.locationFor(r.path());
        HandlerSet set = p.handlers(loc);
        LocationConfiguration lc = loc == 0 ? null : c.location(set.path());
        String locationPath = loc == 0 ? "" : lc != null ? lc.path() : set.path();
        List<HandlerEntry> entries = lc != null ? lc.handlers() : c.handlers();
        Provenance at = prov.at(locationPath);
        ServletMappings.Match match = servlets.match(r.path());
        boolean nonDefault = servlets.nonDefault(match);
        HandlerWalk.Result walk = HandlerWalk.walk(set.table(), entries, at::handler, r, nonDefault, mode);
        int sel = walk.selection();
        HandlerMapping chosen = sel >= 0 ? set.table().mapping(sel) : null;
        boolean managed = mode == PipelineMode.INTEGRATED && chosen != null && chosen.isManagedHandler();
        Handler handler = chosen == null ? null : new Handler(chosen.name(), runs(chosen, match), managed);
        Outcome outcome = outcome(r, set, sel, chosen);
        boolean nestedRuns = mode == PipelineMode.CLASSIC && outcome.status() == null
                && chosen.modules().contains(Stageline.SERVLET_DELEGATION);
        Nested nested = nestedRuns ? nested(r, nonDefault, chosen, match) : null;
        List<ModuleLine> modules = new ArrayList<>();
        for (ModuleEntry m : c.modules()) {
            modules.add(module(m, chosen, managed));
        }
        for (ModuleEntry m : c.legacyModules()) {
            modules.add(legacyModule(m, nestedRuns));
        }
        Location location = new Location(loc == 0 ? "/" : locationPath, at.locationEntries());
        return new Explanation(r, new Setting(lower(mode), modeOrigin), location, user,
                container(r, match, nonDefault), new Setting(c.accessPolicy(), prov.setting(ConfigFile::accessPolicy)),
                walk.steps(), walk.notTried(), handler, outcome, List.copyOf(modules), stages(managed, chosen, outcome),
                nested, at.removed());
    }

    private Container container(Request r, ServletMappings.Match m, boolean nonDefault) {
        if (webapp == null) {
            return new Container(null, null, false, "no web application given: the container's default servlet is "
                    + "assumed for " + r.path());
        }
        if (m == null) {
            return new Container(null, null, false, "the container maps " + r.path() + " to its default servlet ("
                    + (servlets.source() == null ? "no WEB-INF/web.xml" : "no url-pattern of " + servlets.source()
                    + " matches") + ")");
        }
        String from = ServletMappings.isContainerDefault(m) ? "url-pattern '" + m.pattern() + "', a container default "
                + "mapping" : "url-pattern '" + m.pattern() + "' in " + m.source();
        String detail = "the container maps " + r.path() + " to servlet '" + m.servlet() + "' (" + from + ")"
                + (nonDefault ? "" : ", which web.xml also maps to '/': the default servlet");
        return new Container(m.servlet(), m.pattern(), nonDefault, detail);
    }

    private String runs(HandlerMapping m, ServletMappings.Match match) {
        switch (m.kind()) {
            case TYPE:
                return "type " + m.typeName() + " through " + MANAGED_PIPELINE_HANDLER;
            case SERVLET:
                String servlet = servlet(m.servletName(), match);
                if (m.isManagedHandler()) {
                    return "servlet " + servlet + " through " + MANAGED_PIPELINE_HANDLER;
                }
                return "modules " + String.join(", ", m.modules()) + (mode == PipelineMode.CLASSIC
                        ? ": the nested managed pipeline, then a legacy handler or servlet " : ", which hand the "
                        + "request to servlet ") + servlet;
            default:
                return "modules " + String.join(", ", m.modules());
        }
    }

    private static String servlet(String name, ServletMappings.Match match) {
        if (!HandlerMapping.ANY_SERVLET.equals(name)) {
            return "'" + name + "' (by name)";
        }
        return match == null ? "\"*\" (the container's mapping)" : "'" + match.servlet() + "' (the container's mapping)";
    }

    private Outcome outcome(Request r, HandlerSet set, int sel, HandlerMapping chosen) {
        int legacy = p.legacyConfigurationSubStatus();
        if (legacy != 0) {
            return new Outcome("500." + legacy, PipelineStage.BEGIN_REQUEST.name(), legacyText(legacy), null);
        }
        if (sel < 0) {
            String status = HandlerTable.httpStatus(sel) + "." + HandlerTable.subStatus(sel);
            return new Outcome(status, MAP, sel == HandlerTable.NO_HANDLER ? "no handler mapping matches " + r.method()
                    + " " + r.path() : "every mapping that matches needs access that accessPolicy '" + c.accessPolicy()
                    + "' does not grant", null);
        }
        String bad = set.badModule(sel);
        if (bad != null) {
            return new Outcome("500.21", MAP, "Handler '" + chosen.name() + "' has a bad module '" + bad + "' in its "
                    + "module list" + (MANAGED_PIPELINE_HANDLER.equals(bad) ? " (classic mode has no "
                    + MANAGED_PIPELINE_HANDLER + "; add preCondition: integratedMode to the mapping)" : ""), null);
        }
        String handled = "handled by " + chosen.name();
        String execute = PipelineStage.EXECUTE_REQUEST_HANDLER.name();
        if (chosen.resourceType() == ResourceType.UNSPECIFIED) {
            return new Outcome(null, execute, handled, null);
        }
        String resource = r.path().substring(0, Math.max(1, set.table().pathInfoStart(sel, r.path())));
        String rt = "resourceType " + HandlerWalk.title(chosen.resourceType());
        if (webapp == null) {
            return new Outcome(null, execute, handled, rt + " is checked against the web application's files when the "
                    + "request runs");
        }
        String found = kind(webapp.resolve(resource.substring(1)));
        boolean ok = switch (chosen.resourceType()) {
            case FILE -> "a file".equals(found);
            case DIRECTORY -> "a directory".equals(found);
            default -> !"missing".equals(found);
        };
        if (!ok) {
            return new Outcome("404.0", MAP, rt + ", but " + resource + " is " + ("missing".equals(found)
                    ? "not in the web application" : found), null);
        }
        return new Outcome(null, execute, handled, rt + ": " + resource + " is " + found);
    }

    private static String kind(Path f) {
        return Files.isRegularFile(f) ? "a file" : Files.isDirectory(f) ? "a directory" : "missing";
    }

    private static String legacyText(int sub) {
        String what = switch (sub) {
            case 22 -> "legacy.httpModules is configured, and integrated mode does not run it";
            case 23 -> "legacy.httpHandlers is configured, and integrated mode does not use it";
            default -> "legacy.identity.impersonate is true, which integrated mode does not support";
        };
        return "every request fails: " + what + " (validation.validateIntegratedModeConfiguration is true); run "
                + "'stageline migrate' or use classic mode";
    }

    private ModuleLine module(ModuleEntry m, HandlerMapping chosen, boolean managed) {
        List<Check> checks = new ArrayList<>();
        boolean deploymentHolds = true;
        for (String t : m.preConditions()) {
            if (Preconditions.MANAGED_HANDLER.equals(Preconditions.canonical(t, true))) {
                checks.add(managedHandlerCheck(m, chosen, managed));
            } else {
                Check k = HandlerWalk.check(t, mode);
                checks.add(k);
                deploymentHolds &= k.holds();
            }
        }
        String kind = m.managed() ? "managed" : "native";
        ModuleSlot slot = p.module(m.name());
        String detail;
        boolean runs = false;
        List<String> stages = List.of();
        if (slot == null || slot.managed() != m.managed()) {
            detail = !deploymentHolds ? "not in the pipeline: its preCondition does not hold"
                    : mode == PipelineMode.CLASSIC && m.managed() ? "not in the pipeline: classic mode ignores managed "
                    + "modules in modules: (configure them in legacy.httpModules)" : "not in the pipeline";
        } else if (slot.managedHandlerOnly() && !managed) {
            detail = "skipped for this request";
        } else {
            runs = true;
            stages = stagesOf(m.name(), managed, false);
            detail = stages.isEmpty() ? "runs; subscribes to no stage" : "runs in " + String.join(", ", stages);
            if (chosen != null && chosen.modules().contains(m.name())) {
                detail += "; executes the request for '" + chosen.name() + "'";
            }
        }
        return new ModuleLine(m.name(), kind, m.type(), runs,
                List.copyOf(checks), detail, stages, prov.module(m.name()));
    }

    private Check managedHandlerCheck(ModuleEntry m, HandlerMapping chosen, boolean managed) {
        String token = Preconditions.MANAGED_HANDLER;
        if (!m.managed()) {
            return new Check(token, true, "ignored: it applies to managed modules only");
        }
        if (mode == PipelineMode.CLASSIC) {
            return new Check(token, false, "classic mode has no managed handlers in the outer pipeline");
        }
        if (c.runAllManagedModulesForAllRequests()) {
            return new Check(token, true, "ignored: modules.runAllManagedModulesForAllRequests is true");
        }
        if (chosen == null) {
            return new Check(token, false, "no handler mapping was chosen");
        }
        return new Check(token, managed, "'" + chosen.name() + "' is " + (managed ? "" : "not ") + "a managed handler");
    }

    private ModuleLine legacyModule(ModuleEntry m, boolean nestedRuns) {
        String detail;
        List<String> stages = List.of();
        if (mode == PipelineMode.INTEGRATED) {
            detail = "not in the pipeline: legacy.httpModules runs in classic mode only";
        } else if (nestedRuns) {
            stages = stagesOf(m.name(), false, true);
            detail = stages.isEmpty() ? "runs in the nested managed pipeline; subscribes to no stage"
                    : "runs in the nested managed pipeline in " + String.join(", ", stages);
        } else {
            detail = "skipped for this request: the nested managed pipeline runs only for ServletDelegation handlers";
        }
        return new ModuleLine(m.name(), "legacy", m.type(), nestedRuns, List.of(), detail, stages,
                prov.legacyModule(m.name()));
    }

    private List<String> stagesOf(String name, boolean managed, boolean nested) {
        List<String> out = new ArrayList<>();
        for (PipelineStage s : PipelineStage.values()) {
            if ((nested ? p.nestedModulesFor(s) : p.modulesFor(s, managed)).contains(name)) {
                out.add(s.name());
            }
        }
        return List.copyOf(out);
    }

    private List<StageLine> stages(boolean managed, HandlerMapping chosen, Outcome outcome) {
        PipelineStage fail = outcome.status() == null ? null : PipelineStage.valueOf(outcome.stage());
        List<StageLine> out = new ArrayList<>();
        for (PipelineStage s : PipelineStage.values()) {
            boolean execute = s == PipelineStage.EXECUTE_REQUEST_HANDLER;
            List<String> names = execute ? List.of() : p.modulesFor(s, managed);
            String handler = execute && chosen != null ? chosen.name() : null;
            boolean skipped = fail != null && s.ordinal() >= fail.ordinal()
                    && s.ordinal() < PipelineStage.LOG_REQUEST.ordinal();
            String note = skipped && (!names.isEmpty() || handler != null)
                    ? "not run: the request fails with " + outcome.status() + " in " + fail : null;
            out.add(new StageLine(s.name(), List.copyOf(names), handler, note));
        }
        return List.copyOf(out);
    }

    private Nested nested(Request r, boolean nonDefault, HandlerMapping chosen, ServletMappings.Match match) {
        HandlerWalk.Result walk = HandlerWalk.walk(p.legacyHandlers(), c.legacyHandlers(), prov::legacyHandler, r,
                nonDefault, mode);
        String handler;
        if (walk.selection() >= 0) {
            HandlerMapping h = p.legacyHandlers().mapping(walk.selection());
            handler = h.name() + " (legacy handler, type " + h.typeName() + ")";
        } else {
            String name = chosen.servletName() == null ? HandlerMapping.ANY_SERVLET : chosen.servletName();
            handler = "servlet " + servlet(name, match);
        }
        List<StageLine> stages = new ArrayList<>();
        for (PipelineStage s : PipelineStage.values()) {
            boolean execute = s == PipelineStage.EXECUTE_REQUEST_HANDLER;
            stages.add(new StageLine(s.name(), execute ? List.of() : p.nestedModulesFor(s), execute ? handler : null,
                    null));
        }
        return new Nested("'" + chosen.name() + "' runs " + Stageline.SERVLET_DELEGATION + ", which runs the managed "
                + "modules of legacy.httpModules in a nested pipeline inside EXECUTE_REQUEST_HANDLER", List.copyOf(stages),
                walk.steps(), walk.notTried(), handler);
    }

    private static String lower(PipelineMode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }
}
