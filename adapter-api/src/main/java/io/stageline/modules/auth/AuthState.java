package io.stageline.modules.auth;

import io.stageline.api.ItemKey;
import io.stageline.api.RequestContext;
import java.io.IOException;

/**
 * What the authentication modules tell the authorization modules about one request, kept as a request item: the
 * challenge of the enabled challenge-based scheme (Basic), the login redirect of FormsAuthentication, and whether
 * authorization is skipped (the forms login and logout pages, IIS's {@code IS_LOGIN_PAGE}).
 *
 * <p>Every 401 a built-in module produces goes through {@link #deny(RequestContext, int, int)}: when
 * FormsAuthentication ran for the request it becomes a 302 to the login page (IIS does this in EndRequest; Stageline
 * writes error pages when LOG_REQUEST starts, so the decision is taken where the 401 is produced), otherwise it keeps
 * its status and carries the {@code WWW-Authenticate} challenge. A custom authorization module SHOULD deny through
 * this method too, so that it gets the same challenge and redirect.
 */
public final class AuthState {
    /** Redirects an unauthenticated request to a login page. */
    @FunctionalInterface
    public interface LoginRedirect {
        /** Answers the request with a redirect to the login page; false when it cannot (then the 401 stands). */
        boolean redirect(RequestContext ctx) throws IOException;
    }

    private static final ItemKey<AuthState> KEY = ItemKey.of("stageline.authState", AuthState.class);

    private String challenge;
    private LoginRedirect loginRedirect;
    private boolean skipAuthorization;

    private AuthState() {
    }

    /** The state of this request, created on first use. */
    public static AuthState of(RequestContext ctx) {
        AuthState s = ctx.item(KEY);
        if (s == null) {
            s = new AuthState();
            ctx.setItem(KEY, s);
        }
        return s;
    }

    /** True when an authentication module marked this request as exempt from authorization (the login page). */
    public static boolean skipAuthorization(RequestContext ctx) {
        AuthState s = ctx.item(KEY);
        return s != null && s.skipAuthorization;
    }

    public void setSkipAuthorization(boolean skip) {
        this.skipAuthorization = skip;
    }

    /** Sets the {@code WWW-Authenticate} value added to this request's 401 responses. */
    public void setChallenge(String value) {
        this.challenge = value;
    }

    public String challenge() {
        return challenge;
    }

    public void setLoginRedirect(LoginRedirect redirect) {
        this.loginRedirect = redirect;
    }

    /**
     * Ends the request with {@code status.subStatus}: a 401 becomes the forms login redirect when FormsAuthentication
     * ran for this request, otherwise it carries the challenge; every other status is set as it is.
     */
    public static void deny(RequestContext ctx, int status, int subStatus) throws IOException {
        AuthState s = ctx.item(KEY);
        if (status == 401 && s != null && s.loginRedirect != null && !ctx.isResponseCommitted()
                && s.loginRedirect.redirect(ctx)) {
            ctx.completeRequest();
            return;
        }
        ctx.setStatus(status, subStatus);
        if (status == 401 && s != null && s.challenge != null) {
            ctx.addResponseHeader("WWW-Authenticate", s.challenge);
        }
        ctx.completeRequest();
    }
}
