package io.stageline.servlet;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no client library would send: the request line and headers go out
 * byte for byte as written (ISO-8859-1), so dot segments, encodings, absolute-form targets and odd verbs reach the
 * container untouched. Several requests may share one keep-alive connection.
 */
public final class RawHttp {
    private static final int TIMEOUT_MS = 10_000;

    /** One request as it goes on the wire. */
    public record Request(String method, String target, List<String> headers, String body) {
        public Request(String method, String target, String... headers) {
            this(method, target, List.of(headers), null);
        }

        /** The request with another header line ({@code Name: value}). */
        public Request with(String header) {
            List<String> h = new ArrayList<>(headers);
            h.add(header);
            return new Request(method, target, h, body);
        }

        String wire(boolean close) {
            StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            boolean host = false;
            for (String h : headers) {
                host |= h.regionMatches(true, 0, "Host:", 0, 5);
                sb.append(h).append("\r\n");
            }
            if (!host) {
                sb.append("Host: localhost\r\n");
            }
            if (body != null) {
                sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n");
            }
            if (close) {
                sb.append("Connection: close\r\n");
            }
            sb.append("\r\n");
            if (body != null) {
                sb.append(body);
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return method + " " + target + (headers.isEmpty() ? "" : " " + headers);
        }
    }

    /** A parsed response. Header names are lower-cased. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        /** True when the body is one of Stageline's detailed error pages for {@code code}, e.g. {@code 400.0}. */
        public boolean isStagelinePage(String code) {
            return body.contains("<!-- stageline-status: " + code + " -->");
        }
    }

    private RawHttp() {
    }

    /** Sends one request on its own connection ({@code Connection: close}). */
    public static Response send(URI base, Request request) throws IOException {
        return exchange(base, List.of(request), false).get(0);
    }

    /** Sends raw bytes as the whole request (for malformed request lines) and reads one response. */
    public static Response sendRaw(URI base, String wire) throws IOException {
        try (Socket s = open(base)) {
            s.getOutputStream().write(wire.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(new BufferedInputStream(s.getInputStream()), false);
        }
    }

    /**
     * Sends the requests on one keep-alive connection, the last one with {@code Connection: close}: one after the
     * other (each written when the previous response arrived), or all at once ({@code pipelined}).
     */
    public static List<Response> exchange(URI base, List<Request> requests, boolean pipelined) throws IOException {
        List<Response> out = new ArrayList<>();
        try (Socket s = open(base)) {
            OutputStream os = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            if (pipelined) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < requests.size(); i++) {
                    all.append(requests.get(i).wire(i == requests.size() - 1));
                }
                os.write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
                os.flush();
            }
            for (int i = 0; i < requests.size(); i++) {
                Request r = requests.get(i);
                if (!pipelined) {
                    os.write(r.wire(i == requests.size() - 1).getBytes(StandardCharsets.ISO_8859_1));
                    os.flush();
                }
                out.add(read(in, "HEAD".equals(r.method())));
            }
        }
        return out;
    }

    /**
     * One keep-alive connection on which each request is written once the previous response has arrived, so a later
     * request can depend on an earlier response (a login's cookie). Requests go without {@code Connection: close}.
     */
    public static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;

        public Connection(URI base) throws IOException {
            socket = open(base);
            in = new BufferedInputStream(socket.getInputStream());
        }

        /** Writes {@code request} and reads its response. */
        public Response send(Request request) throws IOException {
            socket.getOutputStream().write(request.wire(false).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return read(in, "HEAD".equals(request.method()));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Socket open(URI base) throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP response (got: " + statusLine + ")");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(colon + 1).trim());
        }
        byte[] body;
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (cl != null) {
            body = in.readNBytes(Integer.parseInt(cl.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                    // trailers
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
