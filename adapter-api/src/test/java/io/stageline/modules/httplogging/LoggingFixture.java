package io.stageline.modules.httplogging;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.TestExchange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The in-memory application the logging tests run requests against, with HttpLogging on an injected clock. */
final class LoggingFixture {
    final FakeClock clock;
    final TestExchange.App app = new TestExchange.App()
            .file("/hello.html")
            .file("/data.unknownext")
            .servlet("legacy", "/legacy/report", x -> x.write("legacy report"));

    LoggingFixture(FakeClock clock) {
        this.clock = clock;
    }

    /** Sets the user named by the {@code X-Test-User} header, as an authentication module would. */
    static final class HeaderUser implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            String name = ctx.requestHeader("X-Test-User");
            if (name != null) {
                ctx.setUser(() -> name, "Test", List.of());
            }
        }
    }

    static Map<String, Object> settings(Path dir, Object... more) {
        Map<String, Object> m = new HashMap<>();
        m.put("directory", dir.toString());
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    PipelineBuilder builder(Map<String, Object> settings) {
        return Stageline.builder().removeModule(HttpLoggingModule.NAME)
                .addNativeModule("HeaderUser", new HeaderUser(), ModuleSettings.empty())
                .addNativeModule(HttpLoggingModule.NAME, new HttpLoggingModule(clock, "Stageline test"),
                        ModuleSettings.of(settings))
                .addHandler(HandlerMapping.builder("Hello").path("/hello-handler").verb("GET")
                        .handler(ctx -> ctx.responseBody().write("hi".getBytes(StandardCharsets.UTF_8))).build());
    }

    CompiledPipeline pipeline(Map<String, Object> settings) {
        return builder(settings).build();
    }

    /** Runs a request that took {@code takenMs}, ending at the clock's current time; headers as name/value pairs. */
    TestExchange run(CompiledPipeline p, String method, String path, String query, long takenMs, String... headers) {
        TestExchange x = query == null ? new TestExchange(p, app, method, path) : new TestExchange(p, app, method, path) {
            @Override
            public String queryString() {
                return query;
            }
        };
        for (int i = 0; i < headers.length; i += 2) {
            x.header(headers[i], headers[i + 1]);
        }
        x.remoteAddress = "192.0.2.10";
        x.localAddress = "198.51.100.5";
        x.localPort = 8080;
        x.setRequestStartNanos(clock.nanos - takenMs * 1_000_000L);
        if (!x.run()) {
            throw new AssertionError(method + " " + path + " did not finish");
        }
        return x;
    }
}
