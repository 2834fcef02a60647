package io.stageline.modules.httplogging;

import java.time.ZoneId;

/** The time sources of the log: wall clock for dates and file names, nano time for time-taken. Tests inject one. */
interface LogClock {
    LogClock SYSTEM = new LogClock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public ZoneId zone() {
            return ZoneId.systemDefault();
        }
    };

    long millis();

    /** On the scale of {@link System#nanoTime()}, as {@code RequestContext.requestStartNanos()} is. */
    long nanoTime();

    /** The local time zone, for {@code localTimeRollover}. */
    ZoneId zone();
}
