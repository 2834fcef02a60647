package io.stageline.modules.requestfiltering;

import static io.stageline.modules.requestfiltering.Filtering.pipeline;
import static io.stageline.modules.requestfiltering.Filtering.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Check order, per-location settings, what runs after a denial, and settings validation. */
class RequestFilteringModuleTest {

    /** Settings under which the request of {@link #checksRunInTheDocumentedOrder} fails every check. */
    private static Map<String, Object> everythingDenied() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("allowDoubleEscaping", false);
        s.put("allowHighBitCharacters", false);
        s.put("requestLimits", new HashMap<>(Map.of("maxAllowedContentLength", 1, "maxUrl", 10, "maxQueryString", 5,
                "headerLimits", List.of(Map.of("add", "X-Big", "sizeLimit", 1)))));
        s.put("verbs", Map.of("list", List.of(Map.of("add", "POST", "allowed", false))));
        s.put("fileExtensions", Map.of("list", List.of(Map.of("add", ".exe", "allowed", false))));
        s.put("hiddenSegments", List.of(Map.of("add", "bin")));
        s.put("denyUrlSequences", List.of(Map.of("add", "..")));
        s.put("denyQueryStringSequences", List.of(Map.of("add", "<s")));
        s.put("filteringRules", List.of(Map.of("add", "R", "scanHeaders", List.of("X-Big"), "denyStrings",
                List.of("zz"))));
        return s;
    }

    /** Relaxes the check named {@code step} (a {@link Denial}) so the next one decides. */
    @SuppressWarnings("unchecked")
    private static void relax(Map<String, Object> s, Denial step) {
        Map<String, Object> limits = (Map<String, Object>) s.get("requestLimits");
        switch (step) {
            case DOUBLE_ESCAPED -> s.put("allowDoubleEscaping", true);
            case HIGH_BIT -> s.put("allowHighBitCharacters", true);
            case CONTENT_LENGTH -> limits.remove("maxAllowedContentLength");
            case URL_LENGTH -> limits.remove("maxUrl");
            case QUERY_LENGTH -> limits.remove("maxQueryString");
            case HEADER_LENGTH -> limits.remove("headerLimits");
            case VERB -> s.remove("verbs");
            case EXTENSION -> s.remove("fileExtensions");
            case HIDDEN_SEGMENT -> s.remove("hiddenSegments");
            case URL_SEQUENCE -> s.remove("denyUrlSequences");
            case QUERY_SEQUENCE -> s.remove("denyQueryStringSequences");
            default -> s.remove("filteringRules");
        }
    }

    @Test
    void checksRunInTheDocumentedOrder() {
        Map<String, Object> s = everythingDenied();
        List<String> seen = new ArrayList<>();
        for (Denial step : Denial.values()) {
            seen.add(run(pipeline(s), "POST", "/bin/a+..%C3%A9/x.exe?<s=123", "Content-Length", "2", "X-Big", "zz"));
            relax(s, step);
        }
        seen.add(run(pipeline(s), "POST", "/bin/a+..%C3%A9/x.exe?<s=123", "Content-Length", "2", "X-Big", "zz"));
        assertEquals(List.of("404.11", "404.12", "413.1", "404.14", "404.15", "431.0", "404.6", "404.7", "404.8",
                "404.5", "404.18", "404.19", "200.0"), seen);
    }

    @Test
    void theDenialCodesAreIis10ByDefaultAndIis7WithLegacyStatusCodes() {
        StringBuilder modern = new StringBuilder();
        StringBuilder legacy = new StringBuilder();
        for (Denial d : Denial.values()) {
            modern.append(d.code(false)).append(' ');
            legacy.append(d.code(true)).append(' ');
        }
        assertEquals("404.11 404.12 413.1 404.14 404.15 431.0 404.6 404.7 404.8 404.5 404.18 404.19 ",
                modern.toString());
        assertEquals("404.11 404.12 404.13 404.14 404.15 404.10 404.6 404.7 404.8 404.5 404.18 404.19 ",
                legacy.toString());
    }

    @Test
    void eachLocationHasItsOwnSettings() {
        CompiledPipeline p = Filtering.builder(Map.of())
                .location("/admin", null, Map.of(RequestFilteringModule.NAME, ModuleSettings.of(Map.of(
                        "fileExtensions", Map.of("allowUnlisted", false, "list", List.of(Map.of("add", ".html"))),
                        "allowDoubleEscaping", true))))
                .build();
        assertEquals("200.0", run(p, "GET", "/x.exe"));
        assertEquals("404.7", run(p, "GET", "/admin/x.exe"));
        assertEquals("404.7", run(p, "GET", "/ADMIN/sub/x.exe"));
        assertEquals("200.0", run(p, "GET", "/admin/a+b.html"));
        assertEquals("404.11", run(p, "GET", "/a+b.html"));
        assertEquals("404.8", run(p, "GET", "/admin/WEB-INF/x.html"), "the built-in hidden segments apply everywhere");
    }

    @Test
    void aDenialSkipsToTheEndStagesAndTheHandlerNeverRuns() {
        List<String> stages = new ArrayList<>();
        PipelineModule recorder = new PipelineModule() {
            @Override
            public void init(ModuleSetup setup) {
                setup.subscribe(PipelineStage.BEGIN_REQUEST, PipelineStage.AUTHENTICATE_REQUEST,
                        PipelineStage.LOG_REQUEST, PipelineStage.END_REQUEST);
            }

            @Override
            public void handle(RequestContext ctx) {
                stages.add(ctx.stage().name());
            }
        };
        CompiledPipeline p = Filtering.builder(Map.of()).addNativeModule("Recorder", recorder, ModuleSettings.empty())
                .build();
        assertEquals("404.8", run(p, "GET", "/WEB-INF/web.xml"));
        assertEquals(List.of("LOG_REQUEST", "END_REQUEST"), stages);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "allowDoubleEscaping: maybe | requestFiltering: setting 'allowDoubleEscaping' is 'maybe', expected true or false",
        "unknown key                | unknown setting 'requestFiltering.denyUrls'",
        "extension without dot      | requestFiltering.fileExtensions.list[0]: 'exe' is not a file extension",
        "duplicate extension        | requestFiltering.fileExtensions.list[1]: cannot add duplicate entry '.EXE'",
        "verb with space            | requestFiltering.verbs.list[0]: 'GE T' is not an HTTP method",
        "segment with slash         | requestFiltering.hiddenSegments[0]: 'a/b' is not a single path segment",
        "relative allowed url       | requestFiltering.alwaysAllowedUrls[0]: 'x.html' is not an application-relative",
        "negative maxUrl            | requestFiltering.requestLimits: setting 'maxUrl' is -1, expected 0 or more",
        "header limit without size  | header limit 'X-A' needs 'sizeLimit'",
        "rule scanning nothing      | requestFiltering.filteringRules[0] (rule 'R') scans nothing",
        "rule with unknown key      | requestFiltering.filteringRules[0]: unknown key scanBody",
        "bad list entry             | requestFiltering.denyUrlSequences[0] must be '- add: KEY'",
        "verbs not a map            | requestFiltering.verbs must be a map"})
    void badSettingsFailTheBuildWithAMessageNamingTheModuleAndTheSetting(String name, String message) {
        Map<String, Object> s = switch (name.trim()) {
            case "allowDoubleEscaping: maybe" -> Map.of("allowDoubleEscaping", "maybe");
            case "unknown key" -> Map.of("denyUrls", List.of());
            case "extension without dot" -> Map.of("fileExtensions", Map.of("list", List.of(Map.of("add", "exe"))));
            case "duplicate extension" -> Map.of("fileExtensions", Map.of("list", List.of(Map.of("add", ".exe"),
                    Map.of("add", ".EXE"))));
            case "verb with space" -> Map.of("verbs", Map.of("list", List.of(Map.of("add", "GE T"))));
            case "segment with slash" -> Map.of("hiddenSegments", List.of(Map.of("add", "a/b")));
            case "relative allowed url" -> Map.of("alwaysAllowedUrls", List.of(Map.of("add", "x.html")));
            case "negative maxUrl" -> Map.of("requestLimits", Map.of("maxUrl", -1));
            case "header limit without size" -> Map.of("requestLimits", Map.of("headerLimits",
                    List.of(Map.of("add", "X-A"))));
            case "rule scanning nothing" -> Map.of("filteringRules", List.of(Map.of("add", "R",
                    "denyStrings", List.of("x"))));
            case "rule with unknown key" -> Map.of("filteringRules", List.of(Map.of("add", "R", "scanBody", true)));
            case "bad list entry" -> Map.of("denyUrlSequences", List.of(".."));
            default -> Map.of("verbs", List.of("GET"));
        };
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class, () -> pipeline(s));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("module RequestFiltering: ") && all.contains(message.trim()), all);
    }

    @Test
    void aLocationsBadSettingsNameTheLocation() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class, () ->
                Filtering.builder(Map.of()).location("/admin", null, Map.of(RequestFilteringModule.NAME,
                        ModuleSettings.of(Map.of("verbs", Map.of("allowUnlisted", "no"))))).build());
        assertTrue(String.join("\n", e.problems()).contains("module RequestFiltering at location /admin: "
                + "requestFiltering.verbs: setting 'allowUnlisted' is 'no'"), e.problems().toString());
    }

    @Test
    void removeRemovesABuiltInHiddenSegmentAndClearRemovesThemAll() {
        assertEquals("404.8", run(pipeline(Map.of()), "GET", "/stageline.yaml"));
        assertEquals("200.0", run(pipeline(Map.of("hiddenSegments", List.of(Map.of("remove", "STAGELINE.yaml")))),
                "GET", "/stageline.yaml"));
        assertEquals("200.0", run(pipeline(Map.of("hiddenSegments", List.of("clear"))), "GET", "/WEB-INF/x"),
                "after clear, request filtering hides nothing (StaticFile still refuses WEB-INF on its own)");
    }
}
