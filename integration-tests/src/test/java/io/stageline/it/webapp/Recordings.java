package io.stageline.it.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The conformance suite's side channel: what the test modules and servlets saw of a request, one line per event
 * ({@code STAGE:Module}, {@code child/STAGE:Module} in a child request), appended to
 * {@code $java.io.tmpdir/conformance/<id>.log} where {@code id} is the request's {@value #ID_HEADER} header. Requests
 * without that header are not recorded. The test reads the file from the server's base directory.
 */
public final class Recordings {
    /** The request header naming the recording. */
    public static final String ID_HEADER = "X-Conformance-Id";
    /** The directory below {@code java.io.tmpdir}. */
    public static final String DIRECTORY = "conformance";

    private Recordings() {
    }

    /** Appends {@code event} to the recording {@code id}; no-op when {@code id} is null. */
    public static void record(String id, String event) {
        if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
            return;
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), DIRECTORY);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".log"), event + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
