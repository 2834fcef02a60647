package io.stageline.modules;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.TestExchange;
import java.util.Map;

/** Runs requests against pipelines built by {@link Stageline#builder()} in the in-memory container. */
public final class Requests {
    private Requests() {
    }

    public static CompiledPipeline defaults() {
        return Stageline.builder().build();
    }

    /**
     * The default pipeline without RequestFiltering (first in the default list; it answers 404.8 for WEB-INF and
     * META-INF): for tests of the handler modules' own guard against private folders, which must hold without it.
     */
    public static CompiledPipeline withoutRequestFiltering(String module, Map<String, ?> settings) {
        return Stageline.builder(Map.of(module, ModuleSettings.of(settings))).removeModule(Stageline.REQUEST_FILTERING)
                .build();
    }

    /** The default pipeline with one module's settings. */
    public static CompiledPipeline with(String module, Map<String, ?> settings) {
        return Stageline.builder(Map.of(module, ModuleSettings.of(settings))).build();
    }

    public static TestExchange run(CompiledPipeline p, TestExchange.App app, String method, String path) {
        return run(p, app, method, path, null);
    }

    /** Runs {@code method path?query}; the query is given separately because the fixture's public constructor has none. */
    public static TestExchange run(CompiledPipeline p, TestExchange.App app, String method, String path, String query) {
        TestExchange x = query == null ? new TestExchange(p, app, method, path)
                : new TestExchange(p, app, method, path) {
                    @Override
                    public String queryString() {
                        return query;
                    }
                };
        if (!x.run()) {
            throw new AssertionError("request " + method + " " + path + " did not finish");
        }
        return x;
    }

    public static String statusOf(TestExchange x) {
        return x.status + "." + x.subStatus();
    }
}
