package io.stageline.modules.staticfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.RequireAccess;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.Requests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFileModuleTest {
    private final TestExchange.App app = new TestExchange.App();

    private TestExchange run(CompiledPipeline p, String method, String path) {
        TestExchange x = new TestExchange(p, app, method, path);
        assertTrue(x.run(), "the request finished");
        return x;
    }

    private static String status(TestExchange x) {
        return x.status + "." + x.subStatus();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /a.html                | text/html
            /A.HTML                | text/html
            /img/logo.PnG          | image/png
            /css/site.css          | text/css
            /js/app.mjs            | text/javascript
            /fonts/x.woff2         | font/woff2
            /dist/bundle.tar.gz    | application/gzip
            /dist/bundle.js.map    | application/json
            /dir.with.dots/a.json  | application/json
            """)
    void getOfAnExistingFileIsServedByTheDefaultServletWithTheMappedType(String path, String type) {
        app.file(path);
        TestExchange x = run(Requests.defaults(), "GET", path);
        assertEquals("200.0", status(x));
        assertEquals(List.of("default:" + path), app.invocations);
        assertEquals("static:" + path, x.bodyText());
        assertEquals(type, x.responseHeader("Content-Type"));
    }

    @Test
    void headOfAnExistingFileIsServedByTheDefaultServlet() {
        app.file("/a.html");
        TestExchange x = run(Requests.defaults(), "HEAD", "/a.html");
        assertEquals("200.0", status(x));
        assertEquals(List.of("default:/a.html"), app.invocations);
        assertEquals("text/html", x.responseHeader("Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "PROPFIND"})
    void otherVerbsOnAStaticFileGet405WithAllowGetHead(String method) {
        app.file("/a.html");
        TestExchange x = run(Requests.defaults(), method, "/a.html");
        assertEquals("405.0", status(x));
        assertEquals("GET, HEAD", x.responseHeader("Allow"));
        assertTrue(app.invocations.isEmpty(), "the file is not served");
        assertTrue(x.bodyText().contains("HTTP Error 405.0"), x.bodyText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a.unknownext", "/noextension", "/trailing.", "/page.jsp", "/WebApp.class",
        "/lib/app.jar", "/conf/app.properties", "/conf/app.yaml"})
    void aFileWhoseExtensionIsNotInTheMimeMapGets404dot3(String path) {
        app.file(path);
        TestExchange x = run(Requests.defaults(), "GET", path);
        assertEquals("404.3", status(x));
        assertTrue(app.invocations.isEmpty(), "the file is not served");
        assertTrue(x.bodyText().contains("HTTP Error 404.3"), x.bodyText());
    }

    @Test
    void aMissingFileGets404dot0WithoutReachingTheDefaultServlet() {
        TestExchange x = run(Requests.defaults(), "GET", "/missing.html");
        assertEquals("404.0", status(x));
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void aMissingFileGets404dot0FromTheModuleWhenTheMappingSkipsTheResourceCheck() {
        CompiledPipeline p = Stageline.builder().removeHandler(Stageline.STATIC_FILE_HANDLER)
                .addHandler(HandlerMapping.builder("Loose").path("*").modules(Stageline.STATIC_FILE)
                        .requireAccess(RequireAccess.READ).build())
                .build();
        TestExchange x = run(p, "GET", "/missing.html");
        assertEquals("404.0", status(x));
        assertEquals("StaticFile", x.failedModule());
    }

    @Test
    void theLongestRegisteredSuffixWinsOverTheLastExtension() {
        app.file("/a.tar.gz").file("/b.gz");
        CompiledPipeline p = Requests.with(Stageline.STATIC_FILE, Map.of("mimeMap", Map.of(".TAR.GZ", "application/x-gtar")));
        assertEquals("application/x-gtar", run(p, "GET", "/a.tar.gz").responseHeader("Content-Type"));
        assertEquals("application/gzip", run(p, "GET", "/b.gz").responseHeader("Content-Type"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            /x/report.dll.config  | application/xml
            /x/REPORT.DLL.CONFIG  | application/xml
            /x/app.config         | null
            /x/.config            | null
            /x/a.tar.gz           | application/gzip
            /x.config/readme      | null
            """)
    void lookupUsesOnlyTheLastSegmentCaseInsensitively(String path, String type) {
        MimeMap map = MimeMap.defaults().merge(Map.of(".dll.config", "application/xml"));
        assertEquals(type, map.contentTypeFor(path));
    }

    @Test
    void theCatchAllEntryServesUnknownExtensionsOnlyWhenConfigured() {
        app.file("/a.unknownext");
        CompiledPipeline p = Requests.with(Stageline.STATIC_FILE, Map.of("mimeMap", Map.of(".*", "application/octet-stream")));
        TestExchange x = run(p, "GET", "/a.unknownext");
        assertEquals("200.0", status(x));
        assertEquals("application/octet-stream", x.responseHeader("Content-Type"));
        assertNull(MimeMap.defaults().contentTypeFor("/a.unknownext"));
    }

    @Test
    void anEmptyTypeRemovesABuiltInEntry() {
        app.file("/app.js.map");
        Map<String, Object> mime = new HashMap<>();
        mime.put(".map", "");
        TestExchange x = run(Requests.with(Stageline.STATIC_FILE, Map.of("mimeMap", mime)), "GET", "/app.js.map");
        assertEquals("404.3", status(x));
    }

    @Test
    void theBuiltInMapCoversCommonWebTypesAndNoServerSideCode() {
        Map<String, String> m = MimeMap.defaults().asMap();
        for (String ext : List.of(".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".csv", ".png",
                ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".webp", ".avif", ".woff", ".woff2", ".ttf", ".otf", ".eot",
                ".pdf", ".zip", ".gz", ".mp4", ".webm", ".mp3", ".ogg", ".wav", ".wasm", ".map", ".md")) {
            assertTrue(m.containsKey(ext), ext);
        }
        for (String ext : List.of(".jsp", ".jspx", ".jspf", ".class", ".jar", ".war", ".java", ".properties", ".yaml",
                ".yml", ".config", ".tld", ".tag", MimeMap.CATCH_ALL)) {
            assertFalse(m.containsKey(ext), ext);
        }
    }

    @Test
    void aDirectoryUrlWithoutDefaultDocumentOrListingGets403dot14() {
        app.file("/dir/a.bin.unknown");
        TestExchange x = run(Requests.defaults(), "GET", "/dir/");
        assertEquals("403.14", status(x));
        assertEquals("StaticFile", x.failedModule());
        assertTrue(x.bodyText().contains("HTTP Error 403.14"), x.bodyText());
    }

    @Test
    void directoryRedirectStatusGovernsEveryCourtesyRedirect() {
        app.file("/dir/a.html");
        CompiledPipeline p = Requests.with(Stageline.STATIC_FILE, Map.of("directoryRedirectStatus", 308));
        TestExchange x = run(p, "GET", "/dir");
        assertEquals(308, x.status);
        assertEquals("/dir/", x.redirectLocation);
        CompiledPipeline onlyStatic = Stageline.builder(Map.of(
                        Stageline.STATIC_FILE, ModuleSettings.of(Map.of("directoryRedirectStatus", "302")),
                        Stageline.DEFAULT_DOCUMENT, ModuleSettings.of(Map.of("enabled", false))))
                .build();
        assertEquals(302, run(onlyStatic, "GET", "/dir").status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/WEB-INF/web.xml", "/web-inf/web.xml", "/x/META-INF/MANIFEST.txt"})
    void filesInsidePrivateFoldersAreNeverServed(String path) {
        app.file(path);
        // the defaults: RequestFiltering (first in the list) refuses the hidden segment
        TestExchange x = run(Requests.defaults(), "GET", path);
        assertEquals("404.8", status(x));
        assertTrue(app.invocations.isEmpty());
        // without it, StaticFile's own guard still never serves the file
        x = run(Requests.withoutRequestFiltering(Stageline.STATIC_FILE, Map.of()), "GET", path);
        assertEquals("404.0", status(x));
        assertTrue(app.invocations.isEmpty());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("mimeMap", Map.of("html", "text/html")), "'html' is not a file extension"),
                Arguments.of(Map.of("mimeMap", Map.of(".html", "texthtml")), "which is not a content type"),
                Arguments.of(Map.of("mimeMap", Map.of(".a/b", "text/plain")), "'.a/b' is not a file extension"),
                Arguments.of(Map.of("mimeMap", Map.of(".a*", "text/plain")), "'.a*' is not a file extension"),
                Arguments.of(Map.of("mimeMap", "text/html"), "must be a map"),
                Arguments.of(Map.of("directoryRedirectStatus", 303), "is 303, expected 301, 302, 307 or 308"),
                Arguments.of(Map.of("mimemap", Map.of()), "unknown setting mimemap for module StaticFile"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void badSettingsFailTheBuildNamingTheModuleAndTheValue(Map<String, Object> settings, String expected) {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> Requests.with(Stageline.STATIC_FILE, settings));
        assertTrue(e.getMessage().contains("module 'StaticFile' failed to initialise"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
