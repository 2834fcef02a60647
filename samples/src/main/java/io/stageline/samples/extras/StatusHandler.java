package io.stageline.samples.extras;

import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A handler written for Stageline, added to the legacy application as a {@code type:} handler mapping (the
 * {@code type-in-classic} sample). It runs under ManagedPipelineHandler, which exists only in integrated mode: in classic
 * mode its mapping answers 500.21 unless it carries {@code preCondition: integratedMode}.
 */
public final class StatusHandler implements RequestHandler {
    @Override
    public void handle(RequestContext ctx) throws Exception {
        ctx.setContentType("text/plain;charset=UTF-8");
        String body = "status: ok (a type: handler, pipeline mode " + ctx.mode().name().toLowerCase(Locale.ROOT) + ")\n";
        ctx.responseBody().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
