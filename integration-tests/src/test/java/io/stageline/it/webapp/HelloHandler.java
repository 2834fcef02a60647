package io.stageline.it.webapp;

import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import java.nio.charset.StandardCharsets;

/** A {@code type:} handler of the test application, named by the YAML configuration: answers with its mapping's name. */
public final class HelloHandler implements RequestHandler {
    @Override
    public void handle(RequestContext ctx) throws Exception {
        ctx.setContentType("text/plain;charset=UTF-8");
        ctx.responseBody().write(("hello from " + ctx.handlerMapping().name()).getBytes(StandardCharsets.UTF_8));
    }
}
