package io.stageline.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.ToIntFunction;

/**
 * {@code java -jar stageline-samples.jar}: runs the bundled sample, or any exploded web application, on embedded Jetty
 * or Tomcat on 127.0.0.1 with Stageline installed, prints {@code Started <container> on <url>} when it is ready and
 * stops cleanly (exit status 0) on SIGTERM or Ctrl+C.
 *
 * <p>The launcher itself never touches a servlet class. It opens the {@link Bundle}, creates the container's class
 * loader and hands the run to the container's starter class, which it knows only through JDK types: a public no-arg
 * constructor, {@code ToIntFunction<Map<String, String>>} (start with these settings, return the bound port; the keys
 * are those of {@link LaunchOptions#starterSettings}) and {@link AutoCloseable} (stop).
 *
 * <p>Exit status: 2 for a command line, web application or port that cannot be used (one line on stderr), 1 for an
 * invalid pipeline configuration (every problem on stderr) or any other start failure.
 */
public final class Launcher {
    static final String PREFIX = "stageline-samples: ";
    static final String HOST = "127.0.0.1";

    /** The bundled sample's pages: path under the base URL, what it shows. */
    private static final String[][] SAMPLE_PAGES = {
        {"", "the home page: a static file through the pipeline"},
        {"docs/", "a folder's default document"},
        {"hello", "a legacy servlet declared in WEB-INF/web.xml"},
        {"missing.html", "a missing file: Stageline's 404.0 error page"},
    };

    private final LaunchOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Bundle bundle;
    private volatile AutoCloseable starter;
    private Thread shutdownHook;

    Launcher(LaunchOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (UsageException e) {
            System.err.println(PREFIX + e.getMessage());
            System.exit(Failure.USAGE);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        Launcher launcher = new Launcher(options, System.out, System.err);
        Failure failure = launcher.start();
        if (failure != null) {
            System.exit(failure.status());
        }
        // Tomcat's threads are daemons: this thread keeps the JVM up until the shutdown hook has stopped the server.
        launcher.stopped.await();
    }

    /** Starts the container and prints the Started line; on failure cleans up, reports and returns why. */
    Failure start() {
        try {
            checkPortFree();
            printNotes();
            String bundled = options.webapp() != null ? null
                    : options.sample() != null ? options.sample().bundlePath() : Bundle.SAMPLE_WEBAPP + "/";
            bundle = Bundle.open(options.container(), bundled);
            shutdownHook = new Thread(this::shutdown, "stageline-samples-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            Path webapp = bundled == null ? options.webapp() : bundle.webapp(bundled);
            Map<String, String> settings = options.starterSettings(webapp, bundle.workDir());
            printStarted(startContainer(settings), settings.getOrDefault("effectiveMode", options.mode()));
            return null;
        } catch (UsageException e) {
            return fail(new Failure(Failure.USAGE, e.getMessage(), false), null);
        } catch (Exception | LinkageError e) {
            return fail(Failure.of(e, options), e);
        }
    }

    /** Starts the container; the starter writes the effective pipeline mode back into {@code settings}. */
    private int startContainer(Map<String, String> settings) throws ReflectiveOperationException, IOException {
        ClassLoader loader = bundle.classLoader(options.container());
        Object instance = Class.forName(options.container().starterClass(), true, loader).getConstructor().newInstance();
        if (!(instance instanceof ToIntFunction<?> && instance instanceof AutoCloseable closeable)) {
            throw new IllegalStateException(instance.getClass() + " is not a container starter");
        }
        starter = closeable;
        @SuppressWarnings("unchecked")
        ToIntFunction<Map<String, String>> start = (ToIntFunction<Map<String, String>>) instance;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return start.applyAsInt(settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A taken port is found here, before anything starts, so that the error is one line and not a container log. */
    private void checkPortFree() throws UsageException {
        if (options.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(HOST, options.port()));
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + HOST + ":" + options.port() + ": " + e.getMessage());
        }
    }

    private void printNotes() {
        Path webapp = options.webapp();
        if (webapp != null && !Files.isRegularFile(webapp.resolve("WEB-INF").resolve("stageline.yaml"))) {
            err.println(PREFIX + "note: " + webapp + " has no WEB-INF/stageline.yaml, so Stageline is not installed"
                    + " (its initializer installs the filter only when that file exists)");
        }
    }

    private void printStarted(int port, String mode) {
        String base = "http://" + HOST + ":" + port + options.contextPath() + "/";
        out.println("Started " + options.container().id() + " on " + base);
        String[][] pages = options.webapp() != null ? new String[0][]
                : options.sample() != null ? options.sample().pages() : SAMPLE_PAGES;
        if (options.sample() != null) {
            out.println("Sample " + options.sample().id() + ": " + options.sample().description());
        }
        for (String[] page : pages) {
            out.println("  " + pad(base + page[0], base.length() + 14) + page[1]);
        }
        out.println("Pipeline mode: " + (mode.isEmpty() ? "not installed" : mode) + ". Stop with Ctrl+C.");
        out.flush();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + "  " : s + " ".repeat(width - s.length());
    }

    private Failure fail(Failure failure, Throwable error) {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook stops what was started
            }
        }
        stop();
        err.println(PREFIX + failure.message());
        if (failure.unexpected() && error != null) {
            error.printStackTrace(err);
        }
        err.flush();
        return failure;
    }

    private void shutdown() {
        stop();
        out.flush();
        err.flush();
        stopped.countDown();
        // A signal would end the JVM with status 128+n; the server has stopped cleanly, so the launcher ends with 0.
        Runtime.getRuntime().halt(0);
    }

    /** Stops the container and deletes the extracted files; idempotent, reports what fails on stderr. */
    private synchronized void stop() {
        AutoCloseable s = starter;
        starter = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                err.println(PREFIX + "stopping " + options.container().id() + " failed: " + e);
            }
        }
        Bundle b = bundle;
        bundle = null;
        if (b != null) {
            try {
                b.close();
            } catch (IOException e) {
                err.println(PREFIX + "could not delete " + b.workDir() + ": " + e);
            }
        }
    }
}
