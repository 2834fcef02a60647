package io.stageline.modules.requestfiltering;

import io.stageline.api.RequestContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiled request-filtering settings of one location, and the checks, in the order and on the URL forms that
 * {@code docs/request-filtering.md} documents (reference §6.4's Port line):
 * <ol>
 *   <li>double escaping (404.11) and high-bit characters (404.12): the raw URL path;</li>
 *   <li>size limits: Content-Length (413.1), raw URL path length (404.14), raw query-string length (404.15), header
 *       sizes (431);</li>
 *   <li>verbs (404.6): the method, case-sensitive;</li>
 *   <li>file extensions (404.7): the last segment of the canonical (decoded) path, case-insensitive;</li>
 *   <li>hidden segments (404.8): every segment of the canonical path, whole segments, case-insensitive;</li>
 *   <li>URL sequences (404.5): the raw URL path without the context path, unless it is an always-allowed URL; query
 *       string sequences (404.18): the raw query string and, with {@code unescapeQueryString}, its decoded form,
 *       unless it is an always-allowed query string;</li>
 *   <li>filtering rules (404.19), in list order.</li>
 * </ol>
 * The first failing check decides. Immutable; shared by all requests.
 */
final class FilteringRules {
    private static final String[] NO_STRINGS = new String[0];

    final boolean allowDoubleEscaping;
    final boolean allowHighBitCharacters;
    final boolean unescapeQueryString;
    final boolean removeServerHeader;
    final boolean legacyStatusCodes;
    final long maxAllowedContentLength;
    final long maxUrl;
    final long maxQueryString;
    private final String[] limitedHeaders;
    private final int[] headerSizeLimits;
    private final boolean allowUnlistedVerbs;
    private final Map<String, Boolean> verbs;
    private final Extensions extensions;
    private final String[] hiddenSegments;
    private final String[] denyUrlSequences;
    private final String[] alwaysAllowedUrls;
    private final String[] denyQueryStringSequences;
    private final Set<String> alwaysAllowedQueryStrings;
    private final FilteringRule[] rules;
    private final String[][] ruleStrings;

    FilteringRules(FilteringSettings s) {
        this.allowDoubleEscaping = s.allowDoubleEscaping;
        this.allowHighBitCharacters = s.allowHighBitCharacters;
        this.unescapeQueryString = s.unescapeQueryString;
        this.removeServerHeader = s.removeServerHeader;
        this.legacyStatusCodes = s.legacyStatusCodes;
        this.maxAllowedContentLength = s.maxAllowedContentLength;
        this.maxUrl = s.maxUrl;
        this.maxQueryString = s.maxQueryString;
        this.limitedHeaders = s.headerLimits.keySet().toArray(NO_STRINGS);
        this.headerSizeLimits = s.headerLimits.values().stream().mapToInt(Integer::intValue).toArray();
        this.allowUnlistedVerbs = s.allowUnlistedVerbs;
        this.verbs = Map.copyOf(s.verbs);
        this.extensions = new Extensions(s.allowUnlistedExtensions, s.extensions);
        this.hiddenSegments = s.hiddenSegments.toArray(NO_STRINGS);
        this.denyUrlSequences = s.denyUrlSequences.toArray(NO_STRINGS);
        this.alwaysAllowedUrls = s.alwaysAllowedUrls.toArray(NO_STRINGS);
        this.denyQueryStringSequences = s.denyQueryStringSequences.toArray(NO_STRINGS);
        this.alwaysAllowedQueryStrings = Set.copyOf(s.alwaysAllowedQueryStrings);
        this.rules = s.filteringRules.toArray(new FilteringRule[0]);
        this.ruleStrings = new String[rules.length][];
        for (int i = 0; i < rules.length; i++) {
            ruleStrings[i] = rules[i].denyStrings().toArray(NO_STRINGS);
        }
    }

    /** Runs the checks in order; returns the first denial (after tracing why), or null when the request passes. */
    Denial check(RequestContext ctx) {
        String raw = ctx.rawUri() == null ? "" : ctx.rawUri();
        int end = raw.indexOf('?');
        end = end < 0 ? raw.length() : end;
        if (!allowDoubleEscaping && doubleEscaped(raw, end)) {
            return deny(ctx, Denial.DOUBLE_ESCAPED, "the URL changes when decoded a second time, or has a '+'");
        }
        if (!allowHighBitCharacters && highBit(raw, end)) {
            return deny(ctx, Denial.HIGH_BIT, "the URL has non-ASCII characters");
        }
        Denial d = limits(ctx, end);
        if (d != null) {
            return d;
        }
        Boolean verb = verbs.get(ctx.method());
        if (verb == null ? !allowUnlistedVerbs : !verb) {
            return deny(ctx, Denial.VERB, "verb '" + ctx.method() + "'" + (verb == null ? " is not listed" : ""));
        }
        String path = ctx.path();
        if (!extensions.allows(path)) {
            String ext = extensions.match(path);
            return deny(ctx, Denial.EXTENSION, ext == null ? "the extension is not listed" : "extension '" + ext + "'");
        }
        String hidden = hiddenSegment(path);
        if (hidden != null) {
            return deny(ctx, Denial.HIDDEN_SEGMENT, "segment '" + hidden + "'");
        }
        return sequencesAndRules(ctx, raw, end, path);
    }

    private Denial limits(RequestContext ctx, int urlLength) {
        String cl = ctx.requestHeader("Content-Length");
        if (cl != null && !withinLimit(cl, maxAllowedContentLength)) {
            return deny(ctx, Denial.CONTENT_LENGTH, "Content-Length " + cl + " > " + maxAllowedContentLength);
        }
        if (urlLength > maxUrl) {
            return deny(ctx, Denial.URL_LENGTH, "URL length " + urlLength + " > " + maxUrl);
        }
        String q = ctx.queryString();
        if (q != null && q.length() > maxQueryString) {
            return deny(ctx, Denial.QUERY_LENGTH, "query string length " + q.length() + " > " + maxQueryString);
        }
        for (int i = 0; i < limitedHeaders.length; i++) {
            List<String> values = ctx.requestHeaders(limitedHeaders[i]);
            long size = values.isEmpty() ? 0 : 2L * (values.size() - 1);
            for (String v : values) {
                size += v.length();
            }
            if (size > headerSizeLimits[i]) {
                return deny(ctx, Denial.HEADER_LENGTH, "header " + limitedHeaders[i] + " is " + size + " bytes > "
                        + headerSizeLimits[i]);
            }
        }
        return null;
    }

    private Denial sequencesAndRules(RequestContext ctx, String raw, int end, String path) {
        String cp = ctx.contextPath() == null ? "" : ctx.contextPath();
        int start = raw.startsWith(cp) && (end == cp.length() || raw.charAt(cp.length()) == '/') ? cp.length() : 0;
        if (denyUrlSequences.length > 0 && !alwaysAllowedUrl(raw, start, end)) {
            String seq = Scan.firstFound(raw, start, end, denyUrlSequences);
            if (seq != null) {
                return deny(ctx, Denial.URL_SEQUENCE, "sequence '" + seq + "'");
            }
        }
        String query = ctx.queryString();
        boolean scansQuery = denyQueryStringSequences.length > 0 || rules.length > 0;
        String unescaped = query == null || !unescapeQueryString || !scansQuery ? null : Scan.unescapeQuery(query);
        if (query != null && denyQueryStringSequences.length > 0 && !alwaysAllowedQueryStrings.contains(query)) {
            String seq = Scan.firstFound(query, 0, query.length(), denyQueryStringSequences);
            if (seq == null && unescaped != null) {
                seq = Scan.firstFound(unescaped, 0, unescaped.length(), denyQueryStringSequences);
            }
            if (seq != null) {
                return deny(ctx, Denial.QUERY_SEQUENCE, "sequence '" + seq + "'");
            }
        }
        for (int i = 0; i < rules.length; i++) {
            String why = ruleMatch(ctx, rules[i], ruleStrings[i], raw, end, path, query, unescaped);
            if (why != null) {
                return deny(ctx, Denial.RULE, "rule '" + rules[i].name() + "': " + why);
            }
        }
        return null;
    }

    private static String ruleMatch(RequestContext ctx, FilteringRule rule, String[] strings, String raw, int end,
                                    String path, String query, String unescaped) {
        if (!rule.appliesTo(path)) {
            return null;
        }
        if (rule.denyUnescapedPercent() && ((rule.scanUrl() && Scan.hasUnescapedPercent(raw, 0, end))
                || (rule.scanQueryString() && query != null && Scan.hasUnescapedPercent(query, 0, query.length())))) {
            return "an unescaped '%'";
        }
        if (strings.length == 0) {
            return null;
        }
        String s = null;
        if (rule.scanUrl()) {
            s = first(Scan.firstFound(raw, 0, end, strings), path, strings);
        }
        if (s == null && rule.scanQueryString() && query != null) {
            s = first(Scan.firstFound(query, 0, query.length(), strings), unescaped, strings);
        }
        for (int h = 0; s == null && h < rule.scanHeaders().size(); h++) {
            s = inValues(ctx.requestHeaders(rule.scanHeaders().get(h)), strings);
        }
        if (s == null && rule.scanAllRaw()) {
            s = inAllHeaders(ctx, strings);
        }
        return s == null ? null : "deny string '" + s + "'";
    }

    private static String first(String found, String alsoScan, String[] strings) {
        return found != null || alsoScan == null ? found : Scan.firstFound(alsoScan, 0, alsoScan.length(), strings);
    }

    private static String inValues(List<String> values, String[] strings) {
        for (String v : values) {
            String s = Scan.firstFound(v, 0, v.length(), strings);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String inAllHeaders(RequestContext ctx, String[] strings) {
        Collection<String> names = ctx.requestHeaderNames();
        for (String name : names) {
            String s = Scan.firstFound(name, 0, name.length(), strings);
            if (s == null) {
                s = inValues(ctx.requestHeaders(name), strings);
            }
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private boolean alwaysAllowedUrl(String raw, int start, int end) {
        for (String url : alwaysAllowedUrls) {
            if (url.length() == end - start && raw.regionMatches(start, url, 0, url.length())) {
                return true;
            }
        }
        return false;
    }

    private String hiddenSegment(String path) {
        int segStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                int len = i - segStart;
                for (String h : hiddenSegments) {
                    if (h.length() == len && path.regionMatches(true, segStart, h, 0, len)) {
                        return h;
                    }
                }
                segStart = i + 1;
            }
        }
        return null;
    }

    /** An unencoded '+', an escape of '%' or '+', or a '%' that is not a valid escape: a second decoding differs. */
    static boolean doubleEscaped(String raw, int end) {
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                return true;
            }
            if (c == '%') {
                int b = Scan.escapeAt(raw, i, end);
                if (b < 0 || b == '%' || b == '+') {
                    return true;
                }
            }
        }
        return false;
    }

    /** A raw non-ASCII character, or an escape of a byte above 0x7F. */
    static boolean highBit(String raw, int end) {
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c > 0x7f || (c == '%' && Scan.escapeAt(raw, i, end) > 0x7f)) {
                return true;
            }
        }
        return false;
    }

    /** A Content-Length that is not a plain non-negative number counts as too large (fail closed). */
    private static boolean withinLimit(String contentLength, long max) {
        String v = contentLength.trim();
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(v) <= max;
    }

    private Denial deny(RequestContext ctx, Denial d, String why) {
        if (ctx.trace().enabled()) {
            ctx.trace().write("RequestFiltering", "REQUEST_FILTERING_DENIED " + d.code(legacyStatusCodes) + " "
                    + d.setting() + ": " + why);
        }
        return d;
    }
}
