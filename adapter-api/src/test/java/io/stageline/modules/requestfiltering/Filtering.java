package io.stageline.modules.requestfiltering;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.TestExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs requests through a pipeline whose only filtering module is RequestFiltering with the given settings, in
 * front of a handler that answers 200 to everything, so a request that passes filtering ends {@code 200.0}.
 */
final class Filtering {
    private Filtering() {
    }

    static CompiledPipeline pipeline(Map<String, ?> settings) {
        return builder(settings).build();
    }

    static PipelineBuilder builder(Map<String, ?> settings) {
        // RequestFiltering is first in the default module list: configure it there
        return Stageline.builder(Map.of(RequestFilteringModule.NAME, ModuleSettings.of(settings)))
                .addHandler(HandlerMapping.builder("Everything").path("*").verb("*")
                        .handler(ctx -> ctx.responseBody().write('k')).build());
    }

    /**
     * Runs {@code method target} where {@code target} is the request URI as received (path, optional {@code ?query});
     * the canonical path is its path decoded once. {@code headers} alternate name, value.
     */
    static String run(CompiledPipeline p, String method, String target, String... headers) {
        return runIn(p, "", method, target, headers);
    }

    static String runIn(CompiledPipeline p, String contextPath, String method, String target, String... headers) {
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String path = URLDecoder.decode(rawPath.substring(contextPath.length()).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        TestExchange.App app = new TestExchange.App();
        app.contextPath = contextPath;
        TestExchange x = new TestExchange(p, app, method, path, q < 0 ? null : target.substring(q + 1));
        x.raw = target;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            x.header(headers[i], headers[i + 1]);
        }
        if (!x.run()) {
            throw new AssertionError(method + " " + target + " did not finish");
        }
        return x.status + "." + x.subStatus();
    }
}
