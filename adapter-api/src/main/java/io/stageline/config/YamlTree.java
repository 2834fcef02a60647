package io.stageline.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Step 1 of parse → validate → compile: text to a {@link YNode} tree. SnakeYAML only composes (never constructs
 * objects), so a tag can never instantiate a class; every tag other than the plain YAML types is reported, as are
 * duplicate keys, merge keys ({@code <<}) and recursive aliases.
 */
final class YamlTree {
    private static final Map<Tag, String> PLAIN = Map.of(Tag.STR, "str", Tag.INT, "int", Tag.FLOAT, "float",
            Tag.BOOL, "bool", Tag.NULL, "null", Tag.TIMESTAMP, "str");

    private final String file;
    private final Substitutions substitutions;
    private final Problems problems;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(String file, Substitutions substitutions, Problems problems) {
        this.file = file;
        this.substitutions = substitutions;
        this.problems = problems;
    }

    /** Parses one document; returns null for an empty document or a syntax error (reported). */
    static YNode parse(String text, String file, Substitutions substitutions, Problems problems) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = m == null ? new Position(file, 0, 0) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.add(ProblemCode.SYNTAX, at, "invalid YAML: " + what + context);
            return null;
        } catch (YAMLException e) {
            problems.add(ProblemCode.SYNTAX, new Position(file, 0, 0), "invalid YAML: " + e.getMessage());
            return null;
        }
        return root == null ? null : new YamlTree(file, substitutions, problems).convert(root);
    }

    /**
     * Composing never constructs objects, so global tags may pass the composer: {@link #convert} then reports each
     * one with its position (SL-CFG-002) instead of the composer stopping at the first.
     */
    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setTagInspector(tag -> true);
        return o;
    }

    private Position pos(Node n) {
        Mark m = n.getStartMark();
        return m == null ? new Position(file, 0, 0) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private YNode convert(Node n) {
        if (!inProgress.add(n)) {
            problems.add(ProblemCode.UNSAFE_YAML, pos(n), "recursive alias: a node contains itself");
            return invalid(n);
        }
        try {
            if (n instanceof MappingNode m) {
                return checkTag(n, Tag.MAP) ? convertMap(m) : invalid(n);
            }
            if (n instanceof SequenceNode s) {
                if (!checkTag(n, Tag.SEQ)) {
                    return invalid(n);
                }
                List<YNode> items = new ArrayList<>();
                for (Node item : s.getValue()) {
                    items.add(convert(item));
                }
                return new YNode.ListNode(List.copyOf(items), pos(n));
            }
            ScalarNode sc = (ScalarNode) n;
            String type = PLAIN.get(sc.getTag());
            if (type == null) {
                reportTag(n);
                return invalid(n);
            }
            String value = "str".equals(type) ? substitutions.apply(sc.getValue(), pos(n), problems) : sc.getValue();
            return value == null ? invalid(n) : new YNode.Scalar(value, type, pos(n));
        } finally {
            inProgress.remove(n);
        }
    }

    private YNode invalid(Node n) {
        return new YNode.Scalar("", YNode.Scalar.INVALID, pos(n));
    }

    private boolean checkTag(Node n, Tag expected) {
        if (expected.equals(n.getTag())) {
            return true;
        }
        reportTag(n);
        return false;
    }

    private void reportTag(Node n) {
        problems.add(ProblemCode.UNSAFE_YAML, pos(n), "YAML tag '" + n.getTag().getValue() + "' is not allowed",
                "configuration files hold only maps, lists and plain values; remove the tag");
    }

    private YNode convertMap(MappingNode m) {
        List<YNode.Entry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (Tag.MERGE.equals(k.getTag())) {
                problems.add(ProblemCode.UNSAFE_YAML, pos(k), "merge keys (<<) are not supported",
                        "write the entries out; anchors and aliases are fine");
                continue;
            }
            if (!(k instanceof ScalarNode ks) || !PLAIN.containsKey(k.getTag()) || Tag.NULL.equals(k.getTag())) {
                problems.add(ProblemCode.WRONG_TYPE, pos(k), "a key must be a plain name");
                continue;
            }
            String key = ks.getValue();
            Position first = seen.putIfAbsent(key, pos(k));
            if (first != null) {
                problems.add(ProblemCode.DUPLICATE_KEY, pos(k), "duplicate key '" + key + "'",
                        "first defined at " + first.line() + ":" + first.column() + "; keep one");
                continue;
            }
            entries.add(new YNode.Entry(key, pos(k), convert(t.getValueNode())));
        }
        return new YNode.MapNode(List.copyOf(entries), pos(m));
    }
}
