package io.stageline.modules.failedrequesttracing;

import io.stageline.api.TraceWriter;
import io.stageline.engine.Exchange;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one request, buffered until the request ends. A request and its child requests share it; the request
 * thread (or, after an async cycle, the thread that completes it) is the only writer, so it takes no lock.
 */
final class TraceBuffer implements TraceWriter {
    /** Bounds the memory of a runaway request; later events are counted, not kept. */
    static final int MAX_EVENTS = 20_000;

    final TraceRule rule;
    private final Exchange request;
    final List<TraceEvent> events = new ArrayList<>(64);
    int dropped;

    TraceBuffer(Exchange request, TraceRule rule) {
        this.request = request;
        this.rule = rule;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void event(String area, String name, Object... data) {
        if (events.size() >= MAX_EVENTS) {
            dropped++;
            return;
        }
        events.add(new TraceEvent(System.nanoTime(), String.valueOf(request.stage()), request.currentModuleName(),
                area, name,
                data == null ? new Object[0] : data.clone()));
    }
}
