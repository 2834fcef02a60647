package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.HandlerMapping;
import io.stageline.api.RequireAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerTableTest {

    static HandlerMapping map(String name, String path, String verb, RequireAccess access) {
        return HandlerMapping.builder(name).path(path).verb(verb).modules("M").requireAccess(access).build();
    }

    static HandlerMapping map(String name, String path) {
        return map(name, path, "*", RequireAccess.SCRIPT);
    }

    static HandlerMapping containerServlet(String name) {
        return HandlerMapping.builder(name).path("*").verb("*").servlet(HandlerMapping.ANY_SERVLET).build();
    }

    static HandlerTable table(AccessPolicy policy, HandlerMapping... mappings) {
        return HandlerTable.compile(List.of(mappings), policy);
    }

    /** The built-in default table of SPEC §4, integrated mode. */
    static HandlerTable defaults(HandlerMapping... appMappings) {
        List<HandlerMapping> all = new ArrayList<>(List.of(appMappings));
        all.add(HandlerMapping.builder("TRACEVerbHandler").path("*").verb("TRACE").modules("ProtocolSupport")
                .requireAccess(RequireAccess.NONE).build());
        all.add(HandlerMapping.builder("OPTIONSVerbHandler").path("*").verb("OPTIONS").modules("ProtocolSupport")
                .requireAccess(RequireAccess.NONE).build());
        all.add(containerServlet("ServletIntegrated"));
        all.add(map("StaticFile", "*", "*", RequireAccess.READ));
        return HandlerTable.compile(all, AccessPolicy.DEFAULT);
    }

    @Test
    void firstMatchingMappingWins() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("jsp", "*.jsp"), map("jsp2", "*.JSP"), map("all", "*"));
        assertEquals(0, t.select("/a/x.jsp", "GET", false, false));
        assertEquals(2, t.select("/a/x.txt", "GET", false, false));
    }

    @Test
    void anEarlierCatchAllShadowsEverythingAfterIt() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("all", "*"), map("jsp", "*.jsp"), map("exact", "x.jsp"));
        assertEquals(0, t.select("/x.jsp", "GET", false, false));
        assertEquals(0, t.select("/", "GET", false, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET     | /x.aspx  | 0
            POST    | /x.aspx  | 0
            PUT     | /x.aspx  | 5
            get     | /x.aspx  | 5
            TRACE   | /x.aspx  | 2
            OPTIONS | /        | 3
            GET     | /dir/    | 5
            """)
    void verbMismatchFallsThroughToLaterMappings(String method, String path, int expected) {
        HandlerTable t = defaults(map("aspx", "*.aspx", "GET,HEAD,POST,DEBUG", RequireAccess.SCRIPT),
                map("never", "*.never"));
        assertEquals(expected, t.select(path, method, false, false));
    }

    @Test
    void containerServletMappingNeedsANonDefaultServlet() {
        HandlerTable t = defaults();
        assertEquals(2, t.select("/app/servlet", "GET", true, false));
        assertEquals(3, t.select("/style.css", "GET", false, false));
        assertEquals(0, t.select("/app/servlet", "TRACE", true, false));
    }

    @Test
    void disabledMappingIsSkippedWhenALaterOneMatches() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("dll", "*.dll", "*", RequireAccess.EXECUTE),
                map("static", "*", "*", RequireAccess.READ));
        assertEquals(1, t.select("/bin/x.dll", "GET", false, true));
    }

    @ParameterizedTest(name = "{0} with [{1}] -> {2}.{3}")
    @CsvSource(delimiter = '|', textBlock = """
            EXECUTE | Read, Script | 403 | 1
            SCRIPT  | Read         | 403 | 1
            READ    | Script       | 403 | 2
            WRITE   | Read, Script | 403 | 3
            NONE    | None         | 200 | 0
            """)
    void onlyDisabledMatchesAnswer403WithTheSubstatusOfTheMissingRight(RequireAccess need, String policy,
            int status, int sub) {
        HandlerTable t = table(AccessPolicy.parse(policy), map("m", "*.x", "*", need), map("other", "*.y"));
        int code = t.select("/a.x", "GET", false, false);
        if (status == 200) {
            assertEquals(0, code);
        } else {
            assertEquals(status, HandlerTable.httpStatus(code));
            assertEquals(sub, HandlerTable.subStatus(code));
        }
    }

    @Test
    void theFirstDisabledMatchDecidesThe403() {
        HandlerTable t = table(AccessPolicy.parse("Script"), map("w", "*.x", "*", RequireAccess.WRITE),
                map("r", "*", "*", RequireAccess.READ), map("e", "*.x", "*", RequireAccess.EXECUTE));
        assertEquals(HandlerTable.FORBIDDEN_WRITE, t.select("/a.x", "GET", false, false));
        assertEquals(HandlerTable.FORBIDDEN_READ, t.select("/a.y", "GET", false, false));
    }

    @Test
    void aDisabledMappingWithAVerbMismatchDoesNotCauseA403() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("w", "*.x", "PUT", RequireAccess.WRITE));
        assertEquals(HandlerTable.NO_HANDLER, t.select("/a.x", "GET", false, false));
        assertEquals(HandlerTable.FORBIDDEN_WRITE, t.select("/a.x", "PUT", false, false));
    }

    @Test
    void aSkippedContainerServletMappingDoesNotCauseA403() {
        HandlerMapping servlet = HandlerMapping.builder("s").path("*").verb("*").servlet("*")
                .requireAccess(RequireAccess.EXECUTE).build();
        HandlerTable t = table(AccessPolicy.DEFAULT, servlet);
        assertEquals(HandlerTable.NO_HANDLER, t.select("/a", "GET", false, false));
        assertEquals(HandlerTable.FORBIDDEN_EXECUTE, t.select("/a", "GET", true, false));
    }

    @Test
    void nothingMatchingIs404Point4() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("jsp", "*.jsp"));
        int code = t.select("/a.html", "GET", false, false);
        assertEquals(HandlerTable.NO_HANDLER, code);
        assertEquals(404, HandlerTable.httpStatus(code));
        assertEquals(4, HandlerTable.subStatus(code));
        assertEquals(HandlerTable.NO_HANDLER, table(AccessPolicy.DEFAULT).select("/", "GET", true, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, -5, Integer.MIN_VALUE})
    void statusOfANonFailureCodeIsRejected(int code) {
        assertThrows(IllegalArgumentException.class, () -> HandlerTable.httpStatus(code));
        assertThrows(IllegalArgumentException.class, () -> HandlerTable.subStatus(code));
    }

    @Test
    void noRemoteReadDisablesTheMappingForRemoteRequestsOnly() {
        HandlerTable t = table(AccessPolicy.parse("Read, NoRemoteRead"), map("static", "*", "*", RequireAccess.READ));
        assertEquals(0, t.select("/a.txt", "GET", false, true));
        assertEquals(HandlerTable.FORBIDDEN_READ, t.select("/a.txt", "GET", false, false));
    }

    @Test
    void scriptMappingRunsUnderAnExecuteOnlyPolicy() {
        HandlerTable t = table(AccessPolicy.parse("Execute"), map("jsp", "*.jsp"));
        assertEquals(0, t.select("/a.jsp", "GET", false, false));
    }

    @ParameterizedTest(name = "{0} -> {1}, path info at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /vdir/test.dll/myinfo | 0 | 14
            /vdir/test.dll        | 0 | 14
            /a/b.dll/c.dll/d      | 0 | 8
            /vdir/test.txt/x      | 1 | 16
            """)
    void allowPathInfoMappingMatchesAnEarlierSegment(String path, int expected, int pathInfoStart) {
        HandlerMapping dll = HandlerMapping.builder("ISAPI-dll").path("*.dll").verb("*").modules("IsapiModule")
                .requireAccess(RequireAccess.EXECUTE).allowPathInfo(true).build();
        HandlerTable t = table(AccessPolicy.parse("Read, Execute"), dll, map("static", "*", "*", RequireAccess.READ));
        int selected = t.select(path, "GET", false, false);
        assertEquals(expected, selected);
        assertEquals(pathInfoStart, t.pathInfoStart(selected, path));
    }

    @Test
    void withoutAllowPathInfoOnlyTheLastSegmentCounts() {
        HandlerTable t = table(AccessPolicy.parse("Read, Execute"), map("dll", "*.dll", "*", RequireAccess.EXECUTE));
        assertEquals(HandlerTable.NO_HANDLER, t.select("/vdir/test.dll/myinfo", "GET", false, false));
        assertEquals(-1, HandlerTable.compile(List.of(HandlerMapping.builder("p").path("*.dll").modules("M")
                .allowPathInfo(true).build()), AccessPolicy.DEFAULT).pathInfoStart(0, "/a.txt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /x/trace.axd      | 1
            /x/TRACE.AXD      | 1
            /x/other.axd      | 7
            /readme           | 3
            /README           | 3
            /other            | 4
            /x/y.Jsp          | 2
            /a/               | 7
            /b/api/           | 5
            /api              | 4
            /hello.           | 4
            /f.tar.gz         | 6
            /f.gz             | 7
            """)
    void indexedLookupKeepsTableOrderAcrossKeyKinds(String path, int expected) {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("axd", "*.AXD", "POST", RequireAccess.SCRIPT),
                map("trace", "Trace.axd"), map("jsp", "*.jsp"), map("readme", "readme"), map("extless", "*."),
                map("dir", "api/"), map("tgz", "*.tar.gz"), map("static", "*", "GET", RequireAccess.READ));
        assertEquals(expected, t.select(path, "GET", false, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/x.json     | 1
            /v/API/x.json   | 1
            /x.json         | 2
            /users/bob      | 3
            /a/users/bob    | 4
            /api/x/y        | 4
            /api/           | 1
            /api            | 4
            /b/c.jsp        | 0
            /c.jsp          | 4
            """)
    void parentKeyedMappingsMergeIntoTheScanInTableOrder(String path, int expected) {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("bjsp", "b/*.jsp"), map("api", "api/*"), map("json", "*.json"),
                map("users", "/Users/*"), map("static", "*", "GET", RequireAccess.READ));
        assertEquals(expected, t.select(path, "GET", false, false));
    }

    @Test
    void anExactSegmentAlsoSeesTheMappingsOfItsExtension() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("axd", "*.axd"), map("trace", "trace.axd"));
        assertEquals(0, t.select("/trace.axd", "GET", false, false));
        HandlerTable reversed = table(AccessPolicy.DEFAULT, map("trace", "trace.axd"), map("axd", "*.axd"));
        assertEquals(0, reversed.select("/trace.axd", "GET", false, false));
        assertEquals(1, reversed.select("/web.axd", "GET", false, false));
    }

    @Test
    void explainReportsEveryVerdictInTableOrderAndStopsAtTheSelection() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("path", "*.aspx"), map("verb", "*.jsp", "POST", RequireAccess.SCRIPT),
                containerServlet("servlet"), map("denied", "*", "*", RequireAccess.WRITE),
                map("selected", "x.jsp"), map("after", "*"));
        List<String> seen = new ArrayList<>();
        t.explain("/x.jsp", "GET", false, false, (i, m, v) -> seen.add(i + ":" + m.name() + ":" + v));
        assertEquals(List.of("0:path:PATH_MISMATCH", "1:verb:VERB_MISMATCH", "2:servlet:NOT_CONTAINER_SERVLET",
                "3:denied:ACCESS_DENIED", "4:selected:SELECTED"), seen);
        assertEquals(4, t.select("/x.jsp", "GET", false, false));
    }

    @Test
    void explainReportsEveryMappingWhenNothingIsSelected() {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("a", "*.a"), map("w", "*", "*", RequireAccess.WRITE));
        List<Verdict> seen = new ArrayList<>();
        t.explain("/x.b", "GET", true, true, (i, m, v) -> seen.add(v));
        assertEquals(List.of(Verdict.PATH_MISMATCH, Verdict.ACCESS_DENIED), seen);
    }

    @Test
    void badMaskIsReportedWithTheMappingNameAndSource() {
        HandlerMapping bad = HandlerMapping.builder("Broken").path("*.jsp,*.jspx").modules("M")
                .source("web.yaml:12:5").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(AccessPolicy.DEFAULT, map("ok", "*"), bad));
        assertEquals("handler 'Broken' at web.yaml:12:5: invalid path mask '*.jsp,*.jspx': it contains ',' at index 5;"
                + " alternative masks are not supported, write one mapping per mask", e.getMessage());
    }

    @Test
    void badVerbListIsReportedWithTheMappingNameAndSource() {
        HandlerMapping bad = HandlerMapping.builder("Verbs").path("*").verb("GET,,POST").modules("M")
                .source("web.yaml:3:1").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table(AccessPolicy.DEFAULT, bad));
        assertEquals("handler 'Verbs' at web.yaml:3:1: invalid verb list 'GET,,POST': empty entry", e.getMessage());
    }

    @Test
    void accessorsExposeTheCompiledTable() {
        HandlerMapping jsp = map("jsp", "*.jsp", "GET, POST", RequireAccess.SCRIPT);
        HandlerTable t = table(AccessPolicy.DEFAULT, jsp);
        assertEquals(1, t.size());
        assertSame(jsp, t.mapping(0));
        assertEquals(PathMask.Kind.EXTENSION, t.pathMask(0).kind());
        assertEquals(List.of("GET", "POST"), t.verbSet(0).verbs());
        assertSame(AccessPolicy.DEFAULT, t.policy());
        assertEquals(6, t.pathInfoStart(0, "/a.jsp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x.jsp", "*"})
    void aPathWithoutLeadingSlashIsRejected(String path) {
        HandlerTable t = table(AccessPolicy.DEFAULT, map("all", "*"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.select(path, "GET", false, false));
        assertTrue(e.getMessage().startsWith("path must start with '/'"), e.getMessage());
    }
}
