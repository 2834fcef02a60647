package io.stageline.it;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where Jetty and Tomcat differ before Stageline sees the request, pinned so that {@code docs/conformance.md} stays
 * true across container upgrades: each request line (sent byte for byte, no client-side normalisation) with the status
 * each container answers and whether the body is Stageline's error page. Stageline cannot equalise these: the request
 * never reaches the filter, reaches it on one container only, or reaches it already normalised.
 */
final class ContainerDifferences {
    /** What a container answered: the status, and whether the body is a Stageline error page. */
    record Answer(int status, boolean stagelinePage) {
    }

    /** One request line and both containers' answers. */
    record Difference(String name, String requestLine, Answer jetty, Answer tomcat) {
        Answer expected(Container c) {
            return c == Container.JETTY ? jetty : tomcat;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Stageline's own 400.0 page: the raw target does not name the path the container decided on. */
    private static final Answer STAGELINE_400 = new Answer(400, true);

    private ContainerDifferences() {
    }

    static List<Difference> all() {
        return List.of(
                new Difference("context root without slash: Jetty 301, Tomcat 302, both before the context",
                        "GET /integrated?a=b", container(301), container(302)),
                new Difference("TRACE: Jetty's webdefault constraint 403, Tomcat's connector (allowTrace=false) 405",
                        "TRACE /integrated/hello.html", container(403), container(405)),
                new Difference("..; segment: Jetty rejects it itself; on Tomcat Stageline refuses the raw target (400.0)",
                        "GET /integrated/docs/..;/hello.html", container(400), STAGELINE_400),
                new Difference("encoded dot segment: Jetty rejects it itself; on Tomcat Stageline refuses it (400.0)",
                        "GET /integrated/%2e%2e/integrated/hello.html", container(400), STAGELINE_400),
                new Difference("empty segment: Jetty rejects it itself; on Tomcat Stageline refuses it (400.0)",
                        "GET /integrated//hello.html", container(400), STAGELINE_400),
                new Difference("encoded slash: both containers 400",
                        "GET /integrated/a%2Fb", container(400), container(400)),
                new Difference("WEB-INF: both containers 404 before the filter chain",
                        "GET /integrated/WEB-INF/web.xml", container(404), container(404)),
                new Difference("no such context: both containers 404",
                        "GET /nosuchapp/x", container(404), container(404)));
    }

    private static Answer container(int status) {
        return new Answer(status, false);
    }

    /** Sends {@code requestLine} as is, with {@code Connection: close}, and reads the whole answer. */
    static Answer send(URI root, String requestLine) throws IOException {
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(10_000);
            String request = requestLine + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.contains("<!-- stageline-status: "));
        }
    }
}
