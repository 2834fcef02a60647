package io.stageline.modules.failedrequesttracing;

/** One buffered event: when (nanoTime), where (stage, module) and what (area, name, name/value data). */
record TraceEvent(long nanos, String stage, String module, String area, String name, Object[] data) {
}
