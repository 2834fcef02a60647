package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.RequireAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The indexed {@link HandlerTable#select} must agree with a plain linear scan of the same mappings. */
class HandlerTableEquivalenceTest {
    private static final String[] VERBS = {
        "*", "*", "GET", "GET,HEAD", "POST", "get", "PUT, DELETE", "GET,POST,HEAD,DEBUG", "PROPFIND, MKCOL",
    };
    private static final String[] METHODS = {"GET", "HEAD", "POST", "get", "PUT", "DELETE", "TRACE", "PROPFIND", "LOCK"};
    private static final String[] POLICIES = {
        "Read, Script", "Read", "Script", "Execute", "None", "Read, Write, Script, NoRemoteRead",
        "Read, Execute, NoRemoteExecute", "Write, NoRemoteWrite", "Read, Script, Execute, NoRemoteScript",
    };
    private static final RequireAccess[] ACCESS = RequireAccess.values();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void indexedSelectEqualsALinearScanOnRandomTables(long seed) {
        Random random = new Random(seed);
        List<HandlerMapping> mappings = randomMappings(random, 1 + random.nextInt(300));
        AccessPolicy policy = AccessPolicy.parse(POLICIES[random.nextInt(POLICIES.length)]);
        HandlerTable table = HandlerTable.compile(mappings, policy);
        for (int round = 0; round < 400; round++) {
            String path = RandomInputs.path(random);
            String method = METHODS[random.nextInt(METHODS.length)];
            boolean nonDefault = random.nextBoolean();
            boolean local = random.nextBoolean();
            int expected = linearScan(mappings, policy, path, method, nonDefault, local);
            String what = "seed " + seed + " " + method + " " + path + " nonDefault=" + nonDefault + " local=" + local;
            assertEquals(expected, table.select(path, method, nonDefault, local), what);
            assertEquals(expected, explained(table, path, method, nonDefault, local), what);
        }
    }

    @Test
    void randomTablesProduceEveryOutcome() {
        int[] outcomes = new int[5];
        for (long seed = 1; seed <= 60; seed++) {
            Random random = new Random(seed);
            List<HandlerMapping> mappings = randomMappings(random, 1 + random.nextInt(300));
            AccessPolicy policy = AccessPolicy.parse(POLICIES[random.nextInt(POLICIES.length)]);
            for (int round = 0; round < 400; round++) {
                String path = RandomInputs.path(random);
                String method = METHODS[random.nextInt(METHODS.length)];
                int code = linearScan(mappings, policy, path, method, random.nextBoolean(), random.nextBoolean());
                outcomes[code >= 0 ? 0 : -code]++;
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            assertTrue(outcomes[i] > 50, "outcome " + (i == 0 ? "selected" : -i) + " seen " + outcomes[i] + " times");
        }
    }

    static List<HandlerMapping> randomMappings(Random random, int count) {
        List<HandlerMapping> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String mask = RandomInputs.mask(random);
            // Keep catch-alls rare so that the tables stay interesting behind them.
            if (mask.equals("*") && random.nextInt(4) > 0) {
                mask = "*.jsp";
            }
            HandlerMapping.Builder b = HandlerMapping.builder("m" + i).path(mask)
                    .verb(VERBS[random.nextInt(VERBS.length)])
                    .requireAccess(ACCESS[random.nextInt(ACCESS.length)])
                    .allowPathInfo(random.nextInt(7) == 0);
            int kind = random.nextInt(10);
            if (kind < 2) {
                b.servlet(HandlerMapping.ANY_SERVLET);
            } else if (kind < 3) {
                b.servlet("NamedServlet");
            } else {
                b.modules("M");
            }
            out.add(b.build());
        }
        return out;
    }

    static int linearScan(List<HandlerMapping> mappings, AccessPolicy policy, String path, String method,
            boolean nonDefault, boolean local) {
        int denied = 0;
        for (int i = 0; i < mappings.size(); i++) {
            HandlerMapping m = mappings.get(i);
            PathMask mask = PathMask.compile(m.path());
            boolean pathOk = m.allowPathInfo() ? mask.matchPathInfo(path) >= 0 : mask.matches(path);
            if (!VerbSet.parse(m.verb()).matches(method) || !pathOk) {
                continue;
            }
            if ("*".equals(m.servletName()) && !nonDefault) {
                continue;
            }
            if (policy.grants(m.requireAccess(), local)) {
                return i;
            }
            if (denied == 0) {
                denied = m.requireAccess() == RequireAccess.READ ? HandlerTable.FORBIDDEN_READ
                        : m.requireAccess() == RequireAccess.WRITE ? HandlerTable.FORBIDDEN_WRITE
                        : HandlerTable.FORBIDDEN_EXECUTE;
            }
        }
        return denied != 0 ? denied : HandlerTable.NO_HANDLER;
    }

    /** The selection as explain reports it: the SELECTED index, else the 403 of the first ACCESS_DENIED, else 404.4. */
    static int explained(HandlerTable table, String path, String method, boolean nonDefault, boolean local) {
        int[] result = {HandlerTable.NO_HANDLER, -1};
        int[] next = {0};
        table.explain(path, method, nonDefault, local, (i, m, v) -> {
            assertEquals(next[0]++, i, "explain walks in table order");
            if (v == Verdict.SELECTED) {
                result[0] = i;
            } else if (v == Verdict.ACCESS_DENIED && result[1] < 0) {
                result[1] = i;
            }
        });
        if (result[0] >= 0 || result[1] < 0) {
            assertEquals(result[0] >= 0 ? result[0] + 1 : table.size(), next[0], "explain stops after SELECTED");
            return result[0];
        }
        RequireAccess need = table.mapping(result[1]).requireAccess();
        return need == RequireAccess.READ ? HandlerTable.FORBIDDEN_READ
                : need == RequireAccess.WRITE ? HandlerTable.FORBIDDEN_WRITE : HandlerTable.FORBIDDEN_EXECUTE;
    }
}
