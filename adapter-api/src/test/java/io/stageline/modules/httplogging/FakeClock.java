package io.stageline.modules.httplogging;

import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves by hand. */
final class FakeClock implements LogClock {
    volatile long millis;
    volatile long nanos = 1_000_000_000_000L;
    ZoneId zone = ZoneId.of("UTC");

    FakeClock(String instant) {
        set(instant);
    }

    void set(String instant) {
        millis = Instant.parse(instant).toEpochMilli();
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }
}
