package io.stageline.modules.httpcache;

import java.io.Serializable;
import java.util.List;

/**
 * A stored response: status, headers (without {@code Content-Length} and hop-by-hop headers), body, and what decides
 * its validity. Immutable and {@link Serializable}, so a distributed store can keep it as it is.
 *
 * @param status           the status code (200)
 * @param headers          the response headers in order, repeated names as separate entries
 * @param body             the body as sent, after response filters; never modified
 * @param storedAtMillis   when it was stored (epoch milliseconds)
 * @param expiresAtMillis  when it expires (epoch milliseconds), or -1 for "until the file changes or eviction"
 * @param fileLastModified the last-modified time of the file behind the URL when stored (CacheUntilChange), or -1
 */
public record CachedResponse(int status, List<Header> headers, byte[] body, long storedAtMillis, long expiresAtMillis,
                             long fileLastModified) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One response header. */
    public record Header(String name, String value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public CachedResponse {
        headers = List.copyOf(headers);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The bytes this entry costs a size-bounded store: the body plus an estimate for the headers. */
    public int weight() {
        long w = 64L + body.length;
        for (Header h : headers) {
            w += 32L + 2L * (h.name().length() + h.value().length());
        }
        return (int) Math.min(Integer.MAX_VALUE, w);
    }

    /** True when the entry is past its expiry at {@code nowMillis}. */
    public boolean expired(long nowMillis) {
        return expiresAtMillis >= 0 && nowMillis >= expiresAtMillis;
    }
}
