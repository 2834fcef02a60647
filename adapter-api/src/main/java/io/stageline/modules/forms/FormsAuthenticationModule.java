package io.stageline.modules.forms;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ItemKey;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.PathCanonicalizer;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.auth.AuthState;
import io.stageline.modules.auth.Credentials;
import io.stageline.modules.auth.UserPrincipal;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * FormsAuthentication, the port of ASP.NET's {@code FormsAuthenticationModule} ({@code authentication.forms},
 * reference §6.7). Managed: the built-in defaults give it the {@code managedHandler} precondition, so it sees servlets
 * and handlers only; remove and add it back without a precondition and it covers static files too. Runs in
 * AUTHENTICATE_REQUEST.
 *
 * <p>Settings (application-wide; a location may not override them):
 * <ul>
 *   <li>{@code enabled} (default {@code false}); {@code key} (required when enabled): the ticket secret, at least 32
 *       bytes written as hex or base64 (give it as {@code ${env:NAME}}); servers with the same key accept each other's
 *       tickets.</li>
 *   <li>{@code loginUrl} (default {@code /login.html}), {@code logoutUrl} (default {@code /logout}), {@code defaultUrl}
 *       (default {@code /}): application-relative paths.</li>
 *   <li>{@code name} (cookie name, default {@code .STAGELINEAUTH}), {@code path} (application-relative cookie path,
 *       default {@code /}), {@code timeout} (default {@code 30m}), {@code slidingExpiration} (default {@code true}),
 *       {@code requireSSL} (default {@code false}), {@code cookieSameSite} ({@code Strict}, {@code Lax} (default),
 *       {@code None}; {@code None} implies {@code Secure}). The cookie is always {@code HttpOnly}.</li>
 *   <li>{@code userNameField} / {@code passwordField} (defaults {@code username} / {@code password}): the login form's
 *       fields; {@code credentials}: the {@code credentials} section ({@link Credentials}).</li>
 * </ul>
 *
 * <p>Per request: a valid, unexpired ticket cookie sets the user (authentication type {@code Forms}, the ticket's
 * roles); an altered, foreign or expired cookie is ignored and removed; past half-life the ticket is renewed with the
 * same lifetime. The login and logout pages skip authorization. A 401 produced for the request by a built-in module
 * becomes a 302 to {@code loginUrl?ReturnUrl=<the URL as requested>}. The login POST and the logout are answered by
 * {@link FormsAuthenticationHandler}, mapped by {@link #handlerMappings}; a {@code ReturnUrl} is followed only when
 * {@link ReturnUrls} accepts it.
 */
public final class FormsAuthenticationModule implements PipelineModule, AuthState.LoginRedirect {
    public static final String NAME = "FormsAuthentication";
    public static final String AUTH_TYPE = "Forms";
    /** The names of the handler mappings for the login POST and the logout. */
    public static final String LOGIN_HANDLER = "FormsLogin";
    public static final String LOGOUT_HANDLER = "FormsLogout";
    static final ItemKey<FormsAuthenticationModule> ACTIVE = ItemKey.of("stageline.forms", FormsAuthenticationModule.class);
    private static final Set<String> KEYS = Set.of("enabled", "key", "loginUrl", "logoutUrl", "defaultUrl", "name",
            "path", "timeout", "slidingExpiration", "requireSSL", "cookieSameSite", "userNameField", "passwordField",
            "credentials");

    private boolean enabled;
    private TicketCodec codec;
    private String loginUrl;
    private String logoutUrl;
    private String defaultUrl;
    private String cookieName;
    private String cookiePath;
    private long timeoutMillis;
    private boolean sliding;
    private boolean requireSsl;
    private String sameSite;
    private String userNameField;
    private String passwordField;
    private Credentials credentials;
    private LongSupplier clock = System::currentTimeMillis;

    /** The two handler mappings the FormsAuthentication registration adds (login POST, logout any verb). */
    public static List<HandlerMapping> handlerMappings(String loginUrl, String logoutUrl) {
        return List.of(
                HandlerMapping.builder(LOGIN_HANDLER).path(loginUrl).verb("POST")
                        .handler(new FormsAuthenticationHandler()).build(),
                HandlerMapping.builder(LOGOUT_HANDLER).path(logoutUrl).verb("*")
                        .handler(new FormsAuthenticationHandler()).build());
    }

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        String name = setup.name();
        SettingsCheck.onlyKnownKeys(s, name, KEYS);
        for (int i = 1; i < setup.locationCount(); i++) {
            if (setup.settings(i) != s) {
                throw new IllegalArgumentException(name + " settings are application-wide; location "
                        + setup.locationPath(i) + " cannot override them");
            }
        }
        enabled = s.getBoolean("enabled", false);
        loginUrl = appPath(s, "loginUrl", "/login.html", name);
        logoutUrl = appPath(s, "logoutUrl", "/logout", name);
        defaultUrl = appPath(s, "defaultUrl", "/", name);
        cookieName = s.getString("name", ".STAGELINEAUTH");
        if (!cookieName.matches("[A-Za-z0-9.!#$%&'*+^_`|~-]+")) {
            throw new IllegalArgumentException(name + ": setting 'name' is not a valid cookie name");
        }
        cookiePath = appPath(s, "path", "/", name);
        Duration timeout = s.getDuration("timeout", Duration.ofMinutes(30));
        if (timeout.isZero()) {
            throw new IllegalArgumentException(name + ": setting 'timeout' must be longer than 0");
        }
        timeoutMillis = timeout.toMillis();
        sliding = s.getBoolean("slidingExpiration", true);
        requireSsl = s.getBoolean("requireSSL", false);
        sameSite = sameSite(s.getString("cookieSameSite", "Lax"), name);
        userNameField = s.getString("userNameField", "username");
        passwordField = s.getString("passwordField", "password");
        credentials = Credentials.parse(s.get("credentials"), name);
        if (enabled) {
            if (!s.has("key")) {
                throw new IllegalArgumentException(name + " is enabled but has no 'key' (at least 32 random bytes, "
                        + "hex or base64, e.g. key: ${env:STAGELINE_FORMS_KEY})");
            }
            try {
                codec = new TicketCodec(TicketCodec.parseKey(s.getString("key", "")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage());
            }
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST);
        }
        // disabled (the default): no stage, no cost per request
    }

    private static String appPath(ModuleSettings s, String key, String def, String module) {
        String v = s.getString(key, def);
        if (PathCanonicalizer.canonicalize(v) == null || v.indexOf('?') >= 0 || v.indexOf('#') >= 0) {
            throw new IllegalArgumentException(module + ": setting '" + key + "' is '" + v + "', expected an "
                    + "application path such as /login.html");
        }
        return v;
    }

    private static String sameSite(String v, String module) {
        for (String ok : new String[] {"Strict", "Lax", "None"}) {
            if (ok.equalsIgnoreCase(v)) {
                return ok;
            }
        }
        throw new IllegalArgumentException(module + ": setting 'cookieSameSite' is '" + v + "', expected Strict, Lax "
                + "or None");
    }

    /** For tests: the clock of ticket times. */
    void clock(LongSupplier millis) {
        this.clock = millis;
    }

    @Override
    public void handle(RequestContext ctx) {
        if (!enabled) {
            return;
        }
        ctx.setItem(ACTIVE, this);
        AuthState state = AuthState.of(ctx);
        state.setLoginRedirect(this);
        String path = ctx.path();
        if (path.equalsIgnoreCase(loginUrl) || path.equalsIgnoreCase(logoutUrl)) {
            state.setSkipAuthorization(true);
        }
        if (ctx.user() != null || (requireSsl && !ctx.isSecure())) {
            return;
        }
        long now = clock.getAsLong();
        boolean present = false;
        for (String value : cookieValues(ctx)) {
            present = true;
            FormsTicket t = codec.open(value);
            if (t != null && !t.expired(now)) {
                ctx.setUser(new UserPrincipal(t.user()), AUTH_TYPE, t.roles());
                if (sliding && t.needsRenewal(now)) {
                    setCookie(ctx, codec.seal(t.renewed(now)));
                }
                return;
            }
        }
        if (present) {
            expireCookie(ctx);
        }
    }

    private List<String> cookieValues(RequestContext ctx) {
        List<String> found = null;
        for (String header : ctx.requestHeaders("Cookie")) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.length() > cookieName.length() && p.charAt(cookieName.length()) == '='
                        && p.startsWith(cookieName)) {
                    if (found == null) {
                        found = new java.util.ArrayList<>(1);
                    }
                    found.add(p.substring(cookieName.length() + 1));
                }
            }
        }
        return found == null ? List.of() : found;
    }

    @Override
    public boolean redirect(RequestContext ctx) throws IOException {
        if (ctx.path().equalsIgnoreCase(loginUrl)) {
            return false;
        }
        ctx.redirect(ctx.contextPath() + loginUrl + "?ReturnUrl=" + encode(ctx.rawUri()), 302);
        return true;
    }

    /** Answers the login POST or the logout (called by {@link FormsAuthenticationHandler}). */
    void answer(RequestContext ctx) throws IOException {
        if (requireSsl && !ctx.isSecure()) {
            ctx.setStatus(403, 4);
            return;
        }
        if (ctx.path().equalsIgnoreCase(logoutUrl)) {
            expireCookie(ctx);
            ctx.redirect(ctx.contextPath() + loginUrl, 302);
            return;
        }
        if (!"POST".equals(ctx.method())) {
            ctx.setStatus(405, 0);
            return;
        }
        login(ctx);
    }

    private void login(RequestContext ctx) throws IOException {
        String user = ctx.requestParameter(userNameField);
        String password = ctx.requestParameter(passwordField);
        String returnUrl = ReturnUrls.safe(ctx.requestParameter("ReturnUrl"), ctx.contextPath());
        Credentials.Result ok = user == null || user.isEmpty() || password == null ? null
                : credentials.check(ctx, user, password);
        if (ok == null) {
            if (ctx.trace().enabled()) {
                ctx.trace().write(NAME, "logon failed for the login form");
            }
            ctx.redirect(ctx.contextPath() + loginUrl + "?loginFailed=1"
                    + (returnUrl == null ? "" : "&ReturnUrl=" + encode(returnUrl)), 302);
            return;
        }
        long now = clock.getAsLong();
        setCookie(ctx, codec.seal(new FormsTicket(ok.name(), ok.roles(), now, now + timeoutMillis)));
        ctx.redirect(returnUrl != null ? returnUrl : ctx.contextPath() + defaultUrl, 302);
    }

    /** Issues a ticket for {@code user} (for tests and for applications with their own login logic). */
    public String seal(String user, List<String> roles, long issuedMillis) {
        return codec.seal(new FormsTicket(user, roles, issuedMillis, issuedMillis + timeoutMillis));
    }

    private void setCookie(RequestContext ctx, String value) {
        ctx.addResponseHeader("Set-Cookie", cookieName + "=" + value + attributes(ctx));
    }

    private void expireCookie(RequestContext ctx) {
        ctx.addResponseHeader("Set-Cookie", cookieName + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + attributes(ctx));
    }

    private String attributes(RequestContext ctx) {
        String context = ctx.contextPath();
        String path = "/".equals(cookiePath) && !context.isEmpty() ? context : context + cookiePath;
        boolean secure = requireSsl || "None".equals(sameSite);
        return "; Path=" + path + "; HttpOnly; SameSite=" + sameSite + (secure ? "; Secure" : "");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
