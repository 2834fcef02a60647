package io.stageline.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a {@code java.util.logging} logger (and its children) writes, formatted, until closed. Holds the
 * logger strongly so the handler is not lost to garbage collection.
 */
public final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
    }

    /** Starts capturing {@code loggerName}. */
    public static CapturedLog of(String loggerName) {
        CapturedLog log = new CapturedLog(Logger.getLogger(loggerName));
        log.logger.addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message != null && params != null && params.length > 0) {
            message = java.text.MessageFormat.format(message, params);
        }
        lines.add(message);
        if (record.getThrown() != null) {
            lines.add(String.valueOf(record.getThrown()));
        }
    }

    /** Every captured message so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** Every captured message, one per line. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
