package io.stageline.modules.httpcache;

/** A profile's {@code policy} / {@code kernelCachePolicy} (reference §6.9). */
public enum CachePolicy {
    /** The default: the server does not cache; no {@code Cache-Control} is added. */
    DONT_CACHE("DontCache"),
    /** Cached until the file behind the URL changes (its last-modified time); only for paths that are files. */
    CACHE_UNTIL_CHANGE("CacheUntilChange"),
    /** Cached for the profile's {@code duration}. */
    CACHE_FOR_TIME_PERIOD("CacheForTimePeriod"),
    /** Caching explicitly off for this extension (stops a later, more general profile from applying). */
    DISABLE_CACHE("DisableCache");

    private final String configName;

    CachePolicy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** True for the policies that store responses. */
    public boolean caches() {
        return this == CACHE_UNTIL_CHANGE || this == CACHE_FOR_TIME_PERIOD;
    }

    static CachePolicy parse(String key, String value) {
        for (CachePolicy p : values()) {
            if (p.configName.equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("setting '" + key + "' is '" + value + "', expected one of DontCache, "
                + "CacheUntilChange, CacheForTimePeriod, DisableCache");
    }

    @Override
    public String toString() {
        return configName;
    }
}
