package io.stageline.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a path is in the application's resources (file, directory, nothing), remembered for a short time: the port of
 * IIS's file cache, whose metadata entries live for {@code ObjectCacheTTL}. Handler selection, StaticFile,
 * DefaultDocument and DirectoryListing ask for every request; without the cache each answer is a trip to the
 * container's resource layer and the file system (Tomcat canonicalises the real path, Jetty resolves and checks for
 * aliases, then one stat), which measured 15-25 % of the server's CPU for a 1 KB file.
 *
 * <p>Entries expire {@code ttl} after they were looked up, so a file created, deleted or replaced by a directory is
 * seen at most {@code ttl} late (Tomcat's own resource cache keeps answers for 5 s, IIS's for 30 s). Missing paths are
 * remembered too, so a flood of 404 requests costs no more file-system calls than a flood of hits. The cache holds at
 * most {@value #MAX_ENTRIES} paths (least recently and least frequently used go first). A zero {@code ttl} turns it
 * off: every question goes to the container.
 *
 * <p>One per compiled pipeline (one application); a reload starts empty. Thread-safe, lock-free on hits.
 */
public final class ResourceKindCache {
    /** The number of paths remembered at most. */
    public static final int MAX_ENTRIES = 10_000;
    /** The time-to-live when the configuration does not say ({@code caching.fileCacheTtl}). */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    private static final ResourceKindCache OFF = new ResourceKindCache(null, Duration.ZERO);

    private final Cache<String, ResourceKind> cache;
    private final Duration ttl;

    private ResourceKindCache(Cache<String, ResourceKind> cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    /** A cache whose entries live {@code ttl}; zero (or negative) = no cache. */
    public static ResourceKindCache of(Duration ttl) {
        return of(ttl, Ticker.systemTicker());
    }

    /** As {@link #of(Duration)} with the clock given (tests). */
    static ResourceKindCache of(Duration ttl, Ticker ticker) {
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            return OFF;
        }
        Cache<String, ResourceKind> c = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                // maintenance (eviction, expiry) runs on the calling thread: no work handed to the common pool of
                // a container that may restrict it, and nothing left running after the application stops
                .executor(Runnable::run)
                .build();
        return new ResourceKindCache(c, ttl);
    }

    /** The remembered kind of {@code path}, or {@code lookup}'s answer (then remembered). */
    public ResourceKind kind(String path, Function<String, ResourceKind> lookup) {
        return kind(path, lookup, Function::apply);
    }

    /**
     * As {@link #kind(String, Function)}, with what the lookup needs passed along, so that callers can hand over a
     * non-capturing method reference and a request allocates nothing here.
     */
    public <C> ResourceKind kind(String path, C context, BiFunction<C, String, ResourceKind> lookup) {
        if (cache == null) {
            return lookup.apply(context, path);
        }
        ResourceKind k = cache.getIfPresent(path);
        if (k == null) {
            k = lookup.apply(context, path);
            cache.put(path, k);
        }
        return k;
    }

    /** How long an answer is kept; zero when the cache is off. */
    public Duration ttl() {
        return ttl;
    }

    /** Forgets every answer (a deployment changed files and wants them seen at once). */
    public void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /** The number of paths remembered now (approximate while requests run). */
    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** Runs pending eviction now (tests). */
    void cleanUp() {
        if (cache != null) {
            cache.cleanUp();
        }
    }
}
