package io.stageline.it.webapp;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;

/** Throws an {@link IllegalStateException} in the stage named by the request header {@value #HEADER}. */
public final class ThrowerModule implements PipelineModule {
    /** The request header naming the stage, e.g. {@code AUTHORIZE_REQUEST}. */
    public static final String HEADER = "X-Conformance-Throw";

    @Override
    public void init(ModuleSetup setup) {
        setup.subscribe(Stages.subscribable(setup.mode()));
    }

    @Override
    public void handle(RequestContext ctx) {
        if (!ctx.isChildRequest() && ctx.stage().name().equals(ctx.requestHeader(HEADER))) {
            throw new IllegalStateException("conformance failure in " + ctx.stage());
        }
    }
}
