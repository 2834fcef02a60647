package io.stageline.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Fail-closed agreement between the request target as the client sent it and the path the container decided on.
 *
 * <p>The raw request URI is decoded here independently and strictly: every byte must be visible ASCII or a valid
 * percent-escape; escapes must form valid, shortest-form UTF-8; {@code %2F} and {@code %5C} are refused; the only
 * accepted path parameter is a trailing {@code ;jsessionid=...} on the last segment (which the container strips); the
 * decoded path must be canonical ({@link PathCanonicalizer}). The decoded path, minus the application's context path,
 * must then equal the container's servlet path plus path info, except that a directory URL the container mapped to a
 * welcome file keeps the directory. Anything else is a {@link PathProblem}: two parsers that disagree about a URL are
 * the root of every path-confusion bypass, so Stageline answers 400 instead of choosing one of them.
 */
public final class RequestTarget {
    /** The one path parameter accepted, on the last segment only: the servlet session id. */
    public static final String SESSION_PARAMETER = ";jsessionid=";

    private RequestTarget() {
    }

    /**
     * What is wrong with a request, or null when the raw URI and the container agree on a canonical path.
     *
     * @param rawUri        the request URI as received ({@code HttpServletRequest.getRequestURI()}: no query string)
     * @param contextPath   the application's context path as configured ({@code ""} for the root application)
     * @param containerPath the container's decoded servlet path plus path info ({@code "/"} when both are empty)
     */
    public static PathProblem problem(String rawUri, String contextPath, String containerPath) {
        if (rawUri == null || rawUri.isEmpty() || rawUri.charAt(0) != '/' || containerPath == null) {
            return PathProblem.NOT_ABSOLUTE;
        }
        int end = rawUri.length();
        int semi = rawUri.indexOf(';');
        if (semi >= 0) {
            if (!isTrailingSessionId(rawUri, semi)) {
                return PathProblem.PATH_PARAMETER;
            }
            end = semi;
        }
        boolean escaped = false;
        for (int i = 0; i < end; i++) {
            char c = rawUri.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return PathProblem.RAW_CHARACTER;
            }
            escaped |= c == '%';
        }
        String decoded;
        if (escaped) {
            DecodeResult r = decode(rawUri, end);
            if (r.problem != null) {
                return r.problem;
            }
            decoded = r.path;
        } else {
            decoded = end == rawUri.length() ? rawUri : rawUri.substring(0, end);
        }
        PathProblem p = PathCanonicalizer.problem(decoded);
        if (p != null) {
            return p;
        }
        return agreement(decoded, contextPath == null ? "" : contextPath, containerPath);
    }

    /**
     * The canonical path of a request for which {@link #problem} returned null: the container's path, or the
     * directory when the container mapped a directory URL to a welcome file.
     */
    public static String canonicalPath(String rawUri, String containerPath) {
        int q = rawUri.indexOf(';');
        int end = q < 0 ? rawUri.length() : q;
        if (end > 0 && rawUri.charAt(end - 1) == '/' && !containerPath.endsWith("/")) {
            return containerPath.substring(0, containerPath.lastIndexOf('/') + 1);
        }
        return containerPath;
    }

    private static PathProblem agreement(String decoded, String contextPath, String containerPath) {
        int cp = contextPath.length();
        if (!decoded.startsWith(contextPath) || (decoded.length() > cp && decoded.charAt(cp) != '/')) {
            return PathProblem.OUTSIDE_CONTEXT;
        }
        int len = decoded.length() - cp;
        if (len == 0) {
            return "/".equals(containerPath) ? null : PathProblem.CONTAINER_MISMATCH;
        }
        if (containerPath.length() == len && decoded.regionMatches(cp, containerPath, 0, len)) {
            return null;
        }
        boolean welcomeFile = decoded.charAt(decoded.length() - 1) == '/' && containerPath.length() > len
                && decoded.regionMatches(cp, containerPath, 0, len) && containerPath.indexOf('/', len) < 0;
        return welcomeFile ? null : PathProblem.CONTAINER_MISMATCH;
    }

    /** True when the first ';' at {@code semi} starts a non-empty {@code ;jsessionid=} value that ends the URI. */
    private static boolean isTrailingSessionId(String raw, int semi) {
        if (!raw.startsWith(SESSION_PARAMETER, semi)) {
            return false;
        }
        int from = semi + SESSION_PARAMETER.length();
        if (from == raw.length()) {
            return false;
        }
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private record DecodeResult(String path, PathProblem problem) {
    }

    private static DecodeResult decode(String raw, int end) {
        byte[] bytes = new byte[end];
        int n = 0;
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes[n++] = (byte) c;
                continue;
            }
            int hi = i + 2 < end ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                return new DecodeResult(null, PathProblem.BAD_ESCAPE);
            }
            int b = (hi << 4) | lo;
            if (b == '/' || b == '\\') {
                return new DecodeResult(null, PathProblem.ENCODED_SEPARATOR);
            }
            bytes[n++] = (byte) b;
            i += 2;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
            return new DecodeResult(s, null);
        } catch (CharacterCodingException e) {
            return new DecodeResult(null, PathProblem.BAD_UTF8);
        }
    }
}
