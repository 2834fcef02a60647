package io.stageline.it.webapp;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.nio.charset.StandardCharsets;

/**
 * Calls {@code completeRequest()} in the stage named by the request header {@value #HEADER}; before the handler's
 * stage it first writes {@code completed in STAGE} as the response body (later, the handler's body stays).
 */
public final class CompleterModule implements PipelineModule {
    /** The request header naming the stage, e.g. {@code AUTHORIZE_REQUEST}. */
    public static final String HEADER = "X-Conformance-Complete";

    @Override
    public void init(ModuleSetup setup) {
        setup.subscribe(Stages.subscribable(setup.mode()));
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        if (ctx.isChildRequest() || !ctx.stage().name().equals(ctx.requestHeader(HEADER))) {
            return;
        }
        if (ctx.stage().ordinal() < PipelineStage.EXECUTE_REQUEST_HANDLER.ordinal()) {
            ctx.setContentType("text/plain;charset=UTF-8");
            ctx.responseBody().write(("completed in " + ctx.stage()).getBytes(StandardCharsets.UTF_8));
        }
        ctx.completeRequest();
    }
}
