package io.stageline.modules.httpcache;

import io.stageline.api.ModuleSettings;

/**
 * Where HttpCache and OutputCache keep responses. The built-in store is in-process ({@link CaffeineResponseStore});
 * another one (a distributed JCache, for instance) is named with {@code caching.store: com.example.MyStore} and needs
 * a public no-argument constructor.
 *
 * <p>The contract:
 * <ul>
 *   <li>Calls come from request threads, concurrently; an implementation MUST be thread-safe and SHOULD NOT block
 *       longer than a network round trip.</li>
 *   <li>The store MAY drop any entry at any time (eviction, expiry, a restart): the cache then simply misses. It MUST
 *       NOT return an entry stored under another key.</li>
 *   <li>{@link CachedResponse} is immutable and {@link java.io.Serializable}; a distributed store can keep it as it is.
 *       The module checks {@link CachedResponse#expired(long)} and the file date itself, so a store without per-entry
 *       expiry is still correct (it only holds dead entries longer).</li>
 *   <li>The store owns its size bound: the module passes {@code maxCacheSize} to {@link #init}; responses larger than
 *       {@code maxResponseSize} never reach it.</li>
 * </ul>
 *
 * <p>A JCache (JSR 107) store, sketched: {@code init} gets a {@code javax.cache.Cache<String, CachedResponse>} from
 * {@code Caching.getCachingProvider().getCacheManager()} (the cache's name and provider settings can come from
 * {@code caching.storeSettings}), {@code get}/{@code put}/{@code remove} call the same methods of that cache, with a
 * {@code CreatedExpiryPolicy} or the provider's own eviction bounding its size, and {@code close} closes the manager.
 */
public interface ResponseCacheStore extends AutoCloseable {

    /**
     * Called once before the first request with the {@code maxCacheSize} in bytes and the {@code storeSettings}
     * map of the {@code caching} section (empty when absent).
     */
    default void init(long maxCacheBytes, ModuleSettings storeSettings) throws Exception {
    }

    /** The entry stored under {@code key}, or null. */
    CachedResponse get(String key);

    /** Stores (or replaces) the entry under {@code key}. */
    void put(String key, CachedResponse response);

    /** Removes the entry under {@code key}, if any. */
    void remove(String key);

    /** The bytes held now by this store (weights), or -1 when it cannot tell. */
    default long weightedSize() {
        return -1;
    }

    /** Releases resources when the application stops or the configuration is reloaded. */
    @Override
    default void close() {
    }
}
