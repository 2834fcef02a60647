package io.stageline.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The response a servlet handler sees while CustomErrors may answer its errors: it counts the body the servlet
 * writes (so "Auto" knows whether the servlet produced its own error body) and holds back {@code sendError}, which
 * the container would otherwise answer with its own page after the filter returned. A held {@code sendError} sets the
 * status, discards the buffered body and makes the response look committed to the servlet (later writes are dropped,
 * as the Servlet specification says); the error responder then answers it, or releases it to the container with the
 * original status and message. Never installed for static files.
 */
final class ServletErrorWatch extends HttpServletResponseWrapper {
    private long bytes;
    private int heldStatus;
    private String heldMessage;
    private boolean released;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ServletErrorWatch(HttpServletResponse response) {
        super(response);
    }

    /** True when the servlet wrote body bytes (before any held sendError). */
    boolean hasBody() {
        return bytes > 0;
    }

    int heldStatus() {
        return released ? 0 : heldStatus;
    }

    /** Lets the container answer the held sendError as it would have. */
    void release() throws IOException {
        if (heldStatus != 0 && !released) {
            released = true;
            HttpServletResponse r = (HttpServletResponse) getResponse();
            if (!r.isCommitted()) {
                if (heldMessage == null) {
                    r.sendError(heldStatus);
                } else {
                    r.sendError(heldStatus, heldMessage);
                }
            }
        }
    }

    /** Forgets the body count (the body was discarded to make room for an error response). */
    void resetCount() {
        bytes = 0;
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (heldStatus != 0 || sc < 400 || getResponse().isCommitted()) {
            if (msg == null) {
                super.sendError(sc);
            } else {
                super.sendError(sc, msg);
            }
            return;
        }
        // no flush of the writer first: it holds nothing (a PrintWriter over a Writer), and flushing would commit
        getResponse().resetBuffer();
        heldStatus = sc;
        heldMessage = msg;
        bytes = 0;
        ((HttpServletResponse) getResponse()).setStatus(sc);
    }

    @Override
    public boolean isCommitted() {
        return heldStatus != 0 || super.isCommitted();
    }

    @Override
    public void setStatus(int sc) {
        if (heldStatus == 0) {
            super.setStatus(sc);
        }
    }

    @Override
    public void resetBuffer() {
        if (heldStatus != 0) {
            throw new IllegalStateException("the response was committed by sendError");
        }
        bytes = 0;
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (heldStatus != 0) {
            throw new IllegalStateException("the response was committed by sendError");
        }
        bytes = 0;
        super.reset();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (heldStatus == 0) {
            super.flushBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        if (stream == null) {
            stream = new CountingStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was already called on this response");
        }
        if (writer == null) {
            writer = new PrintWriter(new CountingWriter(super.getWriter()), false);
        }
        return writer;
    }

    private boolean dropping() {
        return heldStatus != 0;
    }

    private final class CountingStream extends ServletOutputStream {
        private final ServletOutputStream out;

        CountingStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (!dropping()) {
                bytes++;
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!dropping()) {
                bytes += len;
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!dropping()) {
                out.flush();
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private final class CountingWriter extends Writer {
        private final Writer out;

        CountingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (!dropping()) {
                bytes += len;
                out.write(cbuf, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!dropping()) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!dropping()) {
                out.close();
            }
        }
    }
}
