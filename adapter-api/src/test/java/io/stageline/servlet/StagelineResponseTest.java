package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capture and responseBufferLimit semantics of the response wrapper, with the container response mocked. */
class StagelineResponseTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final HttpServletResponse resp = mock(HttpServletResponse.class);
    private ServletExchange exchange;

    @BeforeEach
    void setUp() throws Exception {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                sent.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        when(resp.getOutputStream()).thenReturn(out);
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn("GET");
        CompiledPipeline pipeline = new PipelineBuilder().build();
        exchange = new ServletExchange(pipeline, req, resp, null, new StagelineFilter(pipeline), "/x", null, 0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aZeroBufferLimitStreamsTheFirstByteAtOnce() throws Exception {
        StagelineResponse r = new StagelineResponse(resp, exchange, false, 0);
        r.getOutputStream().write(bytes("a"));
        assertEquals("a", sent.toString(StandardCharsets.US_ASCII));
        assertTrue(r.isCommitted());
    }

    @Test
    void outputUpToTheLimitIsHeldAndTheByteBeyondItCommitsEverything() throws Exception {
        StagelineResponse r = new StagelineResponse(resp, exchange, false, 10);
        r.getOutputStream().write(bytes("12345"));
        r.getOutputStream().write(bytes("67890"));
        assertEquals(0, sent.size());
        assertFalse(r.isCommitted());
        r.getOutputStream().write(bytes("!"));
        assertEquals("1234567890!", sent.toString(StandardCharsets.US_ASCII));
        assertTrue(r.isCommitted());
    }

    @Test
    void heldOutputIsSentWhenTheHandlerEnds() throws Exception {
        StagelineResponse r = new StagelineResponse(resp, exchange, false, 1024);
        r.getWriter().print("written");
        r.drain();
        assertEquals("written", sent.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void captureForResponseFiltersHoldsTheWholeBodyWhateverTheLimit() throws Exception {
        StagelineResponse r = new StagelineResponse(resp, exchange, true, 0);
        r.getOutputStream().write(bytes("whole body"));
        r.flushBuffer();
        r.drain();
        assertEquals(0, sent.size());
        assertTrue(r.hasBody());
        assertArrayEquals(bytes("whole body"), r.captured());
    }

    @Test
    void writerAndStreamCannotBeMixed() throws Exception {
        StagelineResponse r = new StagelineResponse(resp, exchange, false, 10);
        r.getWriter();
        assertThrows(IllegalStateException.class, r::getOutputStream);
        StagelineResponse s = new StagelineResponse(resp, exchange, false, 10);
        s.getOutputStream();
        assertThrows(IllegalStateException.class, s::getWriter);
    }
}
