package io.stageline.modules.auth;

import io.stageline.api.ModuleSettings;
import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code credentials} section, shared by BasicAuthentication and FormsAuthentication (each receives it under its
 * own {@code credentials} setting).
 *
 * <pre>{@code
 * credentials:
 *   users:
 *     - { name: admin, password: "{pbkdf2-sha256}600000$...$...", roles: [admin] }
 * # or
 * credentials: { store: container, roles: [admin, staff] }
 * }</pre>
 *
 * <p>{@code users}: names are unique (case-insensitive) and compared case-insensitively, passwords are
 * {@link PasswordHash} values (never plain text), {@code roles} a list or a comma-separated string. {@code store:
 * container} checks the password with the container's realm ({@code HttpServletRequest.login}); the container cannot
 * list a user's roles, so {@code roles} names the roles to ask it about ({@code isUserInRole}), typically every role
 * the authorization rules mention. An absent section has no users: every check fails.
 */
public final class Credentials {
    private static final Set<String> KEYS = Set.of("users", "store", "roles");
    private static final Set<String> USER_KEYS = Set.of("name", "password", "roles");

    private final Map<String, User> users;
    private final boolean container;
    private final List<String> containerRoles;

    private record User(String name, String password, List<String> roles) {
    }

    private Credentials(Map<String, User> users, boolean container, List<String> containerRoles) {
        this.users = users;
        this.container = container;
        this.containerRoles = containerRoles;
    }

    /** Reads the value of a module's {@code credentials} setting (null = no users). */
    public static Credentials parse(Object raw, String module) {
        if (raw == null) {
            return new Credentials(Map.of(), false, List.of());
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(module + ": setting 'credentials' must be a map with 'users' or "
                    + "'store: container'");
        }
        ModuleSettings s = ModuleSettings.of(stringKeys(map, module + " credentials"));
        SettingsCheck.onlyKnownKeys(s, module + " (credentials)", KEYS);
        String store = s.getString("store", null);
        if (store != null) {
            if (!"container".equals(store)) {
                throw new IllegalArgumentException(module + ": credentials 'store' is '" + store
                        + "', expected container");
            }
            if (s.has("users")) {
                throw new IllegalArgumentException(module + ": credentials give both 'users' and 'store: container'");
            }
            return new Credentials(Map.of(), true, SettingsCheck.stringList(s, "roles", List.of()));
        }
        if (s.has("roles")) {
            throw new IllegalArgumentException(module + ": credentials 'roles' applies only to 'store: container'");
        }
        Map<String, User> users = new HashMap<>();
        int i = 0;
        for (Object o : s.getList("users")) {
            i++;
            User u = user(o, module, i);
            if (users.putIfAbsent(u.name().toLowerCase(Locale.ROOT), u) != null) {
                throw new IllegalArgumentException(module + ": credentials user '" + u.name() + "' is listed twice");
            }
        }
        return new Credentials(Map.copyOf(users), false, List.of());
    }

    private static User user(Object o, String module, int index) {
        String where = module + ": credentials user #" + index;
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be a map with name, password and roles");
        }
        ModuleSettings u = ModuleSettings.of(stringKeys(m, where));
        SettingsCheck.onlyKnownKeys(u, where, USER_KEYS);
        String name = u.getString("name", "").trim();
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException(where + " needs a 'name' without ':'");
        }
        String problem = PasswordHash.problem(u.getString("password", null));
        if (problem != null) {
            throw new IllegalArgumentException(module + ": credentials user '" + name + "': " + problem);
        }
        return new User(name, u.getString("password", null), SettingsCheck.stringList(u, "roles", List.of()));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map, String where) {
        Map<String, Object> out = new HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw new IllegalArgumentException(where + ": keys must be strings");
            }
            out.put(k, e.getValue());
        }
        return out;
    }

    /** True when the container's realm checks the passwords. */
    public boolean usesContainer() {
        return container;
    }

    /** True when no check can ever succeed (no users, no container store). */
    public boolean isEmpty() {
        return !container && users.isEmpty();
    }

    /**
     * Checks a user name and password. Returns the user's roles (possibly empty) and the name as configured through
     * {@code canonicalName}, or null when the credentials are wrong. An unknown user costs the same time as a wrong
     * password.
     */
    public Result check(RequestContext ctx, String name, String password) {
        if (container) {
            Set<String> roles = ctx.containerLogin(name, password, containerRoles);
            return roles == null ? null : new Result(name, List.copyOf(roles));
        }
        char[] pw = password.toCharArray();
        try {
            User u = users.get(name.toLowerCase(Locale.ROOT));
            if (u == null) {
                PasswordHash.burn(pw, PasswordHash.DEFAULT_ITERATIONS);
                return null;
            }
            return PasswordHash.verify(u.password(), pw) ? new Result(u.name(), u.roles()) : null;
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** A successful check: the user name as configured and the roles. */
    public record Result(String name, List<String> roles) {
        public Result {
            roles = List.copyOf(new ArrayList<>(roles));
        }
    }
}
