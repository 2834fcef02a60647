package io.stageline.modules;

import io.stageline.api.ModuleSettings;
import io.stageline.engine.Exchange;
import io.stageline.engine.ModuleSlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The courtesy redirect of a directory URL without its trailing slash ({@code /docs?q=1} → {@code /docs/?q=1}), shared
 * by DefaultDocument, DirectoryListing and StaticFile so the three answer alike (reference §6.2).
 *
 * <p>The status is one setting, {@code directoryRedirectStatus} of StaticFile (301 by default; 302, 307 or 308
 * allowed). DefaultDocument and DirectoryListing run before StaticFile in the default mapping and so usually answer
 * the redirect themselves; they use the status of the StaticFile module of the same pipeline (301 when there is none),
 * so that one setting governs every courtesy redirect.
 *
 * <p>The location is the context path, the canonical path percent-encoded, {@code /}, and the query string as
 * received. The canonical path (after any rewrite) is used, never the raw URI.
 */
public final class CourtesyRedirect {
    /** The setting that chooses the status, read by StaticFile. */
    public static final String STATUS_SETTING = "directoryRedirectStatus";
    /** The default status: IIS 7+ answers 301. */
    public static final int DEFAULT_STATUS = 301;

    /** Implemented by the module whose setting chooses the status (StaticFile). */
    public interface StatusSource {
        int directoryRedirectStatus();
    }

    private static final String STATUS_OWNER = "StaticFile";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CourtesyRedirect() {
    }

    /** Reads {@value #STATUS_SETTING}: 301 (default), 302, 307 or 308; anything else fails the deployment. */
    public static int statusSetting(ModuleSettings settings) {
        int status = settings.getInt(STATUS_SETTING, DEFAULT_STATUS);
        if (status != 301 && status != 302 && status != 307 && status != 308) {
            throw new IllegalArgumentException("setting '" + STATUS_SETTING + "' is " + status
                    + ", expected 301, 302, 307 or 308");
        }
        return status;
    }

    /** True when the directory URL lacks its trailing slash, i.e. the client must be redirected. */
    public static boolean needed(Exchange x) {
        return !x.path().endsWith("/");
    }

    /** Redirects with the status configured on the pipeline's StaticFile module (301 when it has none). */
    public static void send(Exchange x) throws IOException {
        ModuleSlot slot = x.pipeline().module(STATUS_OWNER);
        int status = slot != null && slot.module() instanceof StatusSource s ? s.directoryRedirectStatus()
                : DEFAULT_STATUS;
        send(x, status);
    }

    /** Redirects to the same URL with a trailing slash, keeping the query string. */
    public static void send(Exchange x, int status) throws IOException {
        x.redirect(location(x.contextPath(), x.path(), x.queryString()), status);
    }

    /** The location of the courtesy redirect. */
    public static String location(String contextPath, String path, String query) {
        StringBuilder sb = new StringBuilder(contextPath.length() + path.length() + 16);
        sb.append(contextPath);
        appendEncodedPath(sb, path);
        sb.append('/');
        if (query != null && !query.isEmpty()) {
            sb.append('?').append(query);
        }
        return sb.toString();
    }

    /** Percent-encodes a decoded path for use in a URL: everything but RFC 3986 pchar and {@code /} is escaped. */
    public static void appendEncodedPath(StringBuilder sb, String path) {
        int i = 0;
        while (i < path.length()) {
            int cp = path.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80 && isPathChar((char) cp)) {
                sb.append((char) cp);
            } else {
                for (byte b : path.substring(i, next).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i = next;
        }
    }

    private static boolean isPathChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }
}
