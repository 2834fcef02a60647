package io.stageline.engine;

import java.util.Locale;
import java.util.Set;

/**
 * Server variables (IIS {@code Request.ServerVariables}): computed ones from the request, {@code HTTP_*} mapped to
 * request headers, and custom ones set by modules. The computed variables that describe the request's identity and
 * path cannot be set.
 */
final class ServerVariables {
    static final Set<String> PROTECTED = Set.of("AUTH_TYPE", "AUTH_USER", "PATH_INFO", "PATH_TRANSLATED",
            "QUERY_STRING", "SCRIPT_NAME");

    private ServerVariables() {
    }

    static String read(Exchange x, String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("HTTP_")) {
            return x.requestHeader(headerName(n));
        }
        if (!PROTECTED.contains(n)) {
            String custom = x.customVariable(n);
            if (custom != null) {
                return custom;
            }
        }
        switch (n) {
            case "REQUEST_METHOD":
                return x.method();
            case "URL":
                return x.contextPath() + x.path();
            case "PATH_INFO":
                return x.pathInfo().isEmpty() ? x.path() : x.pathInfo();
            case "SCRIPT_NAME":
                return x.contextPath() + x.path().substring(0, Math.min(x.pathInfoStart, x.path().length()));
            case "QUERY_STRING":
                return x.queryString() == null ? "" : x.queryString();
            case "AUTH_TYPE":
                return x.authenticationType() == null ? "" : x.authenticationType();
            case "AUTH_USER":
            case "REMOTE_USER":
            case "LOGON_USER":
                return x.user() == null ? "" : x.user().getName();
            case "HTTPS":
                return x.isSecure() ? "on" : "off";
            case "REMOTE_ADDR":
                return x.remoteAddress();
            case "UNENCODED_URL":
            case "RAW_URL":
            case "REQUEST_URI":
                return x.rawUri();
            case "APPL_VIRTUAL_PATH":
                return x.contextPath().isEmpty() ? "/" : x.contextPath();
            default:
                return x.containerServerVariable(n);
        }
    }

    static void write(Exchange x, String name, String value) {
        String n = name.toUpperCase(Locale.ROOT);
        if (PROTECTED.contains(n)) {
            throw new IllegalArgumentException("server variable " + n
                    + " cannot be modified during request execution");
        }
        if (n.startsWith("HTTP_")) {
            if (value == null) {
                x.removeRequestHeader(headerName(n));
            } else {
                x.setRequestHeader(headerName(n), value);
            }
            return;
        }
        x.setCustomVariable(n, value);
    }

    /** {@code HTTP_ACCEPT_LANGUAGE} -> {@code Accept-Language}. */
    static String headerName(String variable) {
        String raw = variable.substring(5);
        StringBuilder sb = new StringBuilder(raw.length());
        boolean upper = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '_') {
                sb.append('-');
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return sb.toString();
    }
}
