package io.stageline.servlet;

import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import java.nio.charset.StandardCharsets;

/** A {@code type:} handler named by the YAML scenarios: answers with its mapping's name. */
public final class YamlHelloHandler implements RequestHandler {
    @Override
    public void handle(RequestContext ctx) throws Exception {
        ctx.setContentType("text/plain;charset=UTF-8");
        ctx.responseBody().write(("hello from " + ctx.handlerMapping().name()).getBytes(StandardCharsets.UTF_8));
    }
}
