package io.stageline.modules.basic;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.auth.AuthState;
import io.stageline.modules.auth.Credentials;
import io.stageline.modules.auth.UserPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * BasicAuthentication, the port of IIS's {@code BasicAuthenticationModule} ({@code authentication.basic}, reference
 * §6.8). Native; runs in AUTHENTICATE_REQUEST.
 *
 * <p>Settings (per location): {@code enabled} (default {@code false}), {@code realm} (default {@code Stageline}; no
 * {@code "}, {@code \} or control characters), {@code credentials} (the {@code credentials} section, see
 * {@link Credentials}; required when enabled).
 *
 * <p>When enabled: every 401 of the request carries {@code WWW-Authenticate: Basic realm="<realm>"}; an
 * {@code Authorization: Basic} header with valid credentials sets the user (authentication type {@code Basic}, the
 * configured roles); a malformed header or wrong credentials end the request with <b>401.1</b>. No header: the request
 * stays anonymous (AnonymousAuthentication and the authorization rules decide). The credentials are decoded as UTF-8
 * (RFC 7617). A user set by an earlier module is kept. Disabled at every location, it subscribes to no stage.
 */
public final class BasicAuthenticationModule implements PipelineModule {
    public static final String NAME = "BasicAuthentication";
    public static final String AUTH_TYPE = "Basic";
    private static final Set<String> KEYS = Set.of("enabled", "realm", "credentials");

    private String[] challenge;
    private Credentials[] credentials;

    @Override
    public void init(ModuleSetup setup) {
        int n = setup.locationCount();
        challenge = new String[n];
        credentials = new Credentials[n];
        Map<ModuleSettings, Credentials> parsed = new IdentityHashMap<>();
        boolean enabledSomewhere = false;
        for (int i = 0; i < n; i++) {
            ModuleSettings s = setup.settings(i);
            SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
            if (!s.getBoolean("enabled", false)) {
                continue;
            }
            String realm = s.getString("realm", "Stageline");
            for (int c = 0; c < realm.length(); c++) {
                char ch = realm.charAt(c);
                if (ch == '"' || ch == '\\' || ch < 0x20 || ch == 0x7f) {
                    throw new IllegalArgumentException(setup.name() + ": setting 'realm' must not contain \", \\ or "
                            + "control characters");
                }
            }
            challenge[i] = "Basic realm=\"" + realm + "\"";
            Credentials creds = parsed.get(s);
            if (creds == null) {
                creds = Credentials.parse(s.get("credentials"), setup.name());
                parsed.put(s, creds);
            }
            if (creds.isEmpty()) {
                throw new IllegalArgumentException(setup.name() + " is enabled but its 'credentials' list no users "
                        + "and no store");
            }
            credentials[i] = creds;
            enabledSomewhere = true;
        }
        if (enabledSomewhere) {
            // disabled at every location (the default): no stage, no cost per request
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST);
        }
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        int loc = ctx.locationIndex();
        if (challenge[loc] == null) {
            return;
        }
        AuthState.of(ctx).setChallenge(challenge[loc]);
        String header = ctx.requestHeader("Authorization");
        if (ctx.user() != null || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            AuthState.deny(ctx, 401, 1);
            return;
        }
        int colon = decoded.indexOf(':');
        Credentials.Result ok = colon <= 0 ? null
                : credentials[loc].check(ctx, decoded.substring(0, colon), decoded.substring(colon + 1));
        if (ok == null) {
            if (ctx.trace().enabled()) {
                ctx.trace().write(NAME, "logon failed: 401.1");
            }
            AuthState.deny(ctx, 401, 1);
            return;
        }
        ctx.setUser(new UserPrincipal(ok.name()), AUTH_TYPE, ok.roles());
    }
}
