package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServletMappingsTest {
    @TempDir
    Path dir;

    private ServletMappings read(String xml) throws IOException {
        Path p = dir.resolve("web.xml");
        Files.writeString(p, xml);
        return ServletMappings.of(p);
    }

    private static final String WEB_XML = """
            <?xml version="1.0"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet-mapping><servlet-name>front</servlet-name><url-pattern>/</url-pattern></servlet-mapping>
              <servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern></servlet-mapping>
              <servlet-mapping><servlet-name>apiv2</servlet-name><url-pattern>/api/v2/*</url-pattern></servlet-mapping>
              <servlet-mapping>
                <servlet-name>reports</servlet-name>
                <url-pattern>*.do</url-pattern>
                <url-pattern>/report</url-pattern>
              </servlet-mapping>
              <servlet-mapping><servlet-name>front</servlet-name><url-pattern>/app/*</url-pattern></servlet-mapping>
              <servlet-mapping><servlet-name>home</servlet-name><url-pattern></url-pattern></servlet-mapping>
            </web-app>
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            /report,       reports, /report,   true
            /report/x,     -,       -,         false
            /api,          api,     /api/*,    true
            /api/v2/x.do,  apiv2,   /api/v2/*, true
            /api2/x.do,    reports, *.do,      true
            /x.jsp,        jsp,     *.jsp,     true
            /x.jspx,       jsp,     *.jspx,    true
            /,             home,    '',        true
            /app/x,        front,   /app/*,    false
            /a.b/c,        -,       -,         false
            """)
    void pathsAreMappedAsTheServletSpecificationSays(String path, String servlet, String pattern, boolean nonDefault)
            throws IOException {
        ServletMappings m = read(WEB_XML);

        ServletMappings.Match match = m.match(path);

        assertEquals(servlet, match == null ? null : match.servlet());
        assertEquals(pattern, match == null ? null : match.pattern());
        assertEquals(nonDefault, m.nonDefault(match));
    }

    @Test
    void withoutAWebApplicationEverythingGoesToTheDefaultServlet() {
        assertNull(ServletMappings.none().match("/x.jsp"));
    }

    @Test
    void aWebXmlMappingReplacesTheContainerDefaultJspMapping() throws IOException {
        ServletMappings m = read("""
                <web-app><servlet-mapping><servlet-name>myjsp</servlet-name><url-pattern>*.jsp</url-pattern>
                </servlet-mapping></web-app>
                """);

        assertEquals("myjsp", m.match("/a.jsp").servlet());
        assertFalse(ServletMappings.isContainerDefault(m.match("/a.jsp")));
        assertTrue(ServletMappings.isContainerDefault(m.match("/a.jspx")));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        ServletMappings m = read("""
                <?xml version="1.0"?>
                <!DOCTYPE web-app [ <!ENTITY xxe SYSTEM "%s"> ]>
                <web-app><servlet-mapping><servlet-name>s&xxe;</servlet-name><url-pattern>/x</url-pattern>
                </servlet-mapping></web-app>
                """.formatted(secret.toUri()));

        assertEquals("s", m.match("/x").servlet());
    }

    @Test
    void anOldStyleDoctypeIsAcceptedWithoutFetchingItsDtd() throws IOException {
        ServletMappings m = read("""
                <?xml version="1.0"?>
                <!DOCTYPE web-app PUBLIC "-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN"
                    "http://127.0.0.1:9/web-app_2_3.dtd">
                <web-app><servlet-mapping><servlet-name>old</servlet-name><url-pattern>*.old</url-pattern>
                </servlet-mapping></web-app>
                """);

        assertEquals("old", m.match("/a.old").servlet());
    }

    @Test
    void entityReferencesAreNotExpandedSoAnExpansionBombStaysSmall() throws IOException {
        StringBuilder dtd = new StringBuilder("<!ENTITY a0 \"xxxxxxxxxx\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        ServletMappings m = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE web-app [" + dtd + "]><web-app><servlet-mapping><servlet-name>&a9;</servlet-name>"
                + "<url-pattern>/x</url-pattern></servlet-mapping></web-app>"));

        assertEquals("", m.match("/x").servlet());
    }

    @Test
    void malformedXmlAndAnotherRootElementAreErrorsThatNameTheFile() {
        IOException bad = assertThrows(IOException.class, () -> read("<web-app><servlet-mapping></web-app>"));
        IOException other = assertThrows(IOException.class, () -> read("<beans/>"));

        assertTrue(bad.getMessage().startsWith(dir.resolve("web.xml") + ": cannot parse: "), bad.getMessage());
        assertEquals(dir.resolve("web.xml") + ": the root element is <beans>, not <web-app>", other.getMessage());
    }

    @Test
    void explainReportsAnUnreadableWebXmlAndExitsOne() {
        CliFixtures fx = new CliFixtures(dir);
        fx.write("web/WEB-INF/stageline.yaml", "directoryBrowse: { enabled: true }\n");
        fx.write("web/WEB-INF/web.xml", "<beans/>");

        CliFixtures.Result r = fx.run("explain", fx.p("web"), "GET", "/");

        assertEquals(1, r.exit());
        assertEquals("stageline: web/WEB-INF/web.xml: the root element is <beans>, not <web-app>", r.err().strip());
    }
}
