package io.stageline.modules.httplogging;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The open log writers, one per directory and JVM, shared by every pipeline that logs there: several applications of
 * one container, and the old and new pipeline of a reload, append to the same daily file through one thread, so lines
 * never interleave mid-line and the file has one owner. Reference-counted: the last release drains and closes.
 *
 * <p>This is the one piece of static state of the logging module, on purpose: the directory is a JVM-wide resource.
 */
final class LogWriters {
    /** Lines a directory's queue holds before new lines are dropped (and counted). */
    static final int QUEUE_CAPACITY = 16_384;
    /** How long a close or flush waits for the writer thread. */
    static final long DRAIN_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = Logger.getLogger(LogWriters.class.getName());
    private static final Map<Path, LogWriter> OPEN = new HashMap<>();

    private LogWriters() {
    }

    static LogWriter acquire(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        synchronized (OPEN) {
            LogWriter w = OPEN.get(key);
            if (w == null) {
                w = new LogWriter(key, QUEUE_CAPACITY).start();
                OPEN.put(key, w);
            }
            w.references++;
            return w;
        }
    }

    /** Releases one reference: the last one drains, flushes and closes; the others wait until their lines are out. */
    static void release(LogWriter w) throws InterruptedException {
        boolean last;
        synchronized (OPEN) {
            w.references--;
            last = w.references == 0;
            if (last) {
                OPEN.remove(w.directory());
            }
        }
        if (last) {
            w.close(DRAIN_TIMEOUT_MILLIS);
        } else if (!w.flush(DRAIN_TIMEOUT_MILLIS)) {
            LOG.warning("Stageline HttpLogging: the log writer for " + w.directory() + " did not flush in time");
        }
    }
}
