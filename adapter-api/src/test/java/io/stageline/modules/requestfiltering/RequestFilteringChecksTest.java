package io.stageline.modules.requestfiltering;

import static io.stageline.modules.requestfiltering.Filtering.pipeline;
import static io.stageline.modules.requestfiltering.Filtering.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stageline.engine.CompiledPipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per check of reference §6.4, each row a request and the outcome ({@code 200.0} = passed filtering). The
 * URL form each check reads is part of the table: raw ({@code %2B}, {@code +}) vs decoded path, path vs query string.
 */
class RequestFilteringChecksTest {
    private static final CompiledPipeline DEFAULTS = pipeline(Map.of());

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "default, /a+b.html, 404.11", "default, /a%2Bb.html, 404.11", "default, /a%252e.html, 404.11",
        "default, /a%25.html, 404.11", "default, /a%2b.html, 404.11", "default, /a%20b.html, 200.0",
        "default, /a.html?x=a+b%2525, 200.0", "default, /caf%C3%A9.html, 200.0",
        "allowed, /a+b.html, 200.0", "allowed, /a%252e.html, 200.0"})
    void doubleEscapingReadsTheRawUrlPathAndCountsAnUnencodedPlus(String settings, String target, String expected) {
        CompiledPipeline p = "default".equals(settings) ? DEFAULTS : pipeline(Map.of("allowDoubleEscaping", true));
        assertEquals(expected, run(p, "GET", target));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "false, /caf%C3%A9.html, 404.12", "false, /caf%c3%a9.html, 404.12", "false, /cafe.html, 200.0",
        "false, /a.html?q=%C3%A9, 200.0", "true, /caf%C3%A9.html, 200.0"})
    void highBitCharactersAreNonAsciiBytesOfTheUrlPath(boolean allow, String target, String expected) {
        assertEquals(expected, run(pipeline(Map.of("allowHighBitCharacters", allow)), "GET", target));
    }

    @ParameterizedTest(name = "legacy={0} Content-Length {1} -> {2}")
    @CsvSource({"false, 10, 200.0", "false, 11, 413.1", "false, 99999999999999999999, 413.1", "false, abc, 413.1",
        "false, -1, 413.1", "true, 11, 404.13", "true, 10, 200.0"})
    void contentLengthAboveTheLimitIs413Point1Or404Point13InLegacyMode(boolean legacy, String length,
                                                                       String expected) {
        CompiledPipeline p = pipeline(Map.of("legacyStatusCodes", legacy,
                "requestLimits", Map.of("maxAllowedContentLength", 10)));
        assertEquals(expected, run(p, "POST", "/a.html", "Content-Length", length));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/abcdefghi, 200.0", "/abcdefghij, 404.14", "/abcdefghi?x=1, 200.0", "/a?1234, 404.15",
        "/a?123, 200.0", "/%61bcd, 200.0", "/%61bcdefgh, 404.14"})
    void urlAndQueryStringLengthsAreCountedAsReceived(String target, String expected) {
        CompiledPipeline p = pipeline(Map.of("requestLimits", Map.of("maxUrl", 10, "maxQueryString", 3)));
        assertEquals(expected, run(p, "GET", target));
    }

    @ParameterizedTest(name = "legacy={0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {"false | 12345 | 200.0", "false | 123456 | 431.0", "true | 123456 | 404.10",
        "false | ab,cd | 431.0", "false | a,b | 200.0"})
    void aHeaderLongerThanItsLimitIs431(boolean legacy, String values, String expected) {
        CompiledPipeline p = pipeline(Map.of("legacyStatusCodes", legacy, "requestLimits",
                Map.of("headerLimits", List.of(Map.of("add", "X-Big", "sizeLimit", 5)))));
        String[] headers = values.contains(",")
                ? new String[] {"X-Big", values.split(",")[0], "X-Big", values.split(",")[1]}
                : new String[] {"X-Big", values};
        assertEquals(expected, run(p, "GET", "/a.html", headers));
    }

    @ParameterizedTest(name = "allowUnlisted={0} {1} -> {2}")
    @CsvSource({"false, GET, 200.0", "false, HEAD, 200.0", "false, PUT, 404.6", "false, get, 404.6",
        "true, TRACE, 404.6", "true, OPTIONS, 200.0", "true, trace, 200.0"})
    void verbsAreCaseSensitive(boolean allowUnlisted, String verb, String expected) {
        CompiledPipeline p = pipeline(Map.of("verbs", Map.of("allowUnlisted", allowUnlisted, "list", List.of(
                Map.of("add", "GET"), Map.of("add", "HEAD", "allowed", true), Map.of("add", "TRACE", "allowed", false)))));
        assertEquals(expected, run(p, verb, "/a.html"));
    }

    @ParameterizedTest(name = "allowUnlisted={0} {1} -> {2}")
    @CsvSource({"true, /x.exe, 404.7", "true, /X.EXE, 404.7", "true, /a.tar.gz, 200.0", "true, /a.gz, 404.7",
        "true, /dir.exe/x.html, 200.0", "true, /x.exe/, 200.0", "true, /x.exe?a.html, 404.7", "true, /x%2Eexe, 404.7",
        "false, /x.html, 200.0", "false, /x.txt, 404.7", "false, /readme, 200.0", "false, /dir/, 200.0",
        "false, /a.tar.gz, 200.0"})
    void fileExtensionsLookAtTheLastDecodedSegmentOnly(boolean allowUnlisted, String target, String expected) {
        CompiledPipeline p = pipeline(Map.of("fileExtensions", Map.of("allowUnlisted", allowUnlisted, "list", List.of(
                Map.of("add", ".exe", "allowed", false), Map.of("add", ".tar.gz"), Map.of("add", ".GZ", "allowed", false),
                Map.of("add", ".html"), Map.of("add", ".")))));
        assertEquals(expected, run(p, "GET", target));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"default, /WEB-INF/web.xml, 404.8", "default, /web-inf/web.xml, 404.8", "default, /a/META-INF/x, 404.8",
        "default, /a/stageline.yaml, 404.8", "default, /STAGELINE.YAML, 404.8", "default, /a/stageline.yaml.bak, 200.0",
        "default, /WEB-INFO/x, 200.0", "default, /WEB-IN%46/x, 404.8",
        "custom, /bin/x.dll, 404.8", "custom, /x/BIN, 404.8", "custom, /binary/x, 200.0", "custom, /WEB-INF/x, 404.8",
        "custom, /META-INF/x, 200.0"})
    void hiddenSegmentsAreWholeDecodedSegmentsInAnyCase(String settings, String target, String expected) {
        CompiledPipeline p = "default".equals(settings) ? DEFAULTS : pipeline(Map.of("hiddenSegments",
                List.of(Map.of("add", "bin"), Map.of("remove", "meta-inf"))));
        assertEquals(expected, run(p, "GET", target));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/a..b.html, 404.5", "/a%2Eb.html, 404.5", "/a%2eb.html, 404.5", "/a:b, 404.5", "/a.b, 200.0",
        "/a.html?x=.., 200.0", "/app/x.html, 200.0", "/a..ok.html, 200.0", "/A..ok.html, 404.5"})
    void urlSequencesAreSubstringsOfTheRawUrlWithoutContextPathUnlessAlwaysAllowed(String target, String expected) {
        CompiledPipeline p = pipeline(Map.of("allowDoubleEscaping", true,
                "denyUrlSequences", List.of(Map.of("add", ".."), Map.of("add", "%2e"), Map.of("add", ":"),
                        Map.of("add", "app")),
                "alwaysAllowedUrls", List.of(Map.of("add", "/a..ok.html"))));
        String contextPath = target.startsWith("/app/") ? "/app" : "";
        assertEquals(expected, Filtering.runIn(p, contextPath, "GET", target));
    }

    @ParameterizedTest(name = "unescape={0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "true | /a?q=<script> | 404.18", "true | /a?q=%3Cscript%3E | 404.18", "false | /a?q=%3Cscript%3E | 200.0",
        "true | /a?q=%3cSCRIPT | 404.18", "true | /a?q=union+select | 404.18", "true | /a?q=union%20select | 404.18",
        "true | /a?q=%3Cb%3E | 200.0", "true | /a?q=%3Cscript%3E&ok | 200.0", "true | /<script | 200.0"})
    void queryStringSequencesScanTheRawAndTheDecodedQueryString(boolean unescape, String target, String expected) {
        CompiledPipeline p = pipeline(Map.of("unescapeQueryString", unescape, "allowDoubleEscaping", true,
                "denyQueryStringSequences", List.of(Map.of("add", "<script"), Map.of("add", "union select")),
                "alwaysAllowedQueryStrings", List.of(Map.of("add", "q=%3Cscript%3E&ok"))));
        assertEquals(expected, run(p, "GET", target));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET | /a.jsp?x=1--       | -                    | 404.19",
        "GET | /a.html?x=1--      | -                    | 200.0",
        "GET | /a.jsp?x=1%2D%2D   | -                    | 404.19",
        "GET | /a.jsp?x=50%       | -                    | 404.19",
        "GET | /a.jsp?x=50%25     | -                    | 200.0",
        "GET | /a.html            | User-Agent: sqlmap/1 | 404.19",
        "GET | /a.html            | X-Other: sqlmap      | 200.0",
        "GET | /a%3Cb.html        | -                    | 404.19",
        "GET | /a%3cb.html        | -                    | 404.19",
        "GET | /a.html            | X-Any: EVIL          | 404.19",
        "GET | /a.html            | Evil-Name: x         | 404.19",
        "GET | /a.html            | Accept: */*          | 200.0"})
    void filteringRulesScanWhatTheyNameAndOnlyForTheirExtensions(String verb, String target, String header,
                                                                 String expected) {
        CompiledPipeline p = pipeline(Map.of("filteringRules", List.of(
                Map.of("add", "SqlComments", "scanQueryString", true, "appliesTo", List.of(".jsp"),
                        "denyStrings", List.of("--")),
                Map.of("add", "Scanners", "scanHeaders", List.of("User-Agent"), "denyStrings", List.of("SQLMAP")),
                Map.of("add", "Angles", "scanUrl", true, "denyUnescapedPercent", false, "denyStrings", List.of("<")),
                Map.of("add", "Raw", "scanAllRaw", true, "denyStrings", List.of("evil")))));
        String[] headers = "-".equals(header) ? new String[0] : header.split(": ", 2);
        assertEquals(expected, run(p, verb, target, headers));
    }
}
