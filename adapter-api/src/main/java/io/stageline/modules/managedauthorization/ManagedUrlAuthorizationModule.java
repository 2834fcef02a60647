package io.stageline.modules.managedauthorization;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.auth.AuthState;
import io.stageline.modules.auth.AuthorizationRule;
import io.stageline.modules.auth.RuleLevels;
import io.stageline.modules.urlauthorization.UrlAuthorizationModule;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ManagedUrlAuthorization, the port of ASP.NET's {@code System.Web.Security.UrlAuthorizationModule}
 * ({@code system.web/authorization}, reference §6.6). Managed: the built-in defaults give it the {@code managedHandler}
 * precondition, so it protects servlets and handlers but not static files until it is removed and added back without
 * it. Runs in AUTHORIZE_REQUEST.
 *
 * <p>Settings (the {@code managedAuthorization} section; per location, see {@link RuleLevels} for {@code levels}):
 * {@code list} or {@code levels} of operations {@code allow: { users, roles, verbs }}, {@code deny: { ... }} and
 * {@code clear}. Neither given = ASP.NET's root configuration, {@code allow users="*"}.
 *
 * <p>Evaluation: rules nearest level first (a level's {@code clear} drops everything outside it), in order within a
 * level; the first rule that applies decides; no rule applies = deny. So, unlike IIS, a child's allow overrides a
 * parent's deny. When every location's rules grant everyone (the default), the module subscribes to no stage. The
 * forms login and logout pages are never checked (ASP.NET's {@code SkipAuthorization}). Denied:
 * anonymous → 401.2 (challenge or forms login redirect), authenticated → 403.0, as UrlAuthorization.
 */
public final class ManagedUrlAuthorizationModule implements PipelineModule {
    public static final String NAME = "ManagedUrlAuthorization";
    private static final Set<String> KEYS = Set.of("list", "levels");

    private AuthorizationRule[][] rules;

    @Override
    public void init(ModuleSetup setup) {
        int n = setup.locationCount();
        rules = new AuthorizationRule[n][];
        Map<ModuleSettings, AuthorizationRule[]> parsed = new IdentityHashMap<>();
        boolean acts = false;
        for (int i = 0; i < n; i++) {
            ModuleSettings s = setup.settings(i);
            SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
            AuthorizationRule[] r = parsed.get(s);
            if (r == null) {
                r = compile(RuleLevels.read(s, setup.name()));
                parsed.put(s, r);
            }
            rules[i] = r;
            acts |= !AuthorizationRule.allowAll(r);
        }
        if (acts) {
            // rules that grant everyone everywhere (the default allow users="*") need no stage: nothing to check
            setup.subscribe(PipelineStage.AUTHORIZE_REQUEST);
        }
    }

    /** Nearest level first; a level's clear hides the levels outside it and its own rules before the clear. */
    static AuthorizationRule[] compile(List<RuleLevels.Level> levels) {
        if (levels == null) {
            return new AuthorizationRule[] {AuthorizationRule.allowEveryone()};
        }
        List<AuthorizationRule> ordered = new ArrayList<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            List<AuthorizationRule> own = new ArrayList<>();
            boolean cleared = false;
            for (RuleLevels.Op op : levels.get(i).ops()) {
                switch (op.name()) {
                    case "clear" -> {
                        own.clear();
                        cleared = true;
                    }
                    case "allow", "deny" -> own.add(AuthorizationRule.parse("allow".equals(op.name()), op.value(),
                            op.where(), Set.of()));
                    default -> throw new IllegalArgumentException(op.where() + ": unknown operation '" + op.name()
                            + "' (expected allow, deny or clear)");
                }
            }
            ordered.addAll(own);
            if (cleared) {
                break;
            }
        }
        return ordered.toArray(new AuthorizationRule[0]);
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        if (AuthState.skipAuthorization(ctx)) {
            return;
        }
        for (AuthorizationRule r : rules[ctx.locationIndex()]) {
            if (r.matches(ctx)) {
                if (ctx.trace().enabled()) {
                    ctx.trace().write(NAME, "rule " + r + (r.allows() ? " grants " : " denies ") + ctx.path());
                }
                if (!r.allows()) {
                    UrlAuthorizationModule.deny(ctx);
                }
                return;
            }
        }
        UrlAuthorizationModule.deny(ctx);
    }
}
