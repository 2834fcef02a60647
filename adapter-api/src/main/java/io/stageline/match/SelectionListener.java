package io.stageline.match;

import io.stageline.api.HandlerMapping;

/**
 * Receives, in table order, the verdict on each mapping that {@link HandlerTable#explain} examines. Used by traces and
 * the {@code explain} command; it is never called by {@link HandlerTable#select}. Implementations MUST NOT assume
 * that every mapping is reported: the walk stops after the {@link Verdict#SELECTED} one.
 */
@FunctionalInterface
public interface SelectionListener {
    void onMapping(int index, HandlerMapping mapping, Verdict verdict);
}
