package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.Assignment;
import io.stageline.config.ConfigFile.Pool;
import io.stageline.config.ConfigFile.ServerSettings;
import io.stageline.config.ConfigFile.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the sections only the server level may write: {@code globalModules} (the installed native modules),
 * {@code applicationPools} and {@code applications}:
 * <pre>{@code
 * globalModules: [ProtocolSupport, DefaultDocument, StaticFile, ServletDelegation]
 * applicationPools:
 *   - { name: ClassicPool, pipelineMode: classic }
 * applications:
 *   /legacy: { pool: ClassicPool }
 * }</pre>
 * In an application file each of them is an error.
 */
final class ServerSectionReader extends NodeReader {
    static final List<String> KEYS = List.of("globalModules", "applicationPools", "applications");

    ServerSectionReader(Problems problems) {
        super(problems);
    }

    ServerSettings read(NodeReader.Fields top, boolean serverLevel) {
        if (top == null) {
            return ServerSettings.NONE;
        }
        if (!serverLevel) {
            for (String key : KEYS) {
                if (top.get(key) != null) {
                    problems.add(ProblemCode.SERVER_LEVEL_ONLY, top.keyPos(key), "'" + key + "' can only be set in "
                            + "the server-level file", "an application cannot change what the server installs or "
                            + "how it assigns applications to pools");
                }
            }
            return ServerSettings.NONE;
        }
        List<Pool> pools = pools(top.get("applicationPools"));
        return new ServerSettings(globalModules(top.get("globalModules"), top.keyPos("globalModules")), pools,
                applications(top.get("applications"), pools));
    }

    private Setting<List<String>> globalModules(YNode n, Position keyPos) {
        YNode.ListNode list = n == null ? null : list(n, "globalModules");
        if (list == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (YNode item : list.items()) {
            String name = string(item, "globalModules");
            if (name == null) {
                continue;
            }
            name = name.trim();
            if (!Stageline.NATIVE_MODULES.contains(name)) {
                problems.add(ProblemCode.UNKNOWN_NATIVE_MODULE, item.pos(), "globalModules: '" + name + "' is not a "
                        + "built-in native module", (BuiltInModules.isManaged(name) ? name + " is a managed module: it "
                        + "needs no installation; " : "") + "native modules: " + String.join(", ",
                        Stageline.NATIVE_MODULES));
            } else if (names.contains(name)) {
                problems.add(ProblemCode.BAD_VALUE, item.pos(), "globalModules lists '" + name + "' twice");
            } else {
                names.add(name);
            }
        }
        return new Setting<>(List.copyOf(names), keyPos);
    }

    private List<Pool> pools(YNode n) {
        YNode.ListNode list = n == null ? null : list(n, "applicationPools");
        if (list == null) {
            return List.of();
        }
        List<Pool> out = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (YNode item : list.items()) {
            YNode.MapNode m = map(item, "an entry of applicationPools");
            if (m == null) {
                continue;
            }
            Fields f = new Fields(m, "an entry of applicationPools", List.of("name", "pipelineMode"));
            YNode nameNode = f.required("name", "an application pool");
            String name = nameNode == null ? null : string(nameNode, "name");
            PipelineMode mode = f.get("pipelineMode") == null ? PipelineMode.INTEGRATED
                    : pipelineMode(f.get("pipelineMode"), "pipelineMode");
            if (name == null || mode == null) {
                continue;
            }
            Position first = seen.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), nameNode.pos());
            if (first != null) {
                problems.add(ProblemCode.BAD_POOL, nameNode.pos(), "application pool '" + name.trim() + "' is declared "
                        + "twice (first at " + first + ")", "pool names are compared case-insensitively");
            } else {
                out.add(new Pool(name.trim(), mode, m.pos()));
            }
        }
        return List.copyOf(out);
    }

    private List<Assignment> applications(YNode n, List<Pool> pools) {
        YNode.MapNode map = n == null ? null : map(n, "applications");
        if (map == null) {
            return List.of();
        }
        List<Assignment> out = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (YNode.Entry e : map.entries()) {
            String cp = contextPath(e.key());
            if (cp == null) {
                problems.add(ProblemCode.BAD_VALUE, e.keyPos(), "applications: '" + e.key() + "' is not a context path",
                        "write the context path, e.g. /shop, or / for the root context");
                continue;
            }
            YNode.MapNode m = map(e.value(), "applications." + e.key());
            if (m == null) {
                continue;
            }
            Fields f = new Fields(m, "applications." + e.key(), List.of("pool"));
            YNode poolNode = f.required("pool", "application '" + e.key() + "'");
            String pool = poolNode == null ? null : string(poolNode, "pool");
            if (pool == null) {
                continue;
            }
            Pool p = find(pools, pool.trim());
            Position first = seen.putIfAbsent(cp, e.keyPos());
            if (p == null) {
                problems.add(ProblemCode.BAD_POOL, poolNode.pos(), "application '" + e.key() + "' is assigned to pool '"
                        + pool.trim() + "', which applicationPools does not declare", pools.isEmpty()
                        ? "declare it: applicationPools: [ { name: " + pool.trim() + ", pipelineMode: classic } ]"
                        : "declared pools: " + String.join(", ", pools.stream().map(Pool::name).toList()));
            } else if (first != null) {
                problems.add(ProblemCode.BAD_POOL, e.keyPos(), "application '" + e.key() + "' is assigned twice (first "
                        + "at " + first + ")", "/ and the empty path both name the root context");
            } else {
                out.add(new Assignment(cp, p.name(), poolNode.pos()));
            }
        }
        return List.copyOf(out);
    }

    private static Pool find(List<Pool> pools, String name) {
        for (Pool p : pools) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }
}
