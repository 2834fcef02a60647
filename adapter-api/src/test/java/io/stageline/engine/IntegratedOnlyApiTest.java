package io.stageline.engine;

import static io.stageline.engine.EngineFixtures.delegationMapping;
import static io.stageline.engine.EngineFixtures.run;
import static io.stageline.engine.EngineFixtures.typeMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineMode;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §3 / reference §8: writable request headers, server variables and response-header enumeration. */
class IntegratedOnlyApiTest {

    /** The integrated-only operations, each with a check that it took effect. */
    enum Op {
        SET_REQUEST_HEADER, SET_SERVER_VARIABLE, RESPONSE_HEADER_NAMES;

        /** Performs the operation and returns what a later read shows. */
        String apply(RequestContext ctx) {
            switch (this) {
                case SET_REQUEST_HEADER:
                    ctx.setRequestHeader("X-Test", "set");
                    return ctx.requestHeader("x-test");
                case SET_SERVER_VARIABLE:
                    ctx.setServerVariable("MY_VARIABLE", "set");
                    return ctx.serverVariable("my_variable");
                case RESPONSE_HEADER_NAMES:
                    ctx.setResponseHeader("X-Response", "r");
                    return ctx.responseHeaderNames().contains("X-Response") ? "set" : "missing";
                default:
                    throw new AssertionError(this);
            }
        }
    }

    private final List<String> log = new ArrayList<>();
    private final List<Object> outcomes = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App().servlet("Jsp", ".jsp", x -> x.write("jsp"));

    private RecordingModule performing(String name, PipelineStage stage, Op op) {
        return RecordingModule.on(name, log).doing(stage, ctx -> {
            try {
                outcomes.add(op.apply(ctx));
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        });
    }

    private static void assertIntegratedOnly(Object outcome) {
        UnsupportedOperationException e = assertInstanceOf(UnsupportedOperationException.class, outcome);
        assertEquals("This operation requires integrated pipeline mode.", e.getMessage());
        assertEquals(RequestContext.INTEGRATED_ONLY, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void integratedOnlyOperationsWorkInIntegratedMode(Op op) {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("M", performing("M", PipelineStage.BEGIN_REQUEST, op), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        run(p, app, "GET", "/x");

        assertEquals(List.of("set"), outcomes);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void integratedOnlyOperationsThrowForANativeModuleInClassicMode(Op op) {
        CompiledPipeline p = new PipelineBuilder()
                .mode(PipelineMode.CLASSIC)
                .addNativeModule("N", performing("N", PipelineStage.BEGIN_REQUEST, op), ModuleSettings.empty())
                .build();

        run(p, app, "GET", "/x");

        assertEquals(1, outcomes.size());
        assertIntegratedOnly(outcomes.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Op.class)
    void integratedOnlyOperationsThrowForALegacyModuleInClassicMode(Op op) {
        CompiledPipeline p = EngineFixtures.withServletDelegation(new PipelineBuilder().mode(PipelineMode.CLASSIC))
                .addLegacyModule("L", performing("L", PipelineStage.AUTHORIZE_REQUEST, op), ModuleSettings.empty())
                .addHandler(delegationMapping("ServletClassic", "*.jsp"))
                .build();

        TestExchange x = run(p, app, "GET", "/a.jsp");

        assertEquals(1, outcomes.size(), log.toString());
        assertIntegratedOnly(outcomes.get(0));
        assertEquals("jsp", x.bodyText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AUTH_TYPE", "AUTH_USER", "PATH_INFO", "PATH_TRANSLATED", "QUERY_STRING", "SCRIPT_NAME",
        "path_info", "Query_String"})
    void computedServerVariablesCannotBeSet(String variable) {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("M", RecordingModule.on("M", log).doing(PipelineStage.BEGIN_REQUEST, ctx -> {
                    String before = ctx.serverVariable(variable);
                    try {
                        ctx.setServerVariable(variable, "forged");
                        outcomes.add("accepted");
                    } catch (IllegalArgumentException e) {
                        outcomes.add(e);
                    }
                    outcomes.add(Objects.equals(before, ctx.serverVariable(variable)) ? "unchanged" : "changed");
                }), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> { }))
                .build();

        run(p, app, "GET", "/x");

        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, outcomes.get(0));
        assertTrue(e.getMessage().contains("cannot be modified"), e.getMessage());
        assertEquals("unchanged", outcomes.get(1));
    }

    @Test
    void httpServerVariablesMapToRequestHeadersBothWays() {
        CompiledPipeline p = new PipelineBuilder()
                .addModule("M", RecordingModule.on("M", log).doing(PipelineStage.BEGIN_REQUEST, ctx -> {
                    ctx.setServerVariable("HTTP_X_FORWARDED_PROTO", "https");
                    ctx.setRequestHeader("Accept-Language", "de");
                    ctx.setServerVariable("HTTP_USER_AGENT", null);
                }), ModuleSettings.empty())
                .addHandler(typeMapping("Page", "*", ctx -> {
                    outcomes.add(ctx.requestHeader("X-Forwarded-Proto"));
                    outcomes.add(ctx.serverVariable("HTTP_ACCEPT_LANGUAGE"));
                    outcomes.add(ctx.serverVariable("HTTP_HOST"));
                    outcomes.add(String.valueOf(ctx.requestHeader("User-Agent")));
                    outcomes.add(String.valueOf(ctx.requestHeaderNames().contains("X-Forwarded-Proto")));
                }))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x").header("Host", "example.org").header("User-Agent", "t");

        assertTrue(x.run());

        assertEquals(List.of("https", "de", "example.org", "null", "true"), outcomes);
        assertTrue(x.headerOverrides().hasHeaderChanges());
    }

    @Test
    void anUntouchedRequestCarriesNoHeaderOverrides() {
        CompiledPipeline p = new PipelineBuilder()
                .addHandler(typeMapping("Page", "*", ctx -> outcomes.add(ctx.serverVariable("HTTP_HOST"))))
                .build();
        TestExchange x = new TestExchange(p, app, "GET", "/x").header("Host", "example.org");

        assertTrue(x.run());

        assertEquals(List.of("example.org"), outcomes);
        assertNull(x.headerOverrides());
    }
}
