package io.stageline.modules.forms;

import java.util.List;

/**
 * The content of a forms authentication ticket: the user, the roles, and the issue and expiry times (epoch
 * milliseconds). The lifetime ({@code expires - issued}) is kept across sliding renewals.
 */
public record FormsTicket(String user, List<String> roles, long issuedMillis, long expiresMillis) {
    public FormsTicket {
        roles = List.copyOf(roles);
    }

    public boolean expired(long nowMillis) {
        return nowMillis >= expiresMillis;
    }

    /**
     * ASP.NET's {@code RenewTicketIfOld}: renew when the remaining lifetime is not greater than the elapsed age, i.e.
     * at or past half-life.
     */
    public boolean needsRenewal(long nowMillis) {
        return expiresMillis - nowMillis <= nowMillis - issuedMillis;
    }

    /** The same ticket issued now, with the same total lifetime. */
    public FormsTicket renewed(long nowMillis) {
        return new FormsTicket(user, roles, nowMillis, nowMillis + (expiresMillis - issuedMillis));
    }
}
