package io.stageline.modules.httpcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.stageline.api.ModuleSettings;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The in-process store: a Caffeine cache bounded by the total weight of its entries ({@link CachedResponse#weight()},
 * i.e. {@code maxCacheSize} in bytes) with each entry expiring at its own {@code expiresAtMillis}. Maintenance runs on
 * the calling thread, so eviction happens as entries are added rather than on a background pool the application does
 * not know about.
 */
public final class CaffeineResponseStore implements ResponseCacheStore {
    private final LongSupplier clockMillis;
    private Cache<String, CachedResponse> cache;

    public CaffeineResponseStore() {
        this(System::currentTimeMillis);
    }

    /** A store whose per-entry expiry reads {@code clockMillis} (tests). */
    public CaffeineResponseStore(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    @Override
    public void init(long maxCacheBytes, ModuleSettings storeSettings) {
        cache = Caffeine.newBuilder()
                .maximumWeight(maxCacheBytes)
                .weigher((String key, CachedResponse value) -> value.weight())
                .expireAfter(new Expiry<String, CachedResponse>() {
                    @Override
                    public long expireAfterCreate(String key, CachedResponse value, long currentTime) {
                        return lifetime(value);
                    }

                    @Override
                    public long expireAfterUpdate(String key, CachedResponse value, long currentTime,
                                                  long currentDuration) {
                        return lifetime(value);
                    }

                    @Override
                    public long expireAfterRead(String key, CachedResponse value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    private long lifetime(CachedResponse value) {
        if (value.expiresAtMillis() < 0) {
            return Long.MAX_VALUE;
        }
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, value.expiresAtMillis() - clockMillis.getAsLong()));
    }

    @Override
    public CachedResponse get(String key) {
        return cache.getIfPresent(key);
    }

    @Override
    public void put(String key, CachedResponse response) {
        cache.put(key, response);
        cache.cleanUp();
    }

    @Override
    public void remove(String key) {
        cache.invalidate(key);
    }

    @Override
    public long weightedSize() {
        cache.cleanUp();
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(-1)).orElse(-1L);
    }

    @Override
    public void close() {
        cache.invalidateAll();
        cache.cleanUp();
    }
}
