package io.stageline.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An output transformation applied to the whole response body, whatever produced it (static files included).
 *
 * <p>Installing a filter ({@link RequestContext#installResponseFilter(ResponseFilter)}) before the handler runs makes
 * the pipeline capture the body; the filter is applied once, in UPDATE_REQUEST_CACHE, or in LOG_REQUEST when the
 * request was completed early or failed.
 */
@FunctionalInterface
public interface ResponseFilter {

    /**
     * Returns a stream that receives the original body and writes the transformed body to {@code sink}. The pipeline
     * closes the returned stream when the body is complete; the filter MUST NOT close {@code sink}.
     */
    OutputStream wrap(OutputStream sink, RequestContext ctx) throws IOException;
}
