package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.customerrors.CustomErrorsModule;
import jakarta.servlet.http.HttpServlet;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CustomErrors over real HTTP, written once and run on every container: the pipeline's own errors, a servlet's
 * {@code sendError} held back and answered (or released to the container), each {@code errorMode},
 * {@code existingResponse} and response mode, one location each.
 */
public abstract class ErrorScenarios extends ScenarioBase {
    static final String CUSTOM_404 = "custom not found page";

    private static Map<String, Object> entry(int status, String path, String mode) {
        return Map.of("add", status, "path", path, "responseMode", mode);
    }

    private static ModuleSettings custom(String existing, Object... entries) {
        return ModuleSettings.of(Map.of("errorMode", "Custom", "existingResponse", existing,
                "errors", List.of(entries)));
    }

    @Override
    protected Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("hello.html", "<p>hello static</p>");
        f.put("big.txt", "0123456789".repeat(10_000));
        f.put("data.unknownext", "data");
        f.put("errors/404.html", CUSTOM_404);
        f.put("errors/page.html", "executed error page");
        f.put("errors/gone.html", "gone page");
        f.put("errors/lang/en-US/404.html", "english not found");
        f.put("errors/lang/fr-FR/404.html", "page introuvable");
        return f;
    }

    @Override
    protected CompiledPipeline pipeline() {
        String ce = CustomErrorsModule.NAME;
        return Stageline.builder().removeModule(ce)
                .addNativeModule(ce, new CustomErrorsModule(), custom("Auto", entry(404, "/errors/404.html", "File"),
                        entry(410, "/errors/gone.html", "ExecuteURL")))
                .location("/detailed", null, Map.of(ce, ModuleSettings.of(Map.of("errorMode", "Detailed"))))
                .location("/localonly", null, Map.of(ce, ModuleSettings.of(Map.of("errorMode", "DetailedLocalOnly",
                        "errors", List.of(entry(404, "/errors/404.html", "File"))))))
                .location("/replace", null, Map.of(ce, custom("Replace", entry(404, "/errors/404.html", "File"))))
                .location("/pass", null, Map.of(ce, custom("PassThrough", entry(404, "/errors/404.html", "File"))))
                .location("/exec", null, Map.of(ce, custom("Auto", entry(404, "/errors/page.html", "ExecuteURL"))))
                .location("/redir", null, Map.of(ce, custom("Auto", entry(404, "/errors/404.html", "Redirect"))))
                .location("/lang", null, Map.of(ce, custom("Auto", Map.of("add", 404, "path", "404.html",
                        "prefixLanguageFilePath", "/errors/lang"))))
                .build();
    }

    @Override
    protected Map<String, Class<? extends HttpServlet>> servlets() {
        return Map.of("*.senderror", ErrorScenarioServlets.SendError.class,
                "*.ownerror", ErrorScenarioServlets.OwnError.class,
                "*.tryskip", ErrorScenarioServlets.TrySkip.class);
    }

    @Test
    void aMissingStaticFileGetsTheCustomFileWithItsStatusKept() throws Exception {
        HttpResponse<String> r = get("/nope.html");
        assertEquals(404, r.statusCode());
        assertEquals(CUSTOM_404, r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void customModeNeverShowsTheSubstatusOrTheDetails() throws Exception {
        HttpResponse<String> r = get("/data.unknownext");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("404.3"), r.body());
        assertFalse(r.body().contains("Physical Path"), r.body());
    }

    @Test
    void detailedModeShowsTheIisLikeDetailedPage() throws Exception {
        HttpResponse<String> r = get("/detailed/nope.html");
        assertEquals(404, r.statusCode());
        for (String part : List.of("HTTP Error 404.0", "Detailed Error Information", "MapRequestHandler",
                "Physical Path", "/detailed/nope.html", "Things you can try")) {
            assertTrue(r.body().contains(part), part + " in " + r.body());
        }
    }

    @Test
    void detailedLocalOnlyShowsDetailsToALoopbackClient() throws Exception {
        HttpResponse<String> r = get("/localonly/nope.html");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("HTTP Error 404.0"), r.body());
        assertFalse(r.body().contains(CUSTOM_404), r.body());
    }

    @Test
    void executeUrlRunsTheErrorPageThroughThePipelineWithTheOriginalStatus() throws Exception {
        HttpResponse<String> r = get("/exec/nope.html");
        assertEquals(404, r.statusCode());
        assertEquals("executed error page", r.body());
    }

    @Test
    void executeUrlAlsoAnswersAServletsSendError() throws Exception {
        HttpResponse<String> r = get("/app/x.senderror?status=410");
        assertEquals(410, r.statusCode());
        assertEquals("gone page", r.body());
    }

    @Test
    void redirectModeAnswers302() throws Exception {
        HttpResponse<String> r = get("/redir/nope.html");
        assertEquals(302, r.statusCode());
        assertEquals("/errors/404.html", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void theLanguagePrefixPicksTheClientsLanguage() throws Exception {
        HttpResponse<String> r = send(request("/lang/nope.html").header("Accept-Language", "fr-FR,en;q=0.5"));
        assertEquals(404, r.statusCode());
        assertEquals("page introuvable", r.body());
        assertEquals("english not found", get("/lang/nope.html").body());
    }

    @Test
    void aServletsSendErrorIsReplacedUnderReplace() throws Exception {
        HttpResponse<String> r = get("/replace/x.senderror");
        assertEquals(404, r.statusCode());
        assertEquals(CUSTOM_404, r.body());
    }

    @Test
    void aServletsSendErrorIsAnsweredUnderAutoBecauseItsBodyIsEmpty() throws Exception {
        HttpResponse<String> r = get("/app/x.senderror?msg=secret+message");
        assertEquals(404, r.statusCode());
        assertEquals(CUSTOM_404, r.body());
    }

    @Test
    void aSendErrorAfterTheServletTookTheWriterIsStillAnswered() throws Exception {
        HttpResponse<String> r = get("/app/x.senderror?write=1");
        assertEquals(404, r.statusCode());
        assertEquals(CUSTOM_404, r.body());
    }

    @Test
    void aServletsSendErrorIsLeftToTheContainerUnderPassThrough() throws Exception {
        HttpResponse<String> r = get("/pass/x.senderror");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains(CUSTOM_404), r.body());
        assertTrue(r.body().contains("404"), "the container's own error page: " + r.body());
    }

    @Test
    void trySkipCustomErrorsIsHonouredUnderAuto() throws Exception {
        HttpResponse<String> r = get("/app/x.tryskip");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains(CUSTOM_404), r.body());
        assertTrue(r.body().contains("404"), "the container's own error page: " + r.body());
    }

    @Test
    void aServletsOwnErrorBodyIsKeptUnderAutoAndReplacedUnderReplace() throws Exception {
        HttpResponse<String> auto = get("/app/x.ownerror");
        assertEquals(404, auto.statusCode());
        assertEquals("servlet's own 404 body", auto.body());
        HttpResponse<String> replaced = get("/replace/x.ownerror");
        assertEquals(404, replaced.statusCode());
        assertEquals(CUSTOM_404, replaced.body());
    }

    @Test
    void staticFilesAreStillServedWithRanges() throws Exception {
        assertEquals("<p>hello static</p>", get("/hello.html").body());
        HttpResponse<String> r = send(request("/big.txt").header("Range", "bytes=0-9"));
        assertEquals(206, r.statusCode());
        assertEquals("0123456789", r.body());
    }
}
