package io.stageline.it;

import io.stageline.api.PipelineStage;
import java.util.ArrayList;
import java.util.List;

/**
 * An expected recording, written as the stages run: {@code STAGE:Module} events for a range of stages (each stage's
 * modules in module-list order), handler events, and a nested child request's events ({@code child/...}).
 */
final class StageSequence {
    private final boolean classic;
    private final List<String> events = new ArrayList<>();

    private StageSequence(boolean classic) {
        this.classic = classic;
    }

    /** A recording of managed modules in integrated mode: every ordinary stage but EXECUTE_REQUEST_HANDLER. */
    static StageSequence integrated() {
        return new StageSequence(false);
    }

    /** A recording of legacy modules in classic mode: also without MAP_REQUEST_HANDLER, LOG_REQUEST, POST_LOG_REQUEST. */
    static StageSequence classic() {
        return new StageSequence(true);
    }

    /** Every stage from {@code from} to {@code to} (inclusive) that {@code modules} can subscribe to, for each module. */
    StageSequence stages(PipelineStage from, PipelineStage to, String... modules) {
        for (PipelineStage s : PipelineStage.values()) {
            if (s.ordinal() < from.ordinal() || s.ordinal() > to.ordinal() || !subscribable(s)) {
                continue;
            }
            for (String module : modules) {
                events.add(s + ":" + module);
            }
        }
        return this;
    }

    /** One event, e.g. {@code EXECUTE_REQUEST_HANDLER:servlet} or {@code ERROR:Recorder}. */
    StageSequence event(String event) {
        events.add(event);
        return this;
    }

    /** A child request's events, prefixed with {@code child/}. */
    StageSequence child(StageSequence child) {
        for (String e : child.events) {
            events.add("child/" + e);
        }
        return this;
    }

    List<String> list() {
        return List.copyOf(events);
    }

    private boolean subscribable(PipelineStage s) {
        if (s.isResponseEvent() || s == PipelineStage.EXECUTE_REQUEST_HANDLER) {
            return false;
        }
        return !classic || s != PipelineStage.MAP_REQUEST_HANDLER && s != PipelineStage.LOG_REQUEST
                && s != PipelineStage.POST_LOG_REQUEST;
    }
}
