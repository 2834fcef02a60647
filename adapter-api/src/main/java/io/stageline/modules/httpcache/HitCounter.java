package io.stageline.modules.httpcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The cache-worthiness rule (reference §6.9, IIS {@code serverRuntime frequentHitThreshold / frequentHitTimePeriod}):
 * a response is worth storing once its key was requested at least {@code threshold} times within {@code period}
 * (counting this request). The window starts at the first request and is started again by the first request after it
 * ended. A threshold of 1 stores on the first request. The counters live in a bounded cache of their own, so keys seen
 * once do not accumulate.
 */
final class HitCounter {
    private static final long MAX_TRACKED_KEYS = 100_000;

    private final int threshold;
    private final long periodMillis;
    private final Cache<String, Window> windows;

    private static final class Window {
        long start;
        int count;
    }

    HitCounter(int threshold, Duration period) {
        if (threshold < 1) {
            throw new IllegalArgumentException("setting 'frequentHitThreshold' must be at least 1");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("setting 'frequentHitTimePeriod' must be positive");
        }
        this.threshold = threshold;
        this.periodMillis = period.toMillis();
        this.windows = threshold == 1 ? null : Caffeine.newBuilder().maximumSize(MAX_TRACKED_KEYS)
                .executor(Runnable::run).build();
    }

    /** Counts a request for {@code key} at {@code nowMillis}; true when the key is now worth storing. */
    boolean hit(String key, long nowMillis) {
        if (windows == null) {
            return true;
        }
        Window w = windows.asMap().compute(key, (k, old) -> {
            Window cur = old;
            if (cur == null || nowMillis - cur.start >= periodMillis || nowMillis < cur.start) {
                cur = new Window();
                cur.start = nowMillis;
            }
            cur.count++;
            return cur;
        });
        return w.count >= threshold;
    }
}
