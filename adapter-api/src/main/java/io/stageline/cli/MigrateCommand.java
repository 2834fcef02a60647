package io.stageline.cli;

import io.stageline.config.ConfigLoader;
import io.stageline.config.ConfigProblem;
import io.stageline.config.ConfigSource;
import io.stageline.config.ConfigurationException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code stageline migrate [--server FILE] [--dry-run] WEBAPP_OR_YAML}: SPEC §5 and reference §4.3 ({@code appcmd
 * migrate config}). Copies every {@code legacy.httpModules} entry to the end of {@code modules.list} with
 * {@code preCondition: managedHandler} and every {@code legacy.httpHandlers} entry to the end of {@code handlers.list}
 * with {@code preCondition: integratedMode} ({@code remove} entries are mirrored; a {@code clear} is not, since in
 * {@code modules:} it would also remove the native modules), sets {@code validation.validateIntegratedModeConfiguration:
 * false} and keeps the legacy sections, so the application runs in both modes.
 *
 * <p>The file is edited as text ({@link YamlEditor}): the user's order, comments and quoting are kept; the copies carry
 * one comment line. Entries already present in the target list (an add or remove of the same name) are not copied
 * again, so a second run changes nothing. The result is loaded before it is written: if the migration would introduce
 * a configuration error (a name the server level already adds, say), nothing is written. Standard output gets the
 * change as a unified diff (empty when there is nothing to change); standard error a one-line summary.
 */
final class MigrateCommand {
    static final Set<String> OPTIONS = Set.of("--server");
    static final Set<String> FLAGS = Set.of("--dry-run");

    private static final Set<String> CLASS_PROBLEMS = Set.of("SL-CFG-015", "SL-CFG-016");
    private static final String COMMENT = "copied from legacy.%s by stageline migrate; keep both lists in step";

    private MigrateCommand() {
    }

    static int run(Args args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Target target = Target.of(StagelineCommand.path(args.positional("migrate", "WEBAPP_OR_YAML").get(0)));
        Path server = StagelineCommand.path(args.value("--server"));
        Path yaml = target.yaml();
        if (!Files.isRegularFile(yaml)) {
            err.println("stageline: no such file: " + yaml);
            return 1;
        }
        String original = Files.readString(yaml, StandardCharsets.UTF_8);
        try (URLClassLoader classes = target.classLoader()) {
            Loader loader = new Loader(server, yaml, classes);
            List<ConfigProblem> before = loader.errors(original);
            if (!before.isEmpty()) {
                ProblemFormat.print(before, err);
                err.println("stageline: " + yaml + " is invalid (" + ProblemFormat.counts(before) + "); fix it first "
                        + "(stageline validate shows the problems)");
                return 1;
            }
            Plan plan;
            String migrated;
            try {
                YamlEditor editor = new YamlEditor(original, yaml.toString());
                plan = plan(editor);
                migrated = plan.nothingToMigrate() ? original : apply(editor, plan);
            } catch (YamlEditor.EditException e) {
                err.println("stageline: " + e.getMessage());
                return 1;
            }
            if (migrated.equals(original)) {
                err.println("stageline: " + yaml + (plan.nothingToMigrate() ? " has no legacy sections" : " is already "
                        + "migrated") + "; nothing to change");
                return 0;
            }
            return write(loader, yaml, original, migrated, plan, args.flag("--dry-run"), out, err);
        }
    }

    /** Checks that the migrated text loads, prints the diff and writes the file (unless a dry run). */
    private static int write(Loader loader, Path yaml, String original, String migrated, Plan plan, boolean dryRun,
                             PrintStream out, PrintStream err) throws IOException {
        List<ConfigProblem> introduced = loader.errors(migrated);
        if (!introduced.isEmpty()) {
            ProblemFormat.print(introduced, err);
            err.println("stageline: the migrated configuration would not load (the positions are those of the "
                    + "migrated text); " + yaml + " is unchanged");
            return 1;
        }
        out.print(UnifiedDiff.diff(yaml.toString(), yaml.toString(), original, migrated));
        if (!dryRun) {
            Files.writeString(yaml, migrated, StandardCharsets.UTF_8);
        }
        err.println("stageline: " + summary(plan) + (dryRun ? "; dry run, " + yaml + " is unchanged" : "; " + yaml
                + " written"));
        return 0;
    }

    /** What to copy: the list items for modules: and handlers:, and whether validation must be switched off. */
    private record Plan(List<List<String>> modules, List<List<String>> handlers, boolean hasLegacy, int clearsSkipped) {
        boolean nothingToMigrate() {
            return !hasLegacy;
        }
    }

    private static Plan plan(YamlEditor editor) {
        MappingNode root = editor.root();
        Node legacy = YamlEditor.value(root, "legacy");
        if (!(legacy instanceof MappingNode l)) {
            return new Plan(List.of(), List.of(), false, 0);
        }
        Set<String> presentModules = present(root, "modules");
        Set<String> presentHandlers = present(root, "handlers");
        List<List<String>> modules = new ArrayList<>();
        List<List<String>> handlers = new ArrayList<>();
        int clears = copy(editor, YamlEditor.value(l, "httpModules"), presentModules, modules, true);
        clears += copy(editor, YamlEditor.value(l, "httpHandlers"), presentHandlers, handlers, false);
        Node identity = YamlEditor.value(l, "identity");
        boolean impersonate = identity instanceof MappingNode i && YamlEditor.value(i, "impersonate") instanceof ScalarNode s
                && "true".equalsIgnoreCase(s.getValue());
        boolean hasLegacy = items(l, "httpModules") > 0 || items(l, "httpHandlers") > 0 || impersonate;
        return new Plan(modules, handlers, hasLegacy, clears);
    }

    private static String apply(YamlEditor editor, Plan plan) throws YamlEditor.EditException {
        editor.setScalar("validation", "validateIntegratedModeConfiguration", "false");
        editor.appendItems("modules", plan.modules(), String.format(COMMENT, "httpModules"));
        editor.appendItems("handlers", plan.handlers(), String.format(COMMENT, "httpHandlers"));
        return editor.result("legacy");
    }

    private static int items(MappingNode legacy, String key) {
        return YamlEditor.value(legacy, key) instanceof SequenceNode s ? s.getValue().size() : 0;
    }

    /** {@code add:NAME} and {@code remove:NAME} for every entry of {@code section.list}. */
    private static Set<String> present(MappingNode root, String section) {
        Set<String> out = new HashSet<>();
        if (YamlEditor.value(root, section) instanceof MappingNode m && YamlEditor.value(m, "list") instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                String key = opKey(item);
                if (key != null) {
                    out.add(key);
                }
            }
        }
        return out;
    }

    private static String opKey(Node item) {
        if (item instanceof MappingNode m && !m.getValue().isEmpty()) {
            NodeTuple first = m.getValue().get(0);
            if (first.getKeyNode() instanceof ScalarNode k && first.getValueNode() instanceof ScalarNode v) {
                return k.getValue() + ":" + v.getValue().trim();
            }
        }
        return null;
    }

    /** Adds the items to copy from one legacy list; returns how many {@code clear} entries were left out. */
    private static int copy(YamlEditor editor, Node legacyList, Set<String> present, List<List<String>> out,
                            boolean module) {
        if (!(legacyList instanceof SequenceNode s)) {
            return 0;
        }
        int clears = 0;
        for (Node item : s.getValue()) {
            String key = opKey(item);
            if (key == null) {
                clears++;
                continue;
            }
            if (!present.add(key)) {
                continue;
            }
            MappingNode m = (MappingNode) item;
            List<String> lines = new ArrayList<>();
            if (key.startsWith("remove:")) {
                lines.add("remove: " + editor.source(YamlEditor.value(m, "remove")));
                out.add(lines);
                continue;
            }
            lines.add("add: " + editor.source(YamlEditor.value(m, "add")));
            for (String field : module ? List.of("type") : List.of("path", "verb", "type")) {
                lines.add(field + ": " + editor.source(YamlEditor.value(m, field)));
            }
            lines.add("preCondition: " + (module ? "managedHandler" : "integratedMode"));
            Node settings = module ? YamlEditor.value(m, "settings") : null;
            if (settings != null) {
                lines.addAll(editor.keyValue("settings", settings));
            }
            out.add(lines);
        }
        return clears;
    }

    private static String summary(Plan plan) {
        String s = "copied " + entries(plan.modules().size(), "httpModules") + " to modules.list (preCondition: "
                + "managedHandler) and " + entries(plan.handlers().size(), "httpHandlers") + " to handlers.list "
                + "(preCondition: integratedMode), set validation.validateIntegratedModeConfiguration: false, kept the "
                + "legacy sections";
        if (plan.clearsSkipped() == 0) {
            return s;
        }
        return s + "; " + ProblemFormat.plural(plan.clearsSkipped(), "legacy 'clear' entry", "legacy 'clear' entries")
                + " not copied (review the lists by hand)";
    }

    private static String entries(int n, String list) {
        return ProblemFormat.plural(n, "legacy." + list + " entry", "legacy." + list + " entries");
    }

    /** Loads a text of the file with the same server file and class loader, to compare problems before and after. */
    private static final class Loader {
        private final ConfigLoader loader = new ConfigLoader();
        private final ConfigSource server;
        private final Path yaml;
        private final ClassLoader classes;

        Loader(Path server, Path yaml, ClassLoader classes) throws IOException {
            this.server = server == null ? null : new ConfigSource(server.toString(),
                    Files.readString(server, StandardCharsets.UTF_8), server.toAbsolutePath().getParent());
            this.yaml = yaml;
            this.classes = classes;
        }

        /** The errors of the text, except {@code type:} classes that cannot be loaded from here. */
        List<ConfigProblem> errors(String text) {
            try {
                loader.load(server, new ConfigSource(yaml.toString(), text, yaml.toAbsolutePath().getParent()), classes);
                return List.of();
            } catch (ConfigurationException e) {
                List<ConfigProblem> out = new ArrayList<>();
                for (ConfigProblem p : e.problems()) {
                    if (p.isError() && !CLASS_PROBLEMS.contains(p.code())) {
                        out.add(p);
                    }
                }
                return out;
            }
        }
    }
}
