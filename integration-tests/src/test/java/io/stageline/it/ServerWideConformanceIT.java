package io.stageline.it;

/**
 * The conformance suite with the server-wide install (Tomcat's {@code StagelineListener}, Jetty's {@code stageline}
 * module) and {@link ConformanceApps#SHARED} as the server-level file, layered under each application's own file.
 */
class ServerWideConformanceIT extends ConformanceSuite {
    @Override
    protected Install install() {
        return Install.SERVER_WIDE;
    }
}
