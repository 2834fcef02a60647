package io.stageline.engine;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;

/**
 * ServletDelegation, the port of IIS's IsapiModule + aspnet_isapi.dll: hands the request to the container's servlet
 * mapping. In classic mode it first runs the nested managed pipeline ({@code legacy.httpModules}) around the servlet,
 * which is how managed modules see servlet requests there.
 */
public final class ServletDelegationModule implements PipelineModule, HandlerModule {
    public static final String NAME = "ServletDelegation";

    @Override
    public void init(ModuleSetup setup) {
        // a pure handler module: no stage subscriptions
    }

    @Override
    public void handle(RequestContext ctx) {
        // never called: subscribes to nothing
    }

    @Override
    public boolean executeHandler(Exchange x) throws Exception {
        if (x.pipeline.mode == PipelineMode.CLASSIC) {
            new PipelineExecutor(x.pipeline).enterNested(x);
        } else {
            String servlet = x.mapping == null ? null : x.mapping.servletName();
            x.invokeServlet(servlet == null ? HandlerMapping.ANY_SERVLET : servlet);
        }
        return true;
    }
}
