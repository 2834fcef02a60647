package io.stageline.modules.auth;

import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import io.stageline.api.ModuleSettings;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One authorization rule, shared by UrlAuthorization (IIS) and ManagedUrlAuthorization (ASP.NET): allow or deny, for
 * {@code users}, {@code roles} and {@code verbs}. The matching is the same in both engines (reference §6.6); only the
 * order of evaluation differs.
 *
 * <p>A rule applies when its verb list is empty or holds the request method (case-insensitive), and then when
 * {@code users} holds {@code *} (everyone, anonymous included), or {@code ?} and the request is anonymous, or the user
 * name (case-insensitive), or when the user holds one of {@code roles} (case-insensitive). An anonymous request
 * (no user) never matches a name or a role.
 */
public final class AuthorizationRule {
    private static final Set<String> KEYS = Set.of("users", "roles", "verbs");

    private final boolean allow;
    private final String[] users;
    private final String[] roles;
    private final String[] verbs;
    private final boolean everyone;
    private final boolean anonymous;
    private final String key;
    private final String text;

    private AuthorizationRule(boolean allow, List<String> users, List<String> roles, List<String> verbs) {
        this.allow = allow;
        this.users = users.toArray(new String[0]);
        this.roles = roles.toArray(new String[0]);
        this.verbs = verbs.toArray(new String[0]);
        this.everyone = users.contains("*");
        this.anonymous = users.contains("?");
        this.key = lower(users) + "|" + lower(roles) + "|" + lower(verbs);
        this.text = (allow ? "allow" : "deny") + " users=\"" + String.join(",", users) + "\" roles=\""
                + String.join(",", roles) + "\" verbs=\"" + String.join(",", verbs) + "\"";
    }

    /**
     * Reads a rule's map ({@code users}, {@code roles}, {@code verbs}, plus the keys in {@code extra}, which the caller
     * reads). At least one of users and roles is required.
     */
    public static AuthorizationRule parse(boolean allow, Object raw, String where, Set<String> extra) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be a map with users, roles and/or verbs");
        }
        @SuppressWarnings("unchecked")
        ModuleSettings s = ModuleSettings.of((Map<String, ?>) map);
        java.util.Set<String> known = new java.util.HashSet<>(KEYS);
        known.addAll(extra);
        SettingsCheck.onlyKnownKeys(s, where, known);
        List<String> users = SettingsCheck.stringList(s, "users", List.of());
        List<String> roles = SettingsCheck.stringList(s, "roles", List.of());
        List<String> verbs = SettingsCheck.stringList(s, "verbs", List.of());
        if (users.isEmpty() && roles.isEmpty()) {
            throw new IllegalArgumentException(where + " names neither users nor roles");
        }
        for (String r : roles) {
            if ("*".equals(r) || "?".equals(r)) {
                throw new IllegalArgumentException(where + ": '" + r + "' is a users value, not a role");
            }
        }
        return new AuthorizationRule(allow, users, roles, verbs);
    }

    /** The rule with users {@code *}: the IIS server default and the end of ASP.NET's root configuration. */
    public static AuthorizationRule allowEveryone() {
        return new AuthorizationRule(true, List.of("*"), List.of(), List.of());
    }

    public boolean allows() {
        return allow;
    }

    /**
     * True when rules evaluated in this order (the first that applies decides; none = deny) grant every request:
     * an allow for users {@code *} with no verbs comes before any deny. Such a list needs no per-request check, so the
     * authorization modules do not subscribe to a stage for it (the default {@code Allow users="*"} costs nothing).
     */
    public static boolean allowAll(AuthorizationRule[] ordered) {
        for (AuthorizationRule r : ordered) {
            if (!r.allow) {
                return false;
            }
            if (r.everyone && r.verbs.length == 0) {
                return true;
            }
        }
        return false;
    }

    /** The identity of the rule in its collection: users, roles and verbs (IIS's collection key). */
    public String key() {
        return key;
    }

    /** True when the rule applies to this request. */
    public boolean matches(RequestContext ctx) {
        if (verbs.length > 0 && !containsIgnoreCase(verbs, ctx.method())) {
            return false;
        }
        if (everyone) {
            return true;
        }
        Principal user = ctx.user();
        if (user == null) {
            return anonymous;
        }
        if (containsIgnoreCase(users, user.getName())) {
            return true;
        }
        for (String held : ctx.roles()) {
            if (containsIgnoreCase(roles, held)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String[] list, String value) {
        for (String s : list) {
            if (s.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(List<String> list) {
        return String.join(",", list).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
