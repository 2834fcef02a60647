package io.stageline.config;

import java.util.List;

/**
 * The parsed, position-carrying form of a YAML document: only maps, lists and scalars (SnakeYAML's node tree is
 * converted to this and then dropped). Substitutions are already applied to scalar values.
 */
sealed interface YNode permits YNode.Scalar, YNode.MapNode, YNode.ListNode {
    Position pos();

    /** What the node is, for messages: "a map", "a list", "a value". */
    String describe();

    /** A scalar; {@code type} is the resolved YAML type: str, int, float, bool or null. */
    record Scalar(String value, String type, Position pos) implements YNode {
        static final String INVALID = "invalid";

        boolean isNull() {
            return "null".equals(type);
        }

        /** A value already reported (a rejected tag, a failed substitution): checked no further. */
        boolean isInvalid() {
            return INVALID.equals(type);
        }

        @Override
        public String describe() {
            return isNull() ? "nothing" : "a value";
        }
    }

    /** One key of a map, with the key's own position. */
    record Entry(String key, Position keyPos, YNode value) {
    }

    record MapNode(List<Entry> entries, Position pos) implements YNode {
        @Override
        public String describe() {
            return "a map";
        }
    }

    record ListNode(List<YNode> items, Position pos) implements YNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
