package io.stageline.api;

/** A request's trace: events recorded here end up in failed-request traces. Cheap when tracing is off. */
public interface TraceWriter {

    /** A trace writer that drops everything. */
    TraceWriter NONE = new TraceWriter() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void write(String area, String message) {
        }
    };

    /** True when events are recorded; check it before building an expensive message. */
    boolean enabled();

    /** Records one event of the given area ({@code Module}, {@code Handler}, {@code Authentication}, ...). */
    void write(String area, String message);
}
