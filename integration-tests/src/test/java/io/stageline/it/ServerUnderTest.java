package io.stageline.it;

import java.net.URI;
import java.nio.file.Path;

/** A standalone server started for a scenario class, serving the test application(s). */
public interface ServerUnderTest extends AutoCloseable {
    /** The test application's root, {@code http://127.0.0.1:PORT/app/} (the application the start probed). */
    URI app();

    /** The server's root, {@code http://127.0.0.1:PORT/}: every application is below it, by its context path. */
    default URI root() {
        return app().resolve("/");
    }

    /** The server JVM's {@code java.io.tmpdir}, a directory of its own under the server's base. */
    Path tmp();

    /** What the server wrote to its console so far, for failure messages. */
    String console();

    /** Stops the server process; never throws. */
    @Override
    void close();
}
