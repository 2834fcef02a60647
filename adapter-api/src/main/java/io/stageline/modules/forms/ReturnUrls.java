package io.stageline.modules.forms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Open-redirect protection for {@code ReturnUrl}: only a path of this application is accepted. The value, and each
 * of up to three rounds of percent-decoding of it, must start with a single {@code /}, stay inside the context path,
 * have no {@code .} or {@code ..} segment, and hold no backslash, whitespace, control or non-ASCII character; so
 * {@code //evil}, {@code /\evil}, {@code https://evil}, {@code /%2F%2Fevil}, {@code /%5Cevil}, {@code /%09/evil} and
 * {@code /app/../other} are all refused.
 */
final class ReturnUrls {
    private static final int MAX_LENGTH = 2048;

    private ReturnUrls() {
    }

    /** The value when it is a safe local return URL for the application at {@code contextPath}, else null. */
    static String safe(String value, String contextPath) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return null;
        }
        String v = value;
        for (int round = 0; round < 4; round++) {
            if (!safeForm(v, contextPath)) {
                return null;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (decoded.equals(v)) {
                return value;
            }
            v = decoded;
        }
        return null;
    }

    private static boolean safeForm(String v, String contextPath) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        if (!v.startsWith("/") || v.startsWith("//")) {
            return false;
        }
        int q = v.indexOf('?');
        int h = v.indexOf('#');
        int end = q < 0 ? (h < 0 ? v.length() : h) : (h < 0 ? q : Math.min(q, h));
        String path = v.substring(0, end);
        if (!contextPath.isEmpty() && !path.equals(contextPath) && !path.startsWith(contextPath + "/")) {
            return false;
        }
        for (String seg : path.split("/", -1)) {
            if (seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
