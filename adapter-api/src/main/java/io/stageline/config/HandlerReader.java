package io.stageline.config;

import io.stageline.api.HandlerMapping;
import io.stageline.api.RequestHandler;
import io.stageline.api.RequireAccess;
import io.stageline.api.ResourceType;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.match.PathMask;
import io.stageline.match.VerbSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and checks the {@code add} entries of {@code handlers.list} and {@code legacy.httpHandlers}. */
final class HandlerReader extends NodeReader {
    static final List<String> KEYS = List.of("add", "path", "verb", "type", "servlet", "modules", "resourceType",
            "requireAccess", "preCondition", "allowPathInfo", "responseBufferLimit");
    static final List<String> LEGACY_KEYS = List.of("add", "path", "verb", "type");

    private final ClassCheck classes;

    HandlerReader(Problems problems, ClassCheck classes) {
        super(problems);
        this.classes = classes;
    }

    HandlerEntry handler(String name, Fields f) {
        String where = "handler '" + name + "'";
        String path = mask(f.required("path", where));
        String verb = verbs(f.required("verb", where));
        String type = type(f.get("type"), where);
        String servlet = f.get("servlet") == null ? null : string(f.get("servlet"), "servlet");
        List<String> modules = f.get("modules") == null ? List.of() : moduleList(f.get("modules"));
        ResourceType rt = f.get("resourceType") == null ? ResourceType.UNSPECIFIED
                : choice(f.get("resourceType"), "resourceType", ResourceType.values());
        RequireAccess ra = f.get("requireAccess") == null ? RequireAccess.SCRIPT
                : choice(f.get("requireAccess"), "requireAccess", RequireAccess.values());
        List<String> pre = preConditions(f.get("preCondition"), false);
        Boolean pathInfo = f.get("allowPathInfo") == null ? Boolean.FALSE : bool(f.get("allowPathInfo"), "allowPathInfo");
        Long limit = f.get("responseBufferLimit") == null ? Long.valueOf(HandlerMapping.DEFAULT_RESPONSE_BUFFER_LIMIT)
                : size(f.get("responseBufferLimit"), "responseBufferLimit");
        boolean kindOk = checkKind(f, where);
        if (path == null || verb == null || rt == null || ra == null || pre == null || pathInfo == null || limit == null
                || modules == null || !kindOk || f.get("type") != null && type == null
                || f.get("servlet") != null && servlet == null) {
            return null;
        }
        return new HandlerEntry(name, path, verb, type, servlet == null ? null : servlet.trim(), modules, rt, ra, pre,
                pathInfo, limit, f.pos());
    }

    HandlerEntry legacyHandler(String name, Fields f) {
        String where = "legacy handler '" + name + "'";
        String path = mask(f.required("path", where));
        String verb = verbs(f.required("verb", where));
        YNode typeNode = f.required("type", where);
        String type = typeNode == null ? null : type(typeNode, where);
        if (path == null || verb == null || type == null) {
            return null;
        }
        return new HandlerEntry(name, path, verb, type, null, List.of(), ResourceType.UNSPECIFIED, RequireAccess.SCRIPT,
                List.of(), false, HandlerMapping.DEFAULT_RESPONSE_BUFFER_LIMIT, f.pos());
    }

    private boolean checkKind(Fields f, String where) {
        boolean type = f.get("type") != null;
        boolean servlet = f.get("servlet") != null;
        boolean modules = f.get("modules") != null;
        if (type && (servlet || modules) || !type && !servlet && !modules) {
            problems.add(ProblemCode.HANDLER_KIND, f.pos(), where + " must name exactly one of type, servlet or "
                    + "modules", "type: a RequestHandler class; servlet: a servlet name or \"*\"; modules: native "
                    + "handler modules (servlet may be combined with modules, e.g. ServletDelegation)");
            return false;
        }
        return true;
    }

    private String mask(YNode n) {
        String s = n == null ? null : string(n, "path");
        if (s == null) {
            return null;
        }
        try {
            PathMask.compile(s);
            return s;
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.BAD_PATH_MASK, n.pos(), e.getMessage(),
                    "examples: *.jsp, *, *., /hello, api/*; one mask per mapping");
            return null;
        }
    }

    private String verbs(YNode n) {
        String s = n == null ? null : string(n, "verb");
        if (s == null) {
            return null;
        }
        try {
            VerbSet.parse(s);
            return s;
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.BAD_VERB, n.pos(), e.getMessage(), "examples: GET,POST or *");
            return null;
        }
    }

    private String type(YNode n, String where) {
        String s = n == null ? null : string(n, "type");
        if (s == null) {
            return null;
        }
        return classes.check(s.trim(), n.pos(), RequestHandler.class, where) ? s.trim() : null;
    }

    private List<String> moduleList(YNode n) {
        List<String> raw = new ArrayList<>();
        if (n instanceof YNode.ListNode l) {
            for (YNode item : l.items()) {
                String s = string(item, "modules");
                if (s == null) {
                    return null;
                }
                raw.add(s);
            }
        } else {
            String s = string(n, "modules");
            if (s == null) {
                return null;
            }
            raw.addAll(List.of(s.split(",", -1)));
        }
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            if (r.isBlank()) {
                problems.add(ProblemCode.BAD_VALUE, n.pos(), "'modules' has an empty entry", "e.g. StaticFile,DefaultDocument");
                return null;
            }
            out.add(r.trim());
        }
        return List.copyOf(out);
    }

    private <E extends Enum<E>> E choice(YNode n, String what, E[] values) {
        String s = string(n, what);
        if (s == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (E v : values) {
            String name = v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT);
            names.add(name);
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        problems.add(ProblemCode.BAD_VALUE, n.pos(), what + " '" + s + "' is not one of " + String.join(", ", names),
                null);
        return null;
    }
}
