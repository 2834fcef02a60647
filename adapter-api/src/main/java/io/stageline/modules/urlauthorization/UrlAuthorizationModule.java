package io.stageline.modules.urlauthorization;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.auth.AuthState;
import io.stageline.modules.auth.AuthorizationRule;
import io.stageline.modules.auth.RuleLevels;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UrlAuthorization, the port of IIS's native URL authorization ({@code system.webServer/security/authorization},
 * reference §6.6). Native: it applies to all content, static files included. Runs in AUTHORIZE_REQUEST.
 *
 * <p>Settings (the {@code authorization} section; per location, see {@link RuleLevels} for {@code levels}):
 * <ul>
 *   <li>{@code list} or {@code levels}: operations {@code add: { accessType: Allow|Deny, users, roles, verbs }},
 *       {@code remove: { users, roles, verbs }} (the IIS key: the three lists; an unknown rule is a no-op) and
 *       {@code clear}. Applied outermost level first. Neither given = the IIS server default, {@code Allow users="*"}.
 *       </li>
 *   <li>{@code bypassLoginPages} (default {@code true}): skip authorization for the forms login and logout pages.</li>
 * </ul>
 *
 * <p>Evaluation: every deny rule first, outermost level first and in order within a level, then every allow rule in
 * the same order; the first rule that applies decides (a parent's deny cannot be undone by a child's allow); no rule
 * applies = deny. When every location's rules grant everyone (no deny before an {@code Allow users="*"} without
 * verbs, as in the defaults) the module subscribes to no stage. Denied: anonymous → 401.2 (the Basic challenge, or
 * the forms login redirect when FormsAuthentication ran); an authenticated user → 403.0 (see docs/authorization.md
 * for why not 401).
 */
public final class UrlAuthorizationModule implements PipelineModule {
    public static final String NAME = "UrlAuthorization";
    private static final Set<String> KEYS = Set.of("list", "levels", "bypassLoginPages");
    private static final Set<String> ADD_KEYS = Set.of("accessType");

    private AuthorizationRule[][] rules;
    private boolean[] bypassLoginPages;

    @Override
    public void init(ModuleSetup setup) {
        int n = setup.locationCount();
        rules = new AuthorizationRule[n][];
        bypassLoginPages = new boolean[n];
        Map<ModuleSettings, AuthorizationRule[]> parsed = new IdentityHashMap<>();
        boolean acts = false;
        for (int i = 0; i < n; i++) {
            ModuleSettings s = setup.settings(i);
            SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
            bypassLoginPages[i] = s.getBoolean("bypassLoginPages", true);
            AuthorizationRule[] r = parsed.get(s);
            if (r == null) {
                r = compile(RuleLevels.read(s, setup.name()), setup.name());
                parsed.put(s, r);
            }
            rules[i] = r;
            acts |= !AuthorizationRule.allowAll(r);
        }
        if (acts) {
            // rules that grant everyone everywhere (the default Allow users="*") need no stage: nothing to check
            setup.subscribe(PipelineStage.AUTHORIZE_REQUEST);
        }
    }

    /** Applies the operations outermost first and orders the result for evaluation: denies, then allows. */
    static AuthorizationRule[] compile(List<RuleLevels.Level> levels, String module) {
        if (levels == null) {
            return new AuthorizationRule[] {AuthorizationRule.allowEveryone()};
        }
        List<AuthorizationRule> effective = new ArrayList<>();
        for (RuleLevels.Level level : levels) {
            for (RuleLevels.Op op : level.ops()) {
                apply(op, effective);
            }
        }
        List<AuthorizationRule> ordered = new ArrayList<>();
        for (AuthorizationRule r : effective) {
            if (!r.allows()) {
                ordered.add(r);
            }
        }
        for (AuthorizationRule r : effective) {
            if (r.allows()) {
                ordered.add(r);
            }
        }
        return ordered.toArray(new AuthorizationRule[0]);
    }

    private static void apply(RuleLevels.Op op, List<AuthorizationRule> effective) {
        switch (op.name()) {
            case "clear" -> effective.clear();
            case "remove" -> {
                String key = AuthorizationRule.parse(true, op.value(), op.where(), Set.of()).key();
                effective.removeIf(r -> r.key().equals(key));
            }
            case "add" -> {
                AuthorizationRule r = AuthorizationRule.parse(accessType(op), op.value(), op.where(), ADD_KEYS);
                for (AuthorizationRule e : effective) {
                    if (e.key().equals(r.key())) {
                        throw new IllegalArgumentException(op.where() + ": duplicate rule for users/roles/verbs of ("
                                + e + "): remove it before adding it again");
                    }
                }
                effective.add(r);
            }
            default -> throw new IllegalArgumentException(op.where() + ": unknown operation '" + op.name()
                    + "' (expected add, remove or clear)");
        }
    }

    private static boolean accessType(RuleLevels.Op op) {
        Object v = op.value() instanceof Map<?, ?> m ? m.get("accessType") : null;
        if ("Allow".equalsIgnoreCase(String.valueOf(v))) {
            return true;
        }
        if ("Deny".equalsIgnoreCase(String.valueOf(v))) {
            return false;
        }
        throw new IllegalArgumentException(op.where() + ": accessType is '" + v + "', expected Allow or Deny");
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        int loc = ctx.locationIndex();
        if (bypassLoginPages[loc] && AuthState.skipAuthorization(ctx)) {
            return;
        }
        AuthorizationRule[] list = rules[loc];
        for (AuthorizationRule r : list) {
            if (r.matches(ctx)) {
                if (ctx.trace().enabled()) {
                    ctx.trace().write(NAME, "rule " + r + (r.allows() ? " grants " : " denies ") + ctx.path());
                }
                if (!r.allows()) {
                    deny(ctx);
                }
                return;
            }
        }
        if (ctx.trace().enabled()) {
            ctx.trace().write(NAME, "no rule applies to " + ctx.path() + ": denied");
        }
        deny(ctx);
    }

    /** 401.2 for an anonymous request (challenge or login redirect), 403.0 for an authenticated user. */
    public static void deny(RequestContext ctx) throws Exception {
        if (ctx.user() == null) {
            AuthState.deny(ctx, 401, 2);
        } else {
            AuthState.deny(ctx, 403, 0);
        }
    }
}
