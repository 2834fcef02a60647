package io.stageline.it.webapp;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;

/**
 * Records {@code STAGE:Name} for every stage it runs in (every ordinary stage a managed module may subscribe to in the
 * application's mode) and {@code ERROR:Name} from its error callback. In integrated mode it also sets the request
 * header {@value #HEADER} to its name in BEGIN_REQUEST of a {@code /legacy/*} request, which the legacy servlet echoes.
 */
public final class RecorderModule implements PipelineModule {
    /** The request header the module sets for the legacy servlet. */
    public static final String HEADER = "X-Conformance-Module";

    private String name;
    private boolean integrated;

    @Override
    public void init(ModuleSetup setup) {
        name = setup.name();
        integrated = setup.mode() == PipelineMode.INTEGRATED;
        setup.subscribe(Stages.subscribable(setup.mode()));
        setup.onError((ctx, error) -> Recordings.record(ctx.requestHeader(Recordings.ID_HEADER),
                Stages.prefix(ctx) + "ERROR:" + name));
    }

    @Override
    public void handle(RequestContext ctx) {
        String id = ctx.requestHeader(Recordings.ID_HEADER);
        if (id == null) {
            return;
        }
        Recordings.record(id, Stages.prefix(ctx) + ctx.stage() + ":" + name);
        if (integrated && ctx.stage() == PipelineStage.BEGIN_REQUEST && ctx.path().startsWith("/legacy/")) {
            ctx.setRequestHeader(HEADER, name);
        }
    }
}
