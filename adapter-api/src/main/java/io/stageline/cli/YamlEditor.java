package io.stageline.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits a YAML file as text, so that everything the edit does not touch (order, comments, blank lines, quoting, line
 * breaks) stays as the user wrote it. SnakeYAML only composes the node tree (never constructs objects) to find where
 * things are; the edits insert lines after the last line of a block, replace an empty flow collection
 * ({@code []}, <code>{}</code>) by a block, replace a scalar, or add whole top-level sections before an anchor key.
 * A non-empty flow-style section that would need new entries is refused with an {@link EditException} that says what
 * to rewrite.
 */
final class YamlEditor {
    /** The file cannot be edited as asked; the message says where and what to change. */
    static final class EditException extends Exception {
        private static final long serialVersionUID = 1L;

        EditException(String message) {
            super(message);
        }
    }

    private record Edit(int start, int end, String text, int seq) {
    }

    private final String text;
    private final String label;
    private final String nl;
    private final List<Integer> lineStarts = new ArrayList<>();
    private final MappingNode root;
    private final int unit;
    private final List<Edit> edits = new ArrayList<>();
    private final StringBuilder newSections = new StringBuilder();

    YamlEditor(String text, String label) throws EditException {
        this.text = text;
        this.label = label;
        this.nl = text.contains("\r\n") ? "\r\n" : "\n";
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        Node node;
        try {
            node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new EditException(label + " is not valid YAML: " + e.getMessage());
        }
        if (!(node instanceof MappingNode m) || isFlow(m)) {
            throw new EditException(label + ": the top level must be a block map (key: value lines)");
        }
        this.root = m;
        this.unit = indentUnit(m);
    }

    MappingNode root() {
        return root;
    }

    static Node value(MappingNode map, String key) {
        NodeTuple t = tuple(map, key);
        return t == null ? null : t.getValueNode();
    }

    private static NodeTuple tuple(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t;
            }
        }
        return null;
    }

    static boolean isFlow(Node n) {
        return n instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    /** {@code file:line:col} of a node, 1-based. */
    String where(Node n) {
        Mark m = n.getStartMark();
        return label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    /** A scalar as written (quotes and all) when it is on one line, else as a double-quoted string. */
    String source(Node n) {
        Mark a = n.getStartMark();
        Mark b = n.getEndMark();
        if (n instanceof ScalarNode s && a.getLine() == b.getLine() && b.getIndex() > a.getIndex()) {
            String src = text.substring(a.getIndex(), b.getIndex());
            return src.isBlank() ? quote(s.getValue()) : src;
        }
        return n instanceof ScalarNode s ? quote(s.getValue()) : text.substring(a.getIndex(), b.getIndex());
    }

    /**
     * A value written as the lines of {@code key: value}: a scalar or flow collection on the key's line (continuation
     * lines of a multi-line flow value indented below it), a block collection on the following lines, indented two
     * spaces relative to the key.
     */
    List<String> keyValue(String key, Node value) {
        List<String> out = new ArrayList<>();
        if (!(value instanceof CollectionNode<?>) || isFlow(value)) {
            String[] lines = text.substring(value.getStartMark().getIndex(), value.getEndMark().getIndex()).split("\r?\n");
            out.add(key + ": " + (value instanceof ScalarNode ? source(value) : lines[0].strip()));
            for (int i = 1; i < lines.length && !(value instanceof ScalarNode); i++) {
                out.add("  " + lines[i].strip());
            }
            return out;
        }
        out.add(key + ":");
        int col = value.getStartMark().getColumn();
        for (int line = value.getStartMark().getLine(); line <= lastLine(value); line++) {
            String raw = line(line);
            int strip = 0;
            while (strip < col && strip < raw.length() && raw.charAt(strip) == ' ') {
                strip++;
            }
            out.add(raw.isBlank() ? "" : "  " + raw.substring(strip));
        }
        return out;
    }

    /**
     * Appends list items to {@code section.list} (creating the list or the section when missing). Each item is its
     * lines without the {@code "- "}: the first goes after the dash, the others align under it.
     */
    void appendItems(String section, List<List<String>> items, String comment) throws EditException {
        if (items.isEmpty()) {
            return;
        }
        NodeTuple sec = tuple(root, section);
        if (sec == null) {
            int col = root.getValue().get(0).getKeyNode().getStartMark().getColumn();
            StringBuilder sb = new StringBuilder();
            line(sb, col, section + ":");
            line(sb, col + unit, "list:");
            items(sb, col + 2 * unit, items, comment);
            newSections.append(sb).append(nl);
            return;
        }
        int keyCol = sec.getKeyNode().getStartMark().getColumn();
        if (!(sec.getValueNode() instanceof MappingNode m)) {
            throw new EditException(where(sec.getValueNode()) + ": '" + section + "' is not a map");
        }
        if (isFlow(m)) {
            StringBuilder sb = new StringBuilder();
            line(sb, keyCol + unit, "list:");
            items(sb, keyCol + 2 * unit, items, comment);
            replaceEmptyFlow(m, section, sb);
            return;
        }
        int mapCol = m.getValue().get(0).getKeyNode().getStartMark().getColumn();
        NodeTuple list = tuple(m, "list");
        if (list == null) {
            StringBuilder sb = new StringBuilder();
            line(sb, mapCol, "list:");
            items(sb, mapCol + unit, items, comment);
            insertAfterLine(lastLine(m), sb.toString());
            return;
        }
        if (!(list.getValueNode() instanceof SequenceNode s)) {
            throw new EditException(where(list.getValueNode()) + ": '" + section + ".list' is not a list");
        }
        StringBuilder sb = new StringBuilder();
        if (isFlow(s)) {
            items(sb, mapCol + unit, items, comment);
            replaceEmptyFlow(s, section + ".list", sb);
            return;
        }
        items(sb, s.getStartMark().getColumn(), items, comment);
        insertAfterLine(lastLine(s), sb.toString());
    }

    /** Makes {@code section.key} the scalar {@code value}; returns false when it already is (case-insensitively). */
    boolean setScalar(String section, String key, String value) throws EditException {
        NodeTuple sec = tuple(root, section);
        if (sec == null) {
            int col = root.getValue().get(0).getKeyNode().getStartMark().getColumn();
            StringBuilder sb = new StringBuilder();
            line(sb, col, section + ":");
            line(sb, col + unit, key + ": " + value);
            newSections.append(sb).append(nl);
            return true;
        }
        if (!(sec.getValueNode() instanceof MappingNode m)) {
            throw new EditException(where(sec.getValueNode()) + ": '" + section + "' is not a map");
        }
        NodeTuple t = tuple(m, key);
        if (t != null) {
            Node v = t.getValueNode();
            if (v instanceof ScalarNode s && s.getValue().equalsIgnoreCase(value)) {
                return false;
            }
            int start = v.getStartMark().getIndex();
            int end = v.getEndMark().getIndex();
            edit(start, end, start == end ? " " + value : value);
            return true;
        }
        if (isFlow(m)) {
            int end = m.getEndMark().getIndex();
            if (m.getValue().isEmpty()) {
                edit(m.getStartMark().getIndex(), end, "{ " + key + ": " + value + " }");
            } else {
                int close = text.lastIndexOf('}', end - 1);
                while (close > 0 && Character.isWhitespace(text.charAt(close - 1))) {
                    close--;
                }
                edit(close, close, ", " + key + ": " + value);
            }
            return true;
        }
        StringBuilder sb = new StringBuilder();
        line(sb, m.getValue().get(0).getKeyNode().getStartMark().getColumn(), key + ": " + value);
        insertAfterLine(lastLine(m), sb.toString());
        return true;
    }

    /**
     * The edited text. New top-level sections go before the key {@code anchor} (and the comment lines directly above
     * it), or at the end when the file has no such key.
     */
    String result(String anchor) {
        List<Edit> all = new ArrayList<>(edits);
        if (newSections.length() > 0) {
            NodeTuple t = tuple(root, anchor);
            if (t == null) {
                String sep = text.isEmpty() || text.endsWith("\n") ? "" : nl;
                all.add(new Edit(text.length(), text.length(), sep + nl + newSections.substring(0,
                        newSections.length() - nl.length()), Integer.MAX_VALUE));
            } else {
                int line = t.getKeyNode().getStartMark().getLine();
                while (line > 0 && line(line - 1).strip().startsWith("#")) {
                    line--;
                }
                all.add(new Edit(lineStarts.get(line), lineStarts.get(line), newSections.toString(), Integer.MAX_VALUE));
            }
        }
        all.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::seq).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Edit e : all) {
            sb.replace(e.start(), e.end(), e.text());
        }
        return sb.toString();
    }

    private void replaceEmptyFlow(CollectionNode<?> node, String what, StringBuilder block) throws EditException {
        if (!node.getValue().isEmpty()) {
            throw new EditException(where(node) + ": '" + what + "' is written in flow style ([...] or {...}); write "
                    + "it as a block (one entry per line) and run migrate again");
        }
        int start = node.getStartMark().getIndex();
        int end = node.getEndMark().getIndex();
        int eol = lineEnd(node.getEndMark().getLine());
        String rest = text.substring(end, eol);
        while (start > 0 && text.charAt(start - 1) == ' ') {
            start--;
        }
        String body = block.substring(0, block.length() - nl.length());
        edit(start, eol, (rest.isBlank() ? "" : rest.stripTrailing()) + nl + body);
    }

    private void insertAfterLine(int line, String block) {
        if (line + 1 < lineStarts.size()) {
            int at = lineStarts.get(line + 1);
            edit(at, at, block);
        } else {
            edit(text.length(), text.length(), (text.endsWith("\n") ? "" : nl) + block);
        }
    }

    private void edit(int start, int end, String replacement) {
        edits.add(new Edit(start, end, replacement, edits.size()));
    }

    private void items(StringBuilder sb, int col, List<List<String>> items, String comment) {
        if (comment != null) {
            line(sb, col, "# " + comment);
        }
        for (List<String> item : items) {
            line(sb, col, "- " + item.get(0));
            for (int i = 1; i < item.size(); i++) {
                line(sb, col + 2, item.get(i));
            }
        }
    }

    private void line(StringBuilder sb, int col, String content) {
        if (!content.isEmpty()) {
            sb.append(" ".repeat(col)).append(content);
        }
        sb.append(nl);
    }

    /** The text of a 0-based line, without its line break. */
    private String line(int line) {
        int start = lineStarts.get(line);
        int end = lineEnd(line);
        return text.substring(start, end);
    }

    /** The index of the line break ending a 0-based line (before a {@code \r\n}), or the text's length. */
    private int lineEnd(int line) {
        int end = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) - 1 : text.length();
        if (end > lineStarts.get(line) && end <= text.length() && end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The last line (0-based) that holds part of {@code n}. */
    static int lastLine(Node n) {
        if (n instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
            NodeTuple t = m.getValue().get(m.getValue().size() - 1);
            return Math.max(lastLine(t.getKeyNode()), lastLine(t.getValueNode()));
        }
        if (n instanceof SequenceNode s && !isFlow(s) && !s.getValue().isEmpty()) {
            return lastLine(s.getValue().get(s.getValue().size() - 1));
        }
        Mark start = n.getStartMark();
        Mark end = n.getEndMark();
        return end.getColumn() == 0 && end.getLine() > start.getLine() ? end.getLine() - 1 : end.getLine();
    }

    /** The indentation step of the file: the column of the first nested block map's keys, else 2. */
    private static int indentUnit(MappingNode root) {
        for (NodeTuple t : root.getValue()) {
            if (t.getValueNode() instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
                int step = m.getValue().get(0).getKeyNode().getStartMark().getColumn()
                        - t.getKeyNode().getStartMark().getColumn();
                if (step > 0) {
                    return step;
                }
            }
        }
        return 2;
    }

    /** A YAML double-quoted string (JSON escapes are valid there). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
