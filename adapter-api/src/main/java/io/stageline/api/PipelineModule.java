package io.stageline.api;

/**
 * A module: code that takes part in some stages of every request it applies to.
 *
 * <p>The contract, which every module MUST follow:
 * <ul>
 *   <li>A module has a public no-argument constructor. It is created once per compiled configuration of an
 *       application and shared by all requests, concurrently. It MUST NOT keep per-request state in fields: use
 *       {@link RequestContext#item(ItemKey)} for that.</li>
 *   <li>{@link #init(ModuleSetup)} runs once before the first request. The module reads its settings there and
 *       subscribes to stages with {@link ModuleSetup#subscribe(PipelineStage...)}; it may register an error callback
 *       and a close callback. A module that subscribes to nothing is never called per request.</li>
 *   <li>{@link #handle(RequestContext)} runs once for each subscribed stage of each request the module applies to;
 *       {@link RequestContext#stage()} tells which. Within a stage, modules run in the order of the effective module
 *       list.</li>
 *   <li>A module MAY end the request early: set a status with {@link RequestContext#setStatus(int, int)} and call
 *       {@link RequestContext#completeRequest()}. The end stages still run.</li>
 *   <li>A module MAY throw. The pipeline records the error, raises the error callbacks once, answers 500.0 (or the
 *       status of a {@link StatusException}), and then runs the end stages. It never reaches the handler.</li>
 *   <li>A module MUST NOT block waiting for another request, and SHOULD NOT do I/O beyond what the request needs.</li>
 * </ul>
 *
 * <pre>{@code
 * public final class TimingModule implements PipelineModule {
 *     private static final ItemKey<Long> START = ItemKey.of("timing.start", Long.class);
 *     private long slowMs;
 *
 *     public void init(ModuleSetup setup) {
 *         slowMs = setup.settings().getLong("slowMs", 250);
 *         setup.subscribe(PipelineStage.BEGIN_REQUEST, PipelineStage.END_REQUEST);
 *     }
 *
 *     public void handle(RequestContext ctx) {
 *         if (ctx.stage() == PipelineStage.BEGIN_REQUEST) {
 *             ctx.setItem(START, System.nanoTime());
 *         } else if ((System.nanoTime() - ctx.item(START)) / 1_000_000 > slowMs) {
 *             ctx.trace().write("Timing", "slow request");
 *         }
 *     }
 * }
 * }</pre>
 */
public interface PipelineModule {

    /** Reads settings and subscribes to stages. Called once; an exception here fails the deployment. */
    void init(ModuleSetup setup) throws Exception;

    /** Runs the module for the current stage of one request. */
    void handle(RequestContext ctx) throws Exception;
}
