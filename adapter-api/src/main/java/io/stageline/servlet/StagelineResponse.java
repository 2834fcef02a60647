package io.stageline.servlet;

import io.stageline.engine.Exchange;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The response as the handler sees it when the pipeline must watch or capture it: response events fire before the
 * first byte or flush goes out, and with response filters installed the whole body is captured so the filters can
 * transform it. Without filters, at most {@code responseBufferLimit} bytes are held before the response is committed
 * ({@code 0} = stream at once). Used only when a request needs it, so plain requests keep the container's zero-copy
 * paths.
 */
final class StagelineResponse extends HttpServletResponseWrapper {
    private final Exchange x;
    private final boolean capture;
    private final long holdLimit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean passThrough;
    private ServletOutputStream stream;
    private PrintWriter writer;

    StagelineResponse(HttpServletResponse response, Exchange x, boolean capture, long bufferLimit) {
        this(response, x, capture, bufferLimit, Long.MAX_VALUE);
    }

    /**
     * {@code captureLimit} applies while capturing: past it the capture is given up and the body streams on (the
     * output cache asks for bodies up to its {@code maxResponseSize}; response filters capture without a limit).
     */
    StagelineResponse(HttpServletResponse response, Exchange x, boolean capture, long bufferLimit, long captureLimit) {
        super(response);
        this.x = x;
        this.capture = capture;
        this.holdLimit = capture ? captureLimit : bufferLimit;
    }

    /** True while the whole body is held for the engine (response filters, a module that asked for the body). */
    boolean capturing() {
        return capture && !passThrough;
    }

    /** True when bytes were written by the handler (captured or passed on). */
    boolean hasBody() {
        return buffer.size() > 0 || passThrough;
    }

    /** True once bytes went through to the container (the response may be committed by now). */
    boolean passedThrough() {
        return passThrough;
    }

    byte[] captured() {
        return buffer.toByteArray();
    }

    void resetCaptured() {
        buffer.reset();
    }

    private void beforeSend() {
        x.fireResponseEvents();
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (!passThrough && buffer.size() + (long) len <= holdLimit) {
            buffer.write(b, off, len);
            return;
        }
        goThrough();
        getResponse().getOutputStream().write(b, off, len);
    }

    private void goThrough() throws IOException {
        if (!passThrough) {
            beforeSend();
            passThrough = true;
            if (buffer.size() > 0) {
                getResponse().getOutputStream().write(buffer.toByteArray());
                buffer.reset();
            }
        }
    }

    /** Sends whatever is still held (end of the handler, not capturing). */
    void drain() throws IOException {
        settle();
        if (!capture && buffer.size() > 0) {
            goThrough();
        }
    }

    /** Moves what the handler's writer still buffers into the held body (end of the handler). */
    void settle() {
        if (writer != null) {
            writer.flush();
        }
    }

    /** The handler went async: what is held goes out now and later writes go straight through (no capture). */
    void passOn() throws IOException {
        settle();
        goThrough();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        return rawStream();
    }

    private ServletOutputStream rawStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    StagelineResponse.this.write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    StagelineResponse.this.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    if (!capturing()) {
                        goThrough();
                        getResponse().flushBuffer();
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("non-blocking output is not available while Stageline watches "
                            + "the response");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was already called on this response");
            }
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(rawStream(), cs), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (!capturing()) {
            goThrough();
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        buffer.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        buffer.reset();
        super.reset();
    }

    @Override
    public boolean isCommitted() {
        return passThrough || super.isCommitted();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeSend();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeSend();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeSend();
        super.sendRedirect(location);
    }
}
