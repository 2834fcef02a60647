package io.stageline.modules.httpcache;

import java.time.Duration;

/**
 * A profile's {@code location}: where the response may be cached, with ASP.NET {@code OutputCacheLocation} semantics.
 * It decides whether the server keeps a copy and which {@code Cache-Control} header the client gets.
 */
public enum CacheLocation {
    /** Server, proxies and browsers: {@code public, max-age}. */
    ANY("Any", true, "public"),
    /** Browsers only: {@code private, max-age}; the server keeps no copy. */
    CLIENT("Client", false, "private"),
    /** Proxies and browsers: {@code public, max-age}; the server keeps no copy. */
    DOWNSTREAM("Downstream", false, "public"),
    /** The default: the server keeps a copy; clients must revalidate ({@code no-cache}). */
    SERVER("Server", true, null),
    /** Nobody caches: {@code no-cache}, no server copy. */
    NONE("None", false, null),
    /** Server and browsers, not shared proxies: {@code private, max-age}. */
    SERVER_AND_CLIENT("ServerAndClient", true, "private");

    private final String configName;
    private final boolean server;
    private final String visibility;

    CacheLocation(String configName, boolean server, String visibility) {
        this.configName = configName;
        this.server = server;
        this.visibility = visibility;
    }

    /** True when the server keeps a copy of the response. */
    public boolean serverCaches() {
        return server;
    }

    /**
     * The {@code Cache-Control} value for a response cached under this location, {@code maxAge} null when unknown
     * (CacheUntilChange).
     */
    public String cacheControl(Duration maxAge) {
        if (visibility == null) {
            return "no-cache";
        }
        return maxAge == null ? visibility : visibility + ", max-age=" + maxAge.toSeconds();
    }

    public String configName() {
        return configName;
    }

    static CacheLocation parse(String key, String value) {
        for (CacheLocation l : values()) {
            if (l.configName.equalsIgnoreCase(value.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("setting '" + key + "' is '" + value + "', expected one of Any, Client, "
                + "Downstream, Server, None, ServerAndClient");
    }
}
