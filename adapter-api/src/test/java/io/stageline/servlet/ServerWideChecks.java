package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

/** What every container's server-wide install test checks, written once (the adapters' tests call it). */
public final class ServerWideChecks {
    /** One GET of a path on the running server. */
    @FunctionalInterface
    public interface Get {
        HttpResponse<String> get(String path) throws Exception;
    }

    private ServerWideChecks() {
    }

    /**
     * The application at {@code contextPath} is served by Stageline with the server-level file applied: its static
     * file answers, a missing file gets Stageline's 404.0 page, and the server file's {@code /server-hello} handler
     * (ServerHello) answers; {@code whoApplies} names what installed the server file, for the failure message.
     */
    public static void assertServerWide(Get http, String contextPath, String whoApplies) throws Exception {
        HttpResponse<String> page = http.get(contextPath + "/hello.html");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("<p>hello static</p>", page.body());
        HttpResponse<String> missing = http.get(contextPath + "/missing.html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("404.0"), contextPath + " is not served by Stageline: " + missing.body());
        HttpResponse<String> hello = http.get(contextPath + "/server-hello");
        assertEquals(200, hello.statusCode(), hello.body());
        assertEquals("hello from ServerHello", hello.body(), "the " + whoApplies + "'s server-level file applies");
    }

    /** Runs {@code body} with the system property {@code name} set to {@code value}, then restores it. */
    public static void withSystemProperty(String name, String value, Runnable body) {
        String previous = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        }
    }
}
