package io.stageline.config;

import io.stageline.api.PipelineMode;
import io.stageline.engine.PathCanonicalizer;
import io.stageline.engine.Preconditions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed access to {@link YNode}s; every mismatch is reported with the node's position and yields null. */
class NodeReader {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([KMG]i?B|B)?", Pattern.CASE_INSENSITIVE);

    final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    /** The keys of one map, with unknown keys reported against {@code known}. */
    final class Fields {
        private final Map<String, YNode.Entry> byKey = new HashMap<>();
        private final YNode.MapNode map;

        Fields(YNode.MapNode map, String where, List<String> known) {
            this(map, where, known, List.of());
        }

        /** As above; {@code unlisted} keys are accepted too but left out of the hint (the caller checks them). */
        Fields(YNode.MapNode map, String where, List<String> known, List<String> unlisted) {
            this.map = map;
            for (YNode.Entry e : map.entries()) {
                if (known.contains(e.key()) || unlisted.contains(e.key())) {
                    byKey.put(e.key(), e);
                } else {
                    problems.add(ProblemCode.UNKNOWN_KEY, e.keyPos(), "unknown key '" + e.key() + "' in " + where,
                            "known keys: " + String.join(", ", known));
                }
            }
        }

        YNode get(String key) {
            YNode.Entry e = byKey.get(key);
            return e == null ? null : e.value();
        }

        Position keyPos(String key) {
            YNode.Entry e = byKey.get(key);
            return e == null ? map.pos() : e.keyPos();
        }

        Position pos() {
            return map.pos();
        }

        /** The accepted keys present, in document order, with the positions of the keys. */
        Map<String, Position> keyPositions() {
            Map<String, Position> out = new LinkedHashMap<>();
            for (YNode.Entry e : map.entries()) {
                if (byKey.get(e.key()) == e) {
                    out.put(e.key(), e.keyPos());
                }
            }
            return out;
        }

        /** The value of a required key; reports it missing (at the map) when absent. */
        YNode required(String key, String where) {
            YNode n = get(key);
            if (n == null) {
                problems.add(ProblemCode.MISSING_KEY, map.pos(), where + " needs '" + key + "'");
            }
            return n;
        }
    }

    YNode.MapNode map(YNode n, String what) {
        if (n instanceof YNode.MapNode m) {
            return m;
        }
        wrongType(n, what, "a map");
        return null;
    }

    YNode.ListNode list(YNode n, String what) {
        if (n instanceof YNode.ListNode l) {
            return l;
        }
        wrongType(n, what, "a list");
        return null;
    }

    String string(YNode n, String what) {
        if (n instanceof YNode.Scalar s && !s.isNull() && !s.isInvalid()) {
            return s.value();
        }
        wrongType(n, what, "a value");
        return null;
    }

    Boolean bool(YNode n, String what) {
        if (n instanceof YNode.Scalar s && !s.isNull()) {
            if ("true".equalsIgnoreCase(s.value())) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(s.value())) {
                return Boolean.FALSE;
            }
        }
        wrongType(n, what, "true or false");
        return null;
    }

    /** One of {@code allowed}, case-insensitive, as the list spells it; null when invalid (reported). */
    String choice(YNode n, String what, String... allowed) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(s.trim())) {
                return a;
            }
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), "'" + what + "' is '" + s + "', which is not one of "
                + String.join(", ", allowed), "write one of " + String.join(", ", allowed));
        return null;
    }

    /** A pipeline mode value, case-insensitive; null when invalid (reported). */
    PipelineMode pipelineMode(YNode n, String what) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        for (PipelineMode m : PipelineMode.values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), what + " '" + s + "' is not a pipeline mode",
                "write integrated or classic");
        return null;
    }

    /**
     * A context path as the servlet API gives it: {@code ""} for the root context ({@code "/"} is accepted for it),
     * else canonical, starting with {@code /}, without a trailing {@code /}. Null when it is not one.
     */
    static String contextPath(String raw) {
        String s = raw.trim();
        if (s.isEmpty() || "/".equals(s)) {
            return "";
        }
        if (s.endsWith("/") || PathCanonicalizer.canonicalize(s) == null) {
            return null;
        }
        return s;
    }

    /** A canonical application-relative path below the root; a trailing {@code /} is dropped. */
    String locationPath(YNode n) {
        String s = string(n, "path");
        if (s == null) {
            return null;
        }
        String p = s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        boolean special = p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('#') >= 0 || p.indexOf('%') >= 0;
        if ("/".equals(p) || p.endsWith("/") || special || PathCanonicalizer.canonicalize(p) == null) {
            problems.add(ProblemCode.BAD_LOCATION_PATH, n.pos(), "location path '" + s + "' is not a canonical "
                    + "application path below the root", "write a path such as /admin or /admin/reports: starting "
                    + "with /, no empty, . or .. segments, no \\, ;, *, ?, #, %; settings for the whole application "
                    + "go at the top level");
            return null;
        }
        return p;
    }

    /** A byte count: digits with an optional unit B, KB/KiB (1024), MB/MiB, GB/GiB. */
    Long size(YNode n, String what) {
        String text = string(n, what);
        if (text == null) {
            return null;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (m.matches()) {
            String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
            int shift = switch (unit.charAt(0)) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                default -> 0;
            };
            try {
                long v = Long.parseLong(m.group(1));
                if (v <= Long.MAX_VALUE >> shift) {
                    return v << shift;
                }
            } catch (NumberFormatException e) {
                // too many digits: reported below
            }
        }
        problems.add(ProblemCode.BAD_SIZE, n.pos(), "'" + what + "' is '" + text + "', which is not a size",
                "write bytes (0, 65536) or a size such as 512KB, 4MiB or 1GB (KB = KiB = 1024 bytes)");
        return null;
    }

    /** Canonical precondition tokens, [] when absent, null when invalid (reported). */
    List<String> preConditions(YNode n, boolean forModule) {
        if (n == null) {
            return List.of();
        }
        String text = string(n, "preCondition");
        if (text == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            try {
                String c = Preconditions.canonical(raw, forModule);
                if (!c.equals(raw.trim())) {
                    problems.add(ProblemCode.NON_CANONICAL_PRECONDITION, n.pos(), "precondition '" + raw.trim()
                            + "' is spelled '" + c + "'", "write " + c);
                }
                out.add(c);
            } catch (IllegalArgumentException e) {
                problems.add(ProblemCode.BAD_PRECONDITION, n.pos(), e.getMessage());
                return null;
            }
        }
        return List.copyOf(out);
    }

    void wrongType(YNode n, String what, String expected) {
        if (n instanceof YNode.Scalar s && s.isInvalid()) {
            return;
        }
        String found = n == null ? "nothing" : n.describe();
        problems.add(ProblemCode.WRONG_TYPE, n == null ? null : n.pos(), "'" + what + "' must be " + expected
                + ", found " + found);
    }

    /** A {@code settings:} value as plain Java values: String, Boolean, Long, Double, null, List and Map. */
    static Object plain(YNode n) {
        if (n instanceof YNode.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (YNode.Entry e : m.entries()) {
                out.put(e.key(), plain(e.value()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (n instanceof YNode.ListNode l) {
            List<Object> out = new ArrayList<>();
            for (YNode item : l.items()) {
                out.add(plain(item));
            }
            return Collections.unmodifiableList(out);
        }
        YNode.Scalar s = (YNode.Scalar) n;
        return switch (s.type()) {
            case "null" -> null;
            case "bool" -> Boolean.valueOf(List.of("true", "yes", "on", "y").contains(s.value().toLowerCase(Locale.ROOT)));
            case "int" -> number(s.value(), false);
            case "float" -> number(s.value(), true);
            default -> s.value();
        };
    }

    private static Object number(String text, boolean floating) {
        try {
            return floating ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
