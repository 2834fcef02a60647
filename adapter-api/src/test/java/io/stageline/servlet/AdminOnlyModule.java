package io.stageline.servlet;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;

/**
 * Test-only stand-in for the authorization modules (native, AUTHORIZE_REQUEST): a request whose canonical path's first
 * segment is {@code admin} in any case answers 401 unless it carries {@code X-Test-User: admin}. It decides on
 * {@link RequestContext#path()} only, as every real module must.
 */
public final class AdminOnlyModule implements PipelineModule {
    public static final String NAME = "TestAdminOnly";
    public static final String USER_HEADER = "X-Test-User";

    @Override
    public void init(ModuleSetup setup) {
        setup.subscribe(PipelineStage.AUTHORIZE_REQUEST);
    }

    @Override
    public void handle(RequestContext ctx) {
        if (isAdminPath(ctx.path()) && !"admin".equals(ctx.requestHeader(USER_HEADER))) {
            ctx.setStatus(401, 0);
            ctx.completeRequest();
        }
    }

    /** True when the first segment of {@code path} is {@code admin}, ignoring case. */
    static boolean isAdminPath(String path) {
        int end = path.indexOf('/', 1);
        end = end < 0 ? path.length() : end;
        return end - 1 == 5 && path.regionMatches(true, 1, "admin", 0, 5);
    }
}
