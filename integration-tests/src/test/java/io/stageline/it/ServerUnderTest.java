package io.stageline.it;

import java.net.URI;

/** A standalone server started for a scenario class, serving the test application. */
public interface ServerUnderTest extends AutoCloseable {
    /** The test application's root, {@code http://127.0.0.1:PORT/app/}. */
    URI app();

    /** What the server wrote to its console so far, for failure messages. */
    String console();

    /** Stops the server process; never throws. */
    @Override
    void close();
}
