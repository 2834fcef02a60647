package io.stageline.modules.httpcache;

import io.stageline.api.RequestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Copies a response into a {@link CachedResponse}, and writes a cached one back (304 when the client has it). */
final class CachedReplay {
    /** Headers never stored: recomputed for each response, or hop-by-hop. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date", "set-cookie", "set-cookie2");

    private CachedReplay() {
    }

    static List<CachedResponse.Header> headers(List<String[]> pairs) {
        List<CachedResponse.Header> out = new java.util.ArrayList<>(pairs.size());
        for (String[] p : pairs) {
            if (p[1] != null && !NOT_STORED.contains(p[0].toLowerCase(Locale.ROOT))) {
                out.add(new CachedResponse.Header(p[0], p[1]));
            }
        }
        return out;
    }

    /** Writes {@code entry} as the response; HEAD gets the headers only. */
    static void serve(RequestContext ctx, CachedResponse entry) throws IOException {
        boolean notModified = notModified(ctx, entry);
        ctx.setStatus(notModified ? 304 : entry.status());
        Set<String> seen = new HashSet<>();
        for (CachedResponse.Header h : entry.headers()) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            if ("content-type".equals(lower)) {
                if (!notModified) {
                    ctx.setContentType(h.value());
                }
            } else if (seen.add(lower)) {
                ctx.setResponseHeader(h.name(), h.value());
            } else {
                ctx.addResponseHeader(h.name(), h.value());
            }
        }
        if (notModified) {
            return;
        }
        ctx.setResponseHeader("Content-Length", Integer.toString(entry.body().length));
        if (!"HEAD".equals(ctx.method()) && entry.body().length > 0) {
            OutputStream out = ctx.responseBody();
            out.write(entry.body());
            out.flush();
        }
    }

    /** RFC 9110 §13.1: If-None-Match decides when present, else If-Modified-Since against Last-Modified. */
    static boolean notModified(RequestContext ctx, CachedResponse entry) {
        String inm = ctx.requestHeader("If-None-Match");
        String etag = entry.header("ETag");
        if (inm != null) {
            return etag != null && etagMatches(inm, etag);
        }
        String ims = ctx.requestHeader("If-Modified-Since");
        String lastModified = entry.header("Last-Modified");
        if (ims == null || lastModified == null) {
            return false;
        }
        try {
            ZonedDateTime since = ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime modified = ZonedDateTime.parse(lastModified.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean etagMatches(String header, String etag) {
        String opaque = weakless(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if ("*".equals(c) || weakless(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String weakless(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
