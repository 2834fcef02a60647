package io.stageline.api;

/**
 * A handler run by a {@code type:} handler mapping (the managed handler of IIS): it produces the response in
 * EXECUTE_REQUEST_HANDLER.
 *
 * <p>Like a module, a handler is created once per compiled configuration (public no-argument constructor) and
 * shared by all requests; it MUST NOT keep per-request state in fields. It writes the response through
 * {@link RequestContext#setStatus(int)}, {@link RequestContext#setResponseHeader(String, String)} and
 * {@link RequestContext#responseBody()}. Throwing has the same effect as a module throwing.
 *
 * <pre>{@code
 * public final class HelloHandler implements RequestHandler {
 *     public void handle(RequestContext ctx) throws IOException {
 *         ctx.setContentType("text/plain;charset=UTF-8");
 *         ctx.responseBody().write("hello".getBytes(StandardCharsets.UTF_8));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RequestHandler {

    /** Produces the response for one request. */
    void handle(RequestContext ctx) throws Exception;
}
