package io.stageline.modules.auth;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.TestExchange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared pieces of the authentication and authorization tests. */
public final class AuthFixtures {
    /** A fast hash of "secret" for test users. */
    public static final String SECRET_HASH = PasswordHash.hash("secret".toCharArray(), PasswordHash.MIN_ITERATIONS);

    private AuthFixtures() {
    }

    /** An authentication module for tests: the user comes from {@code X-User}, the roles from {@code X-Roles}. */
    public static final class HeaderUser implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            String user = ctx.requestHeader("X-User");
            if (user != null) {
                String roles = ctx.requestHeader("X-Roles");
                ctx.setUser(new UserPrincipal(user), "Test",
                        roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")));
            }
        }
    }

    /**
     * Parses a compact rule such as {@code "Deny users=? verbs=POST"} into the settings map of an operation:
     * {@code {add: {accessType: Deny, users: "?", verbs: POST}}} for IIS, {@code {deny: {...}}} for managed rules.
     */
    public static Map<String, Object> rule(String text, boolean managed) {
        String[] parts = text.trim().split("\\s+");
        Map<String, Object> body = new LinkedHashMap<>();
        if (!managed) {
            body.put("accessType", parts[0]);
        }
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            body.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        String op = managed ? parts[0].toLowerCase(java.util.Locale.ROOT) : "add";
        return Map.of(op, body);
    }

    /** Rules separated by {@code ;}. */
    public static List<Object> rules(String text, boolean managed) {
        List<Object> out = new ArrayList<>();
        for (String r : text.split(";")) {
            if (r.isBlank()) {
                continue;
            }
            out.add("clear".equals(r.trim()) ? "clear" : rule(r, managed));
        }
        return out;
    }

    /** Runs a request; {@code user} null = anonymous; {@code roles} comma-separated. */
    public static TestExchange run(CompiledPipeline p, TestExchange.App app, String method, String path, String user,
                                   String roles) {
        TestExchange x = new TestExchange(p, app, method, path);
        if (user != null && !user.isEmpty()) {
            x.header("X-User", user);
            x.header("X-Roles", roles == null ? "" : roles);
        }
        if (!x.run()) {
            throw new AssertionError("did not finish");
        }
        return x;
    }

    public static String status(TestExchange x) {
        return x.status + "." + x.subStatus();
    }
}
