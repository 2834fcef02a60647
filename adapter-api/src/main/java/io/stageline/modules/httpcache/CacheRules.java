package io.stageline.modules.httpcache;

import java.util.Locale;
import java.util.function.Function;

/**
 * The user-mode restrictions of the output cache (reference §6.9), as pure decisions: each returns null when the
 * request or response may be cached, else the reason it may not (for traces and tests). A profile that asks for
 * caching only through {@code kernelCachePolicy} adds the kernel cache's rules.
 */
final class CacheRules {
    static final String VERB = "only GET and HEAD are cached";
    static final String AUTHENTICATED = "authenticated request";
    static final String RANGE = "range request";
    static final String DIRECTORY = "directory URL (default document)";
    static final String QUERY = "query string (kernel cache)";
    static final String REQUEST_BODY = "request body (kernel cache)";
    static final String TRANSLATE = "Translate: f (kernel cache)";
    static final String EXPECT = "Expect header (kernel cache)";
    static final String PROTOCOL = "HTTP version other than 1.0/1.1 (kernel cache)";
    static final String STATUS = "status other than 200";
    static final String SET_COOKIE = "response sets a cookie";
    static final String NOT_CAPTURED = "body not captured (streamed, flushed or failed)";
    static final String TOO_LARGE = "larger than maxResponseSize";
    static final String EMPTY = "empty body (kernel cache)";
    static final String NO_STORE = "Cache-Control: no-store or private set by the handler";
    static final String VARY_ALL = "Vary: *";

    /** The kernel cache never holds responses larger than this (reference §6.9). */
    static final long KERNEL_MAX_RESPONSE = 262_144;

    private CacheRules() {
    }

    /**
     * May this request be answered from, or stored in, the cache? {@code authenticated}: a user is set or the
     * request carries {@code Authorization}.
     */
    static String request(String method, String path, String query, String protocol, boolean authenticated,
                          boolean cacheAuthenticated, boolean kernelOnly, Function<String, String> header) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return VERB;
        }
        if (authenticated && (!cacheAuthenticated || kernelOnly)) {
            return AUTHENTICATED;
        }
        if (header.apply("Range") != null || header.apply("If-Range") != null) {
            return RANGE;
        }
        if (path.endsWith("/")) {
            return DIRECTORY;
        }
        return kernelOnly ? kernelRequest(query, protocol, header) : null;
    }

    private static String kernelRequest(String query, String protocol, Function<String, String> header) {
        if (query != null && !query.isEmpty()) {
            return QUERY;
        }
        String length = header.apply("Content-Length");
        if ((length != null && !"0".equals(length.trim())) || header.apply("Transfer-Encoding") != null) {
            return REQUEST_BODY;
        }
        String translate = header.apply("Translate");
        if (translate != null && translate.trim().equalsIgnoreCase("f")) {
            return TRANSLATE;
        }
        if (header.apply("Expect") != null) {
            return EXPECT;
        }
        if (protocol != null && !"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
            return PROTOCOL;
        }
        return null;
    }

    /**
     * May this response be stored? {@code body} is null when it was not captured whole; {@code ownCacheControl} is
     * the {@code Cache-Control} the module itself set from the profile (a handler's own {@code private} or
     * {@code no-store} forbids storing, the profile's does not).
     */
    static String response(int status, Function<String, String> header, byte[] body, long maxResponseSize,
                           boolean kernelOnly, String ownCacheControl) {
        if (status != 200) {
            return STATUS;
        }
        if (header.apply("Set-Cookie") != null || header.apply("Set-Cookie2") != null) {
            return SET_COOKIE;
        }
        if (body == null) {
            return NOT_CAPTURED;
        }
        long limit = kernelOnly ? Math.min(maxResponseSize, KERNEL_MAX_RESPONSE) : maxResponseSize;
        if (body.length > limit) {
            return TOO_LARGE;
        }
        if (kernelOnly && body.length == 0) {
            return EMPTY;
        }
        String cc = header.apply("Cache-Control");
        if (cc != null && !cc.equals(ownCacheControl)) {
            String lower = cc.toLowerCase(Locale.ROOT);
            if (lower.contains("no-store") || lower.contains("private")) {
                return NO_STORE;
            }
        }
        String vary = header.apply("Vary");
        return vary != null && vary.trim().equals("*") ? VARY_ALL : null;
    }
}
