package io.stageline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM this test started itself ({@code java} directly, no wrapper script), so its own pid is what is stopped:
 * {@link Process#destroy()} (SIGTERM: the servers' shutdown hooks stop them cleanly), then
 * {@link Process#destroyForcibly()} after a deadline. Console output goes to {@code console.log} in its directory.
 */
final class ServerProcess implements ServerUnderTest {
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path console;
    private final URI app;
    private final Path tmp;

    private ServerProcess(Process process, Path console, URI app, Path tmp) {
        this.process = process;
        this.console = console;
        this.app = app;
        this.tmp = tmp;
    }

    /**
     * Starts {@code command} in {@code dir} (whose JVM uses {@code tmp} as {@code java.io.tmpdir}) and returns once
     * {@code root} serves {@code probe}, {@code "<context>/<file>"}, with a 200 (the application is deployed, not only
     * the port open); that context is {@link #app()}. Stops the process and throws, with its console, otherwise.
     */
    static ServerProcess start(List<String> command, Path dir, URI root, String probe, Path tmp) throws IOException {
        Path console = dir.resolve("console.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile()).start();
        URI app = root.resolve(probe.substring(0, probe.indexOf('/') + 1));
        ServerProcess server = new ServerProcess(process, console, app, tmp);
        try {
            server.awaitServing(root.resolve(probe));
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw new IllegalStateException("the server did not serve " + root.resolve(probe) + ": " + e
                    + "\n--- console ---\n" + server.console(), e);
        }
        return server;
    }

    /** Runs a short command in {@code dir} to its end (e.g. Jetty's {@code --add-modules}); fails unless it exits 0. */
    static void run(List<String> command, Path dir, String logName) throws IOException, InterruptedException {
        Path log = dir.resolve(logName);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(START_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(command + " did not finish:\n" + text(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
                    + text(log));
        }
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private void awaitServing(URI probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                if (PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 within " + START_DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    @Override
    public URI app() {
        return app;
    }

    @Override
    public Path tmp() {
        return tmp;
    }

    @Override
    public String console() {
        try {
            return text(console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
    }
}
