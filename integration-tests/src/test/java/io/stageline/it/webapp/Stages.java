package io.stageline.it.webapp;

import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.ArrayList;
import java.util.List;

/** The stages the test modules subscribe to, and the prefix of their events. */
final class Stages {
    private Stages() {
    }

    /**
     * Every ordinary stage but EXECUTE_REQUEST_HANDLER (the handler's); in classic mode also without
     * MAP_REQUEST_HANDLER, LOG_REQUEST and POST_LOG_REQUEST, which managed modules may not subscribe to there.
     */
    static PipelineStage[] subscribable(PipelineMode mode) {
        List<PipelineStage> stages = new ArrayList<>();
        for (PipelineStage s : PipelineStage.values()) {
            boolean classicOnly = s == PipelineStage.MAP_REQUEST_HANDLER || s == PipelineStage.LOG_REQUEST
                    || s == PipelineStage.POST_LOG_REQUEST;
            if (s.isResponseEvent() || s == PipelineStage.EXECUTE_REQUEST_HANDLER
                    || mode == PipelineMode.CLASSIC && classicOnly) {
                continue;
            }
            stages.add(s);
        }
        return stages.toArray(new PipelineStage[0]);
    }

    static String prefix(RequestContext ctx) {
        return ctx.isChildRequest() ? "child/" : "";
    }
}
