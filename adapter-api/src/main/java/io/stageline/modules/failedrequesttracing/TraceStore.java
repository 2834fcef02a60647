package io.stageline.modules.failedrequesttracing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace directory: {@code fr000001.json} + {@code fr000001.html}, numbered on from the highest number already there,
 * at most {@code maxLogFiles} traces kept (the oldest deleted first). Files are written by one daemon thread; a request
 * only queues its report. When 256 reports wait, new ones are dropped and counted (a warning says so).
 */
final class TraceStore implements AutoCloseable {
    static final int QUEUE_CAPACITY = 256;
    private static final Logger LOG = Logger.getLogger(TraceStore.class.getName());
    private static final Pattern NAME = Pattern.compile("fr(\\d{6,})\\.json");

    private final Path directory;
    private final int maxLogFiles;
    private final long maxChars;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private long next = -1;

    TraceStore(Path directory, int maxLogFiles, long maxLogFileSizeKB) {
        this.directory = directory;
        this.maxLogFiles = maxLogFiles;
        this.maxChars = maxLogFileSizeKB * 1024;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), r -> {
                    Thread t = new Thread(r, "stageline-freb " + directory);
                    t.setDaemon(true);
                    return t;
                }, (r, e) -> {
                    long n = dropped.incrementAndGet();
                    if (n == 1 || n % 100 == 0) {
                        LOG.warning("Stageline FailedRequestTracing: " + n + " traces dropped for " + directory
                                + ": the trace queue was full");
                    }
                });
    }

    /** Queues a report; never blocks. */
    void submit(TraceReport report) {
        executor.execute(() -> write(report));
    }

    long droppedTraces() {
        return dropped.get();
    }

    /** Writes a report now (on the writer thread). */
    void write(TraceReport report) {
        try {
            Files.createDirectories(directory);
            if (next < 0) {
                next = highestNumber() + 1;
            }
            while (true) {
                String id = String.format("fr%06d", next++);
                String json = report.json(id, maxChars);
                try {
                    Files.writeString(directory.resolve(id + ".json"), json, StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                Files.writeString(directory.resolve(id + ".html"),
                        TraceHtml.render(report, id, report.eventsWithin(maxChars)), StandardCharsets.UTF_8);
                break;
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Stageline FailedRequestTracing: cannot write a trace to " + directory, e);
        }
    }

    private long highestNumber() throws IOException {
        List<Long> numbers = numbers();
        return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
    }

    private List<Long> numbers() throws IOException {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "fr*.json")) {
            for (Path p : files) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(Long.parseLong(m.group(1)));
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private void prune() throws IOException {
        List<Long> numbers = numbers();
        for (int i = 0; i < numbers.size() - maxLogFiles; i++) {
            String id = String.format("fr%06d", numbers.get(i));
            Files.deleteIfExists(directory.resolve(id + ".json"));
            Files.deleteIfExists(directory.resolve(id + ".html"));
        }
    }

    /** Writes every queued report, then stops the writer thread (waits up to 10 s). */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warning("Stageline FailedRequestTracing: traces still queued for " + directory + " after 10 s");
        }
    }
}
