package io.stageline.modules.httplogging;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log directory's writer: a bounded queue filled by request threads and one daemon thread that owns the files.
 * Request threads never touch the disk and never wait: {@link #offer} drops the line and counts it when the queue is
 * full; the writer thread then reports the count in the log itself ({@code #Remark:}) and as a warning.
 *
 * <p>The writer works in batches: it wakes every {@value #BATCH_MILLIS} ms (or at once when the queue is half full, or
 * for a {@link #flush} or {@link #close}), writes everything queued and flushes the file once. Request threads do not
 * wake it per line: waking a parked thread for every request measured 4 % of a 1 KB static file's server CPU, and
 * writing and flushing per line costs a system call per request. A line therefore reaches the file at most
 * {@value #BATCH_MILLIS} ms after its request ended (IIS buffers its logs for up to a minute).
 *
 * <p>The writer switches files when a line belongs to another file (daily rollover) and writes the header directives
 * ({@code #Software}, {@code #Version}, {@code #Date}, {@code #Fields}) whenever it starts a file, reopens one, or the
 * fields change. Lines end with CRLF, as IIS writes them. {@link #close()} writes everything queued, flushes and closes.
 */
final class LogWriter implements Runnable {
    private static final Logger LOG = Logger.getLogger(LogWriter.class.getName());
    private static final String CRLF = "\r\n";
    /** How long the writer sleeps when the queue is empty. */
    static final long BATCH_MILLIS = 100;

    /** A queued line, or (line == null) a flush barrier / the stop mark. */
    record Entry(String file, String software, String fields, long millis, String line, CountDownLatch done) {
    }

    private final Path directory;
    private final BlockingQueue<Entry> queue;
    /** Lines queued since the writer last drained (approximate); at {@link #wakeAt} a request thread wakes it. */
    private final AtomicInteger pending = new AtomicInteger();
    private final int wakeAt;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedTotal = new AtomicLong();
    private final List<CountDownLatch> barriers = new ArrayList<>();
    private final Entry stop = new Entry(null, null, null, 0, null, new CountDownLatch(1));
    private volatile Thread thread;
    private Writer out;
    private String currentFile;
    private String currentFields;
    private String currentSoftware;
    private long failures;
    int references;

    LogWriter(Path directory, int capacity) {
        this.directory = directory;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.wakeAt = Math.max(1, capacity / 2);
    }

    Path directory() {
        return directory;
    }

    synchronized LogWriter start() {
        if (thread == null) {
            thread = new Thread(this, "stageline-w3c-log " + directory);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Queues a line; false (and counted) when the queue is full. Never blocks. */
    boolean offer(Entry e) {
        if (queue.offer(e)) {
            if (pending.incrementAndGet() == wakeAt) {
                wake();
            }
            return true;
        }
        dropped.incrementAndGet();
        droppedTotal.incrementAndGet();
        return false;
    }

    /** Lines dropped since the writer started because the queue was full. */
    long droppedLines() {
        return droppedTotal.get();
    }

    /** Waits until every line queued before this call is written and flushed (at most {@code timeoutMillis}). */
    boolean flush(long timeoutMillis) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        if (!queue.offer(new Entry(null, null, null, 0, null, latch), timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        wake();
        return latch.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes everything queued, flushes, closes the file and ends the thread (waits up to {@code timeoutMillis}). */
    void close(long timeoutMillis) throws InterruptedException {
        if (queue.offer(stop, timeoutMillis, TimeUnit.MILLISECONDS)) {
            wake();
            stop.done().await(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        Thread t = thread;
        if (t != null) {
            t.join(timeoutMillis);
        }
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        List<Entry> batch = new ArrayList<>();
        while (true) {
            pending.set(0);
            if (queue.drainTo(batch) == 0) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS));
                if (Thread.interrupted()) {
                    closeFile();
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            boolean stopping = false;
            for (int i = 0; i < batch.size() && !stopping; i++) {
                stopping = process(batch.get(i));
            }
            batch.clear();
            flushFile();
            if (stopping) {
                closeFile();
                stop.done().countDown();
                return;
            }
            releaseBarriers();
        }
    }

    /** Returns true for the stop mark. */
    private boolean process(Entry e) {
        if (e == stop) {
            return true;
        }
        if (e.line() == null) {
            barriers.add(e.done());
            return false;
        }
        try {
            write(e);
        } catch (IOException io) {
            failures++;
            if (failures == 1 || failures % 1000 == 0) {
                LOG.log(Level.WARNING, "Stageline HttpLogging: cannot write to " + directory.resolve(e.file())
                        + " (" + failures + " lines lost so far)", io);
            }
            closeFile();
        }
        return false;
    }

    private void releaseBarriers() {
        for (CountDownLatch l : barriers) {
            l.countDown();
        }
        barriers.clear();
    }

    private void write(Entry e) throws IOException {
        boolean header = false;
        if (out == null || !e.file().equals(currentFile)) {
            closeFile();
            Files.createDirectories(directory);
            out = Files.newBufferedWriter(directory.resolve(e.file()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            currentFile = e.file();
            header = true;
        }
        if (header || !e.fields().equals(currentFields) || !e.software().equals(currentSoftware)) {
            out.write("#Software: " + e.software() + CRLF + "#Version: 1.0" + CRLF + "#Date: "
                    + W3cFormat.dateTime(e.millis()) + CRLF + "#Fields: " + e.fields() + CRLF);
            currentFields = e.fields();
            currentSoftware = e.software();
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            out.write("#Remark: Stageline dropped " + lost + " log line" + (lost == 1 ? "" : "s")
                    + ": the log queue was full" + CRLF);
            LOG.warning("Stageline HttpLogging: dropped " + lost + " log lines for " + directory
                    + ": the log queue was full (the disk is slower than the request rate)");
        }
        out.write(e.line());
        out.write(CRLF);
    }

    private void flushFile() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException io) {
                LOG.log(Level.WARNING, "Stageline HttpLogging: cannot flush " + directory.resolve(currentFile), io);
                closeFile();
            }
        }
    }

    private void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException io) {
                LOG.log(Level.WARNING, "Stageline HttpLogging: cannot close " + directory.resolve(currentFile), io);
            }
            out = null;
            currentFile = null;
            currentFields = null;
        }
        releaseBarriers();
    }
}
