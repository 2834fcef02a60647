package io.stageline.it;

/** How Stageline reaches the test application. */
enum Install {
    /** The drop-in jar in the application's WEB-INF/lib, configured by its WEB-INF/stageline.yaml. */
    DROP_IN,
    /**
     * The container's server-wide install (Tomcat's listener, Jetty's module), configured by the server-level file; the
     * application has neither the jar nor a stageline.yaml.
     */
    SERVER_WIDE
}
