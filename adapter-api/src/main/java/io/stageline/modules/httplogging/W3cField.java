package io.stageline.modules.httplogging;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The W3C extended fields IIS writes, in the canonical order of the {@code #Fields:} line (reference §7.1). The enum
 * order is that order: whatever order the configuration names fields in, lines follow this one, as IIS's do.
 */
enum W3cField {
    DATE("date", "Date"),
    TIME("time", "Time"),
    SITE_NAME("s-sitename", "SiteName"),
    COMPUTER_NAME("s-computername", "ComputerName"),
    SERVER_IP("s-ip", "ServerIP"),
    METHOD("cs-method", "Method"),
    URI_STEM("cs-uri-stem", "UriStem"),
    URI_QUERY("cs-uri-query", "UriQuery"),
    SERVER_PORT("s-port", "ServerPort"),
    USER_NAME("cs-username", "UserName"),
    CLIENT_IP("c-ip", "ClientIP"),
    PROTOCOL_VERSION("cs-version", "ProtocolVersion"),
    USER_AGENT("cs(User-Agent)", "UserAgent"),
    COOKIE("cs(Cookie)", "Cookie"),
    REFERER("cs(Referer)", "Referer"),
    HOST("cs-host", "Host"),
    HTTP_STATUS("sc-status", "HttpStatus"),
    HTTP_SUB_STATUS("sc-substatus", "HttpSubStatus"),
    WIN32_STATUS("sc-win32-status", "Win32Status"),
    BYTES_SENT("sc-bytes", "BytesSent"),
    BYTES_RECV("cs-bytes", "BytesRecv"),
    TIME_TAKEN("time-taken", "TimeTaken");

    /** IIS's site default {@code logExtFileFlags}. */
    static final Set<W3cField> DEFAULTS = EnumSet.of(DATE, TIME, CLIENT_IP, USER_NAME, SERVER_IP, METHOD, URI_STEM,
            URI_QUERY, TIME_TAKEN, HTTP_STATUS, WIN32_STATUS, SERVER_PORT, USER_AGENT, HTTP_SUB_STATUS, REFERER);

    final String token;
    final String flag;

    W3cField(String token, String flag) {
        this.token = token;
        this.flag = flag;
    }

    /** The field with this {@code logExtFileFlags} name (case-insensitive), or null. */
    static W3cField byFlag(String name) {
        for (W3cField f : values()) {
            if (f.flag.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** The field with this {@code #Fields:} token (case-insensitive), or null. */
    static W3cField byToken(String token) {
        for (W3cField f : values()) {
            if (f.token.equalsIgnoreCase(token)) {
                return f;
            }
        }
        return null;
    }

    /** The {@code #Fields:} line's value for a set of fields, in canonical order. */
    static String fieldsLine(Set<W3cField> fields) {
        StringBuilder sb = new StringBuilder();
        for (W3cField f : values()) {
            if (fields.contains(f)) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(f.token);
            }
        }
        return sb.toString();
    }
}
