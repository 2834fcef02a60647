package io.stageline.modules.directorylisting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.modules.Requests;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryListingModuleTest {
    private static final CompiledPipeline LISTING = Requests.with(Stageline.DIRECTORY_LISTING, Map.of("enabled", true));

    private final TestExchange.App app = new TestExchange.App();

    @Test
    void anEnabledListingShowsTheEntriesAsEscapedHtmlLinks() {
        app.file("/dir/b.txt").file("/dir/<img src=x onerror='alert(1)'>.txt").file("/dir/sub/x.txt").file("/dir/a&b.html");
        TestExchange x = Requests.run(LISTING, app, "GET", "/dir/");
        String html = x.bodyText();
        assertEquals("200.0", Requests.statusOf(x));
        assertEquals("text/html;charset=UTF-8", x.responseHeader("Content-Type"));
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("<a href=\"%3Cimg%20src=x%20onerror=&#39;alert(1)&#39;%3E.txt\">"
                + "&lt;img src=x onerror=&#39;alert(1)&#39;&gt;.txt</a>"), html);
        assertTrue(html.contains("<a href=\"a&amp;b.html\">a&amp;b.html</a>"), html);
        assertTrue(html.contains("<a href=\"sub/\">sub</a>"), html);
        assertTrue(html.indexOf(">a&amp;b.html<") < html.indexOf(">b.txt<"), "sorted by name: " + html);
        assertTrue(html.contains("<a href=\"../\">[To Parent Directory]</a>"), html);
        assertTrue(html.contains("<title>/dir/</title>"), html);
        assertTrue(app.invocations.isEmpty());
    }

    @Test
    void privateFoldersAreNeverShown() {
        app.file("/WEB-INF/web.xml").file("/META-INF/MANIFEST.MF").file("/web-inf/x.txt").file("/index.txt");
        String html = Requests.run(LISTING, app, "GET", "/").bodyText();
        assertTrue(html.contains(">index.txt</a>"), html);
        assertFalse(html.toUpperCase(Locale.ROOT).contains("WEB-INF"), html);
        assertFalse(html.toUpperCase(Locale.ROOT).contains("META-INF"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/WEB-INF/", "/WEB-INF/classes/", "/x/meta-inf/"})
    void privateFoldersAreNeverListed(String dir) {
        app.file(dir + "secret.txt");
        // the defaults: RequestFiltering (first in the list) refuses the hidden segment
        TestExchange x = Requests.run(LISTING, app, "GET", dir);
        assertEquals("404.8", Requests.statusOf(x));
        assertFalse(x.bodyText().contains("secret.txt"), x.bodyText());
        // without it, DirectoryListing's own guard still never lists the folder
        x = Requests.run(Requests.withoutRequestFiltering(Stageline.DIRECTORY_LISTING, Map.of("enabled", true)), app,
                "GET", dir);
        assertEquals("404.0", Requests.statusOf(x));
        assertFalse(x.bodyText().contains("secret.txt"), x.bodyText());
    }

    @Test
    void theApplicationRootHasNoParentLink() {
        app.file("/a.txt");
        app.contextPath = "/shop";
        String html = Requests.run(LISTING, app, "GET", "/").bodyText();
        assertFalse(html.contains("[To Parent Directory]"), html);
        assertTrue(html.contains("<h1>/shop/</h1>"), html);
    }

    @Test
    void aNameWithAColonStaysARelativeLink() {
        app.file("/d/javascript:alert(1).txt");
        String html = Requests.run(LISTING, app, "GET", "/d/").bodyText();
        assertTrue(html.contains("href=\"./javascript:alert(1).txt\""), html);
    }

    @Test
    void aDefaultDocumentWinsOverTheListing() {
        app.file("/dir/index.html").file("/dir/other.txt");
        TestExchange x = Requests.run(LISTING, app, "GET", "/dir/");
        assertEquals("static:/dir/index.html", x.bodyText());
    }

    @Test
    void aListingIsShownWhenDefaultDocumentIsDisabled() {
        app.file("/dir/index.html");
        CompiledPipeline p = Stageline.builder(Map.of(
                Stageline.DIRECTORY_LISTING, ModuleSettings.of(Map.of("enabled", true)),
                Stageline.DEFAULT_DOCUMENT, ModuleSettings.of(Map.of("enabled", false)))).build();
        TestExchange x = Requests.run(p, app, "GET", "/dir/");
        assertTrue(x.bodyText().contains(">index.html</a>"), x.bodyText());
        TestExchange redirected = Requests.run(p, app, "GET", "/dir", "sort=name");
        assertEquals(301, redirected.status);
        assertEquals("/dir/?sort=name", redirected.redirectLocation);
    }

    @Test
    void headGetsTheHeadersWithoutABody() {
        app.file("/dir/a.txt");
        TestExchange x = Requests.run(LISTING, app, "HEAD", "/dir/");
        assertEquals("200.0", Requests.statusOf(x));
        assertEquals("text/html;charset=UTF-8", x.responseHeader("Content-Type"));
        assertEquals("", x.bodyText());
    }

    @Test
    void otherVerbsOnAListedDirectoryGet405() {
        app.file("/dir/a.txt");
        TestExchange x = Requests.run(LISTING, app, "POST", "/dir/");
        assertEquals("405.0", Requests.statusOf(x));
        assertEquals("GET, HEAD", x.responseHeader("Allow"));
    }

    @Test
    void aDisabledListingLeavesTheDirectoryTo403dot14() {
        app.file("/dir/a.txt");
        TestExchange x = Requests.run(Requests.defaults(), app, "GET", "/dir/");
        assertEquals("403.14", Requests.statusOf(x));
        assertFalse(x.bodyText().contains("a.txt"), x.bodyText());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'Date, Time, Size, Extension' | Date,Time,Size,Extension
            'date,LONGDATE'               | Date,LongDate
            None                          | ''
            'Size, Size'                  | Size
            """)
    void showFlagsAreValidatedAndKept(String flags, String expected) {
        CompiledPipeline p = Requests.with(Stageline.DIRECTORY_LISTING, Map.of("showFlags", flags));
        DirectoryListingModule m = (DirectoryListingModule) p.module(Stageline.DIRECTORY_LISTING).module();
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(",")), m.showFlags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Colour", "Date,,Time", ""})
    void unknownShowFlagsFailTheBuild(String flags) {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> Requests.with(Stageline.DIRECTORY_LISTING, Map.of("showFlags", flags)));
        assertTrue(e.getMessage().contains("module 'DirectoryListing' failed to initialise")
                && e.getMessage().contains("setting 'showFlags': unknown flag"), e.getMessage());
    }

    @Test
    void listingIsOffByDefaultWithIisDefaultFlags() {
        DirectoryListingModule m = (DirectoryListingModule) Requests.defaults().module(Stageline.DIRECTORY_LISTING).module();
        assertFalse(m.enabled());
        assertEquals(List.of("Date", "Time", "Size", "Extension"), m.showFlags());
    }
}
