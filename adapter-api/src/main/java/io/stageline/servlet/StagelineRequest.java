package io.stageline.servlet;

import io.stageline.engine.Exchange;
import io.stageline.engine.HeaderOverrides;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The request as the handler sees it when a module changed request headers or set the user: header reads see the
 * changes, and the user set by an authentication module is the servlet API's user. Used only when needed.
 */
final class StagelineRequest extends HttpServletRequestWrapper {
    private final Exchange x;

    StagelineRequest(HttpServletRequest request, Exchange x) {
        super(request);
        this.x = x;
    }

    private HeaderOverrides overrides() {
        return x.headerOverrides();
    }

    private boolean overridden(String name) {
        HeaderOverrides o = overrides();
        return o != null && o.overrides(name);
    }

    @Override
    public String getHeader(String name) {
        return overridden(name) ? first(overrides().values(name)) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return overridden(name) ? Collections.enumeration(overrides().values(name)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        HeaderOverrides o = overrides();
        if (o == null) {
            return super.getHeaderNames();
        }
        return Collections.enumeration(o.names(Collections.list(super.getHeaderNames())));
    }

    @Override
    public long getDateHeader(String name) {
        if (!overridden(name)) {
            return super.getDateHeader(name);
        }
        String v = getHeader(name);
        if (v == null) {
            return -1L;
        }
        SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
        f.setTimeZone(TimeZone.getTimeZone("GMT"));
        try {
            return f.parse(v).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("header " + name + " is not a date: " + v, e);
        }
    }

    @Override
    public int getIntHeader(String name) {
        if (!overridden(name)) {
            return super.getIntHeader(name);
        }
        String v = getHeader(name);
        return v == null ? -1 : Integer.parseInt(v.trim());
    }

    @Override
    public Principal getUserPrincipal() {
        return x.user() != null ? x.user() : super.getUserPrincipal();
    }

    @Override
    public String getRemoteUser() {
        return x.user() != null ? x.user().getName() : super.getRemoteUser();
    }

    @Override
    public boolean isUserInRole(String role) {
        return x.user() != null ? x.isUserInRole(role) : super.isUserInRole(role);
    }

    @Override
    public String getAuthType() {
        return x.user() != null ? x.authenticationType() : super.getAuthType();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
