package io.stageline.bench.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The "tiny servlet" of the load benchmark: six bytes of text, mapped on {@code /tiny}. */
public final class TinyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = "hello\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.setContentLength(BODY.length);
        resp.getOutputStream().write(BODY);
    }
}
