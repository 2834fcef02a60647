package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher ({@code java -jar stageline-samples.jar}) in a process of its own: stdout is read line by line
 * (so a test can wait for the Started line without sleeping), stderr goes to a file, and {@code java.io.tmpdir} is a
 * directory of the test's, so that the test can check that the launcher removed its extracted files.
 */
final class LauncherProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("stageline.samples.jar", "target/stageline-samples.jar"));
    static final long START_TIMEOUT_SECONDS = 30;
    static final long EXIT_TIMEOUT_SECONDS = 30;

    private static final String EOF = "\u0000EOF";
    private static final Pattern STARTED = Pattern.compile("Started (jetty|tomcat) on (http://127\\.0\\.0\\.1:(\\d+)(/.*))");

    private final Process process;
    private final Path stderr;
    private final Path tmpDir;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> stdout = new ArrayList<>();

    private LauncherProcess(Process process, Path stderr, Path tmpDir) {
        this.process = process;
        this.stderr = stderr;
        this.tmpDir = tmpDir;
        Thread reader = new Thread(this::readStdout, "launcher-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the launcher with {@code args}; {@code workDir} (a test's temporary directory) holds its files. */
    static LauncherProcess start(Path workDir, String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: these tests run in the integration-test phase");
        Path tmp = Files.createDirectories(workDir.resolve("java-tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path err = workDir.resolve("stderr-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        return new LauncherProcess(p, err, tmp);
    }

    /** Waits for the Started line and returns the base URL it names (ends with "/"). */
    URI awaitStarted(String container) throws InterruptedException {
        String line = nextLine();
        Matcher m = STARTED.matcher(line == null ? "" : line);
        if (!m.matches() || !m.group(1).equals(container)) {
            fail("expected the Started line for " + container + ", got " + line + "\nstderr:\n" + stderr());
        }
        return URI.create(m.group(2));
    }

    /** The next stdout line, or null at the end of the output; fails after the start timeout. */
    String nextLine() throws InterruptedException {
        String line = lines.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            fail("no output from the launcher within " + START_TIMEOUT_SECONDS + " s; stderr:\n" + stderr());
        }
        return line.equals(EOF) ? null : line;
    }

    /** Sends SIGTERM to the launcher (by its pid) and returns its exit status. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("the launcher (pid " + process.pid() + ") did not exit within " + EXIT_TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

    /** Everything the launcher printed on stdout so far (after it exited: all of it). */
    synchronized List<String> stdout() {
        return List.copyOf(stdout);
    }

    List<String> stderrLines() {
        try {
            return Files.readAllLines(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stderr() {
        return String.join("\n", stderrLines());
    }

    /** The files the launcher left in its temporary directory. */
    List<Path> leftoverTempFiles() throws IOException {
        try (var files = Files.list(tmpDir)) {
            return files.toList();
        }
    }

    /** Kills the launcher if a test left it running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroyForcibly();
            try {
                process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (this) {
                    stdout.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone; the test sees the end of the output
        } finally {
            lines.add(EOF);
        }
    }
}
