package io.stageline.modules.customerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestHandler;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineBuilder;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomErrorsModuleTest {
    private static final String REMOTE = "10.1.2.3";
    private static final String LOCAL = "127.0.0.1";

    private final TestExchange.App app = new TestExchange.App()
            .file("/index.html", "home")
            .file("/errors/404.html", "custom 404 page")
            .file("/errors/404-3.html", "custom 404.3 page")
            .file("/errors/any.html", "default error page")
            .file("/errors/en-US/404.htm", "english 404")
            .file("/errors/fr-FR/404.htm", "page 404 en francais")
            .file("/errors/handler.html", "executed error page");

    private static Map<String, Object> entry(int status, int sub, String path, String mode) {
        return Map.of("add", status, "subStatusCode", sub, "path", path, "responseMode", mode);
    }

    private static CompiledPipeline pipeline(Map<String, ?> settings, HandlerMapping... handlers) {
        PipelineBuilder b = Stageline.builder().removeModule(CustomErrorsModule.NAME)
                .addNativeModule(CustomErrorsModule.NAME, new CustomErrorsModule(), ModuleSettings.of(settings));
        for (HandlerMapping h : handlers) {
            b.addHandler(h);
        }
        return b.build();
    }

    private static HandlerMapping handler(String path, RequestHandler h) {
        return HandlerMapping.builder("H" + path.hashCode()).path(path).verb("*").handler(h).build();
    }

    private TestExchange run(CompiledPipeline p, String client, String path) {
        TestExchange x = new TestExchange(p, app, "GET", path);
        x.remoteAddress = client;
        x.bufferSize = 1 << 16;
        assertTrue(x.run());
        return x;
    }

    // ---------------------------------------------------------------- errorMode

    @ParameterizedTest(name = "{0} for a {1} client -> {2}")
    @CsvSource({
        "DetailedLocalOnly, local, detailed",
        "DetailedLocalOnly, remote, custom",
        "Detailed, remote, detailed",
        "Detailed, local, detailed",
        "Custom, local, custom",
        "Custom, remote, custom"})
    void errorModeDecidesBetweenTheDetailedPageAndTheCustomOne(String mode, String client, String expected) {
        CompiledPipeline p = pipeline(Map.of("errorMode", mode, "errors",
                List.of(entry(404, -1, "/errors/404.html", "File"))));
        TestExchange x = run(p, "local".equals(client) ? LOCAL : REMOTE, "/missing.html");
        assertEquals(404, x.status);
        if ("detailed".equals(expected)) {
            assertTrue(x.bodyText().contains("HTTP Error 404.0"), x.bodyText());
            assertTrue(x.bodyText().contains("Physical Path"), x.bodyText());
            assertTrue(x.bodyText().contains("MapRequestHandler"), x.bodyText());
        } else {
            assertEquals("custom 404 page", x.bodyText());
        }
    }

    @Test
    void remoteClientsGetAOneLineMessageWhenNothingIsConfigured() {
        TestExchange x = run(pipeline(Map.of()), REMOTE, "/missing.html");
        assertEquals(404, x.status);
        assertTrue(x.bodyText().contains("404 - Not Found."), x.bodyText());
        assertFalse(x.bodyText().contains("404.0"), "no substatus for remote clients");
        assertFalse(x.bodyText().contains("Physical Path"));
    }

    @Test
    void aFailingModuleShowsItsExceptionClassToLocalClientsOnlyAndNeverAStackTrace() {
        HandlerMapping boom = handler("/boom", ctx -> {
            throw new IllegalStateException("secret detail");
        });
        CompiledPipeline p = pipeline(Map.of(), boom);
        TestExchange local = run(p, LOCAL, "/boom");
        assertEquals(500, local.status);
        assertTrue(local.bodyText().contains("java.lang.IllegalStateException"), local.bodyText());
        assertTrue(local.bodyText().contains("secret detail"), local.bodyText());
        assertFalse(local.bodyText().contains("\tat "), "no stack trace");
        assertFalse(local.bodyText().contains("at io.stageline"), "no stack trace");
        TestExchange remote = run(p, REMOTE, "/boom");
        assertEquals(500, remote.status);
        assertFalse(remote.bodyText().contains("secret detail"), remote.bodyText());
        assertFalse(remote.bodyText().contains("IllegalStateException"), remote.bodyText());
    }

    // ---------------------------------------------------------------- entries

    @ParameterizedTest(name = "{0}.{1} -> {2}")
    @CsvSource({
        "404, 0, custom 404 page",
        "404, 3, custom 404.3 page",
        "404, 4, custom 404 page",
        "403, 14, default error page",
        "500, 0, default error page"})
    void theExactSubstatusWinsOverAnyAndTheDefaultPathCoversTheRest(int status, int sub, String body) {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "defaultPath", "/errors/any.html",
                "errors", List.of(entry(404, -1, "/errors/404.html", "File"),
                        entry(404, 3, "/errors/404-3.html", "File"))),
                handler("/fail", ctx -> ctx.setStatus(status, sub)));
        TestExchange x = run(p, LOCAL, "/fail");
        assertEquals(status, x.status, "the original status is kept");
        assertEquals(body, x.bodyText());
    }

    @ParameterizedTest(name = "Accept-Language {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "fr-fr,en;q=0.5 | page 404 en francais",
        "de-DE, fr-FR | page 404 en francais",
        "fr-FR;q=0, de | english 404",
        "'' | english 404"})
    void prefixLanguageFilePathPicksTheFirstLanguageThatHasTheFile(String accept, String body) {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "errors", List.of(Map.of("add", 404,
                "path", "404.htm", "prefixLanguageFilePath", "/errors"))));
        TestExchange x = new TestExchange(p, app, "GET", "/missing").header("Accept-Language", accept);
        x.remoteAddress = REMOTE;
        x.run();
        assertEquals(404, x.status);
        assertEquals(body, x.bodyText());
    }

    @Test
    void aMissingErrorFileFallsBackToTheOneLineMessage() {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "errors",
                List.of(entry(404, -1, "/errors/none.html", "File"))));
        TestExchange x = run(p, REMOTE, "/missing");
        assertEquals(404, x.status);
        assertTrue(x.bodyText().contains("404 - Not Found."), x.bodyText());
    }

    @Test
    void executeUrlRunsTheUrlAsAChildRequestAndKeepsTheOriginalStatus() {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "errors",
                List.of(entry(404, -1, "/errors/handler.html", "ExecuteURL"))));
        TestExchange x = run(p, REMOTE, "/missing");
        assertEquals(404, x.status);
        assertEquals("static:/errors/handler.html", x.bodyText());
        assertEquals(1, x.children.size());
    }

    @Test
    void executeUrlKeepsAnErrorStatusTheChildSetsItself() {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "errors",
                List.of(entry(404, -1, "/errors/gone", "ExecuteURL"))),
                handler("/errors/gone", ctx -> {
                    ctx.setStatus(410);
                    ctx.responseBody().write("gone".getBytes(StandardCharsets.UTF_8));
                }));
        TestExchange x = run(p, REMOTE, "/missing");
        assertEquals(410, x.status);
        assertEquals("gone", x.bodyText());
    }

    @Test
    void redirectModeAnswers302ToTheUrl() {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "errors",
                List.of(entry(404, -1, "https://example.test/notfound", "Redirect"))));
        TestExchange x = run(p, REMOTE, "/missing");
        assertEquals(302, x.status);
        assertEquals("https://example.test/notfound", x.redirectLocation);
    }

    @Test
    void statusesBelow400AreNeverTouched() {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "defaultPath", "/errors/any.html"),
                handler("/moved", ctx -> ctx.setStatus(304)));
        TestExchange x = run(p, REMOTE, "/moved");
        assertEquals(304, x.status);
        assertEquals("", x.bodyText());
    }

    // ---------------------------------------------------------------- existingResponse

    @ParameterizedTest(name = "{0}, body={1}, trySkip={2} -> replaced={3}")
    @CsvSource({
        "Auto, false, false, true",
        "Auto, false, true, false",
        "Auto, true, false, false",
        "Replace, true, false, true",
        "Replace, false, true, true",
        "Replace, true, true, true",
        "PassThrough, false, false, true",
        "PassThrough, true, false, false",
        "PassThrough, false, true, true"})
    void existingResponseDecidesWhetherTheErrorIsAnswered(String existing, boolean body, boolean trySkip,
                                                          boolean replaced) {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "existingResponse", existing,
                "errors", List.of(entry(404, -1, "/errors/404.html", "File"))),
                handler("/own", ctx -> {
                    ctx.setStatus(404);
                    ctx.setTrySkipCustomErrors(trySkip);
                    if (body) {
                        ctx.responseBody().write("own body".getBytes(StandardCharsets.UTF_8));
                    }
                }));
        TestExchange x = run(p, REMOTE, "/own");
        assertEquals(404, x.status);
        assertEquals(replaced ? "custom 404 page" : body ? "own body" : "", x.bodyText());
    }

    @Test
    void aCommittedResponseIsLeftAlone() {
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "existingResponse", "Replace",
                "errors", List.of(entry(500, -1, "/errors/any.html", "File"))),
                handler("/late", ctx -> {
                    ctx.responseBody().write("partial".getBytes(StandardCharsets.UTF_8));
                    throw new IllegalStateException("after commit");
                }));
        TestExchange x = new TestExchange(p, app, "GET", "/late");
        x.remoteAddress = REMOTE;
        x.run();
        assertEquals("partial", x.bodyText());
    }

    @Test
    void childRequestsAreAnsweredByTheirParent() {
        app.file("/docs/index.html");
        CompiledPipeline p = pipeline(Map.of("errorMode", "Custom", "errors",
                List.of(entry(404, -1, "/errors/404.html", "File"))),
                HandlerMapping.builder("Gone").path("/docs/index.html").verb("*")
                        .handler(ctx -> ctx.setStatus(404)).build());
        TestExchange x = run(p, REMOTE, "/docs/");
        assertEquals(404, x.status);
        assertEquals("custom 404 page", x.bodyText());
    }

    @Test
    void locationsHaveTheirOwnSettings() {
        CompiledPipeline p = Stageline.builder().removeModule(CustomErrorsModule.NAME)
                .addNativeModule(CustomErrorsModule.NAME, new CustomErrorsModule(), ModuleSettings.of(Map.of(
                        "errorMode", "Custom")))
                .location("/shop", null, Map.of(CustomErrorsModule.NAME, ModuleSettings.of(Map.of(
                        "errorMode", "Custom", "errors", List.of(entry(404, -1, "/errors/404.html", "File"))))))
                .build();
        assertEquals("custom 404 page", run(p, REMOTE, "/shop/missing").bodyText());
        assertTrue(run(p, REMOTE, "/missing").bodyText().contains("404 - Not Found."));
    }

    // ---------------------------------------------------------------- settings

    @Test
    void operationsApplyInOrderClearRemoveAndAdd() {
        ErrorRules r = ErrorRules.parse(ModuleSettings.of(Map.of("errors", List.of(
                entry(404, -1, "/a.html", "File"),
                entry(500, -1, "/b.html", "File"),
                "clear",
                entry(404, -1, "/c.html", "File"),
                entry(403, 14, "/d.html", "File"),
                Map.of("remove", 403, "subStatusCode", 14),
                Map.of("statusCode", 401, "path", "/e.html")))), "CustomErrors");
        assertEquals("/c.html", r.lookup(404, 7).path());
        assertNull(r.lookup(500, 0));
        assertNull(r.lookup(403, 14));
        assertEquals(ErrorRules.ResponseMode.FILE, r.lookup(401, 1).mode());
        assertEquals(ErrorRules.ErrorMode.DETAILED_LOCAL_ONLY, r.errorMode);
        assertEquals(ErrorRules.ExistingResponse.AUTO, r.existingResponse);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "errorMode | Verbose | errorMode' is 'Verbose', expected Custom, Detailed or DetailedLocalOnly",
        "existingResponse | Sometimes | existingResponse' is 'Sometimes', expected Auto, Replace or PassThrough",
        "defaultResponseMode | Fax | defaultResponseMode' is 'Fax'",
        "colour | red | unknown setting colour"})
    void badSettingsFailTheDeployment(String key, String value, String message) {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> pipeline(Map.of(key, value)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badEntriesFailTheDeployment() {
        for (Object[] c : new Object[][] {
            {List.of(entry(404, -1, "/a", "File"), entry(404, -1, "/b", "File")), "duplicate entry for 404.-1"},
            {List.of(Map.of("add", 302, "path", "/a")), "not an error status"},
            {List.of(Map.of("add", 404)), "has no path"},
            {List.of(entry(404, -1, "/../x", "File")), "not a canonical application path"},
            {List.of(entry(404, -1, "relative.html", "ExecuteURL")), "not a canonical application path"},
            {List.of(Map.of("add", 404, "path", "x", "responseMode", "Redirect", "prefixLanguageFilePath", "/e")),
                "prefixLanguageFilePath"},
            {List.of("sometimes"), "is not clear, add or remove"}}) {
            PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                    () -> pipeline(Map.of("errors", c[0])));
            assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
        }
    }

    @Test
    void theErrorPageIsWrittenBeforeLogRequest() {
        List<String> seen = new java.util.ArrayList<>();
        CompiledPipeline p = Stageline.builder().removeModule(CustomErrorsModule.NAME)
                .addNativeModule(CustomErrorsModule.NAME, new CustomErrorsModule(), ModuleSettings.of(Map.of(
                        "errorMode", "Custom", "errors", List.of(entry(404, -1, "/errors/404.html", "File")))))
                .addNativeModule("Logger", new io.stageline.api.PipelineModule() {
                    @Override
                    public void init(io.stageline.api.ModuleSetup setup) {
                        setup.subscribe(PipelineStage.LOG_REQUEST);
                    }

                    @Override
                    public void handle(io.stageline.api.RequestContext ctx) {
                        seen.add(ctx.status() + ":" + ((TestExchange) ctx).bodyText());
                    }
                }, ModuleSettings.empty())
                .build();
        run(p, REMOTE, "/missing");
        assertEquals(List.of("404:custom 404 page"), seen);
    }
}
