package io.stageline.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import io.stageline.api.RequireAccess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small builders shared by the engine tests: recording handlers, a static-file handler module, ServletDelegation. */
final class EngineFixtures {
    static final String STATIC_FILE = "StaticFile";
    static final String SERVLET_DELEGATION = ServletDelegationModule.NAME;

    private EngineFixtures() {
    }

    /** A handler that records {@code name:STAGE} (with {@code @depth} for child requests) and writes {@code body}. */
    static RequestHandler recordingHandler(List<String> log, String name, String body) {
        return ctx -> {
            String record = name + ":" + ctx.stage();
            if (ctx.isChildRequest()) {
                record += "@" + ((Exchange) ctx).depth();
            }
            log.add(record);
            if (body != null) {
                ctx.responseBody().write(body.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** A {@code type:} mapping (verb {@code *}) run by the given handler instance. */
    static HandlerMapping typeMapping(String name, String path, RequestHandler handler) {
        return HandlerMapping.builder(name).path(path).verb("*").handler(handler).build();
    }

    /** The StaticFile mapping of the built-in table: {@code path: "*"}, {@code modules: StaticFile}, Read access. */
    static HandlerMapping staticMapping() {
        return HandlerMapping.builder("StaticFile").path("*").verb("*").modules(STATIC_FILE)
                .requireAccess(RequireAccess.READ).build();
    }

    /** A ServletDelegation mapping ({@code servlet: "*"}, {@code modules: ServletDelegation}) for {@code path}. */
    static HandlerMapping delegationMapping(String name, String path) {
        return HandlerMapping.builder(name).path(path).verb("*").servlet(HandlerMapping.ANY_SERVLET)
                .modules(SERVLET_DELEGATION).build();
    }

    /** Adds the test StaticFile handler module (native) and the StaticFile default mapping. */
    static PipelineBuilder withStaticFile(PipelineBuilder b) {
        return b.addNativeModule(STATIC_FILE, new StaticFileModule(), ModuleSettings.empty())
                .addDefaultHandler(staticMapping());
    }

    /** Adds the ServletDelegation native module. */
    static PipelineBuilder withServletDelegation(PipelineBuilder b) {
        return b.addNativeModule(SERVLET_DELEGATION, new ServletDelegationModule(), ModuleSettings.empty());
    }

    /** Runs a request that must finish synchronously and returns its exchange. */
    static TestExchange run(CompiledPipeline p, TestExchange.App app, String method, String path) {
        TestExchange x = new TestExchange(p, app, method, path);
        assertTrue(x.run(), "the request should finish without going async");
        return x;
    }

    /** The entries of {@code log} that start with {@code prefix}. */
    static List<String> startingWith(List<String> log, String prefix) {
        List<String> out = new ArrayList<>();
        for (String s : log) {
            if (s.startsWith(prefix)) {
                out.add(s);
            }
        }
        return out;
    }

    /** A stand-in for the built-in StaticFile handler module: hands the request to the container's default servlet. */
    static final class StaticFileModule implements PipelineModule, HandlerModule {
        @Override
        public void init(ModuleSetup setup) {
            // a pure handler module
        }

        @Override
        public void handle(RequestContext ctx) {
            // never called: subscribes to nothing
        }

        @Override
        public boolean executeHandler(Exchange x) throws Exception {
            x.invokeDefaultServlet();
            return true;
        }
    }
}
