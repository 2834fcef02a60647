package io.stageline.samples.extras;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;

/**
 * A module of the legacy application, declared under {@code legacy.httpModules} (the {@code legacy-modules} sample): it
 * marks every response it sees with {@code X-Audit: <setting tag>}, so that a curl command shows whether it ran.
 */
public final class AuditModule implements PipelineModule {
    /** The response header the module sets. */
    public static final String HEADER = "X-Audit";

    private String tag;

    @Override
    public void init(ModuleSetup setup) {
        tag = setup.settings().getString("tag", "audited");
        setup.subscribe(PipelineStage.BEGIN_REQUEST);
    }

    @Override
    public void handle(RequestContext ctx) {
        ctx.setResponseHeader(HEADER, tag);
    }
}
