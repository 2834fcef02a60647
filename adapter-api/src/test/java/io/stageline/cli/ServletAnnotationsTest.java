package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @WebServlet} mappings read from class files, and how they combine with web.xml. */
class ServletAnnotationsTest {
    @TempDir
    Path dir;
    private Path webInf;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    static final String HELLO = """
            package com.ex;
            @jakarta.servlet.annotation.WebServlet("/hello")
            public class Hello extends jakarta.servlet.http.HttpServlet {
                static {
                    if (true) {
                        throw new IllegalStateException("explain must never initialise application classes");
                    }
                }
            }
            """;
    static final String API = """
            package com.ex;
            @jakarta.servlet.annotation.WebServlet(name = "api", urlPatterns = {"/api/*", "*.json"})
            public class Api extends jakarta.servlet.http.HttpServlet { }
            """;
    static final String PLAIN = """
            package com.ex;
            @Deprecated
            public class Plain extends jakarta.servlet.http.HttpServlet { }
            """;

    @BeforeEach
    void setUp() {
        webInf = dir.resolve("web/WEB-INF");
    }

    private void classes(Map<String, String> sources) {
        ServletClasses.compile(webInf.resolve("classes"), sources);
    }

    private ServletMappings read(String webXml) throws IOException {
        Path x = webInf.resolve("web.xml");
        Files.createDirectories(webInf);
        Files.writeString(x, webXml);
        return ServletMappings.of(x, err);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8).replace(dir + java.io.File.separator, "");
    }

    private String classesSource(String className) {
        return "the @WebServlet annotation on class " + className + " in " + webInf.resolve("classes");
    }

    @Test
    void valueAndUrlPatternsMapAndTheDefaultNameIsTheClassName() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO, "com.ex.Api", API, "com.ex.Plain", PLAIN));

        ServletMappings m = read("<web-app/>");

        assertEquals(new ServletMappings.Match("com.ex.Hello", "/hello", classesSource("com.ex.Hello")), m.match("/hello"));
        assertEquals(new ServletMappings.Match("api", "/api/*", classesSource("com.ex.Api")), m.match("/api/v1/x"));
        assertEquals("api", m.match("/data.json").servlet());
        assertTrue(m.nonDefault(m.match("/hello")));
        assertNull(m.match("/plain"));
        assertEquals(webInf.resolve("web.xml") + " or a @WebServlet annotation", m.source());
        assertEquals("", err());
    }

    @Test
    void metadataCompleteAndWebXmlBefore25TurnAnnotationsOff() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO));

        for (String webXml : List.of("<web-app metadata-complete=\"true\" version=\"6.0\"/>", "<web-app version=\"2.4\"/>",
                "<!DOCTYPE web-app PUBLIC \"-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN\" "
                        + "\"http://127.0.0.1:9/web-app_2_3.dtd\"><web-app/>")) {
            ServletMappings m = read(webXml);

            assertNull(m.match("/hello"), webXml);
            assertEquals(webInf.resolve("web.xml").toString(), m.source());
        }
        assertEquals("com.ex.Hello", read("<web-app metadata-complete=\"false\" version=\"2.5\"/>").match("/hello")
                .servlet());
    }

    @Test
    void webXmlMappingsOfTheSameServletNameReplaceTheAnnotations() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO, "com.ex.Api", API));

        ServletMappings m = read("""
                <web-app>
                  <servlet><servlet-name>com.ex.Hello</servlet-name><servlet-class>com.ex.Hello</servlet-class></servlet>
                  <servlet-mapping><servlet-name>api</servlet-name><url-pattern>/v1/*</url-pattern></servlet-mapping>
                </web-app>
                """);

        assertNull(m.match("/api/x"));
        assertNull(m.match("/x.json"));
        assertEquals(new ServletMappings.Match("api", "/v1/*", webInf.resolve("web.xml").toString()), m.match("/v1/x"));
        assertEquals("com.ex.Hello", m.match("/hello").servlet(), "a <servlet> without a mapping keeps the annotation's");
    }

    @Test
    void aUrlPatternWebXmlGivesAnotherServletStaysWebXmlsWithAWarning() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO));

        ServletMappings m = read("""
                <web-app><servlet-mapping><servlet-name>front</servlet-name><url-pattern>/hello</url-pattern>
                </servlet-mapping></web-app>
                """);

        assertEquals("front", m.match("/hello").servlet());
        assertEquals("stageline: warning: web/WEB-INF/classes: the @WebServlet annotation on class com.ex.Hello maps "
                + "url-pattern '/hello' that web/WEB-INF/web.xml maps to servlet 'front' (the container refuses to "
                + "deploy that); explain keeps 'front'", err().strip());
    }

    @Test
    void anAnnotatedJspMappingReplacesTheContainerDefault() throws IOException {
        classes(Map.of("com.ex.Pages", """
                package com.ex;
                @jakarta.servlet.annotation.WebServlet(name = "pages", value = "*.jsp")
                public class Pages extends jakarta.servlet.http.HttpServlet { }
                """));

        ServletMappings m = read("<web-app/>");

        assertEquals("pages", m.match("/a.jsp").servlet());
        assertFalse(ServletMappings.isContainerDefault(m.match("/a.jsp")));
        assertEquals("", err());
    }

    @Test
    void jarsInWebInfLibAreReadUnlessTheirWebFragmentIsMetadataComplete() throws IOException {
        Path lib = webInf.resolve("lib");
        ServletClasses.compile(dir.resolve("a"), Map.of("com.ex.Api", API));
        ServletClasses.jar(lib.resolve("api.jar"), dir.resolve("a"), Map.of());
        ServletClasses.compile(dir.resolve("h"), Map.of("com.ex.Hello", HELLO));
        ServletClasses.jar(lib.resolve("hello.jar"), dir.resolve("h"), Map.of("META-INF/web-fragment.xml",
                "<web-fragment metadata-complete=\"true\"/>".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(lib.resolve("notes.txt"), "not a jar");

        ServletMappings m = read("<web-app/>");

        assertEquals(new ServletMappings.Match("api", "/api/*", "the @WebServlet annotation on class com.ex.Api in "
                + lib.resolve("api.jar")), m.match("/api/x"));
        assertNull(m.match("/hello"));
        assertEquals("", err());
    }

    @Test
    void malformedClassFilesAndJarsAreSkippedWithAWarning() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO, "com.ex.Api", API));
        Path api = webInf.resolve("classes/com/ex/Api.class");
        byte[] bytes = Files.readAllBytes(api);
        Files.write(api, Arrays.copyOf(bytes, bytes.length - 5));
        Files.writeString(webInf.resolve("classes/com/ex/Junk.class"), "junk");
        Files.createDirectories(webInf.resolve("lib"));
        Files.writeString(webInf.resolve("lib/broken.jar"), "not a zip");

        ServletMappings m = read("<web-app/>");

        assertEquals("com.ex.Hello", m.match("/hello").servlet());
        assertNull(m.match("/api/x"));
        List<String> warnings = err().lines().toList();
        assertEquals(3, warnings.size(), err());
        assertTrue(warnings.get(0).startsWith("stageline: warning: web/WEB-INF/classes/com/ex/Api.class: ignored: "
                + "malformed class file: "), warnings.get(0));
        assertEquals("stageline: warning: web/WEB-INF/classes/com/ex/Junk.class: ignored: malformed class file: not a "
                + "class file (no 0xCAFEBABE magic)", warnings.get(1));
        assertTrue(warnings.get(2).startsWith("stageline: warning: web/WEB-INF/lib/broken.jar: ignored (in part or in "
                + "full): cannot read it as a jar: "), warnings.get(2));
    }

    @Test
    void withoutWebXmlTheWebappsAnnotationsStillMap() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO));

        ServletMappings m = ServletMappings.ofWebapp(dir.resolve("web"), err);

        assertEquals("com.ex.Hello", m.match("/hello").servlet());
        assertEquals("a @WebServlet annotation (no WEB-INF/web.xml)", m.source());
        assertNull(ServletMappings.ofWebapp(dir.resolve("nothing"), err).source());
        assertEquals("", err());
    }

    @Test
    void aWebXmlOutsideWebInfReadsNoAnnotations() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO));
        Path x = webInf.resolve("classes/web.xml");
        Files.writeString(x, "<web-app/>");

        assertNull(ServletMappings.of(x, err).match("/hello"));
    }

    @Test
    void javaxAnnotationsAreNotReadButWarnedAbout() throws IOException {
        classes(Map.of("javax.servlet.annotation.WebServlet", """
                package javax.servlet.annotation;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface WebServlet { String[] value() default {}; }
                """, "com.ex.Old", """
                package com.ex;
                @javax.servlet.annotation.WebServlet("/old")
                public class Old { }
                """));

        ServletMappings m = read("<web-app/>");

        assertNull(m.match("/old"));
        assertEquals("stageline: warning: web/WEB-INF/classes/com/ex/Old.class: class com.ex.Old carries "
                + "javax.servlet.annotation.WebServlet, which a Jakarta Servlet container ignores; its mappings are not "
                + "read", err().strip());
    }

    @Test
    void bothValueAndUrlPatternsAndDuplicateNamesAreRefusedAsTheContainerWould() throws IOException {
        classes(Map.of("com.ex.Both", """
                package com.ex;
                @jakarta.servlet.annotation.WebServlet(value = "/v", urlPatterns = "/u")
                public class Both extends jakarta.servlet.http.HttpServlet { }
                """, "com.ex.Api", API, "com.ex.Api2", API.replace("Api ", "Api2 ").replace("/api/*", "/api2/*")));

        ServletMappings m = read("<web-app/>");

        assertNull(m.match("/v"));
        assertNull(m.match("/u"));
        assertEquals("api", m.match("/api/x").servlet());
        assertNull(m.match("/api2/x"));
        List<String> warnings = err().lines().toList();
        assertEquals(List.of("stageline: warning: web/WEB-INF/classes/com/ex/Both.class: ignored: the @WebServlet "
                        + "annotation of com.ex.Both has both value and urlPatterns, which the Servlet specification "
                        + "forbids (the container refuses it)",
                "stageline: warning: web/WEB-INF/classes: ignored: the @WebServlet annotation on class com.ex.Api2 names "
                        + "servlet 'api', already the name of class com.ex.Api in web/WEB-INF/classes (the container "
                        + "refuses duplicate servlet names)"), warnings);
    }

    @Test
    void largeClassFilesAndLinksOutOfWebInfAreSkipped() throws IOException {
        classes(Map.of("com.ex.Hello", HELLO));
        Files.write(webInf.resolve("classes/Huge.class"), new byte[AnnotatedServlets.MAX_CLASS_BYTES + 1]);
        ServletClasses.compile(dir.resolve("outside"), Map.of("com.ex.Api", API));
        Path jar = ServletClasses.jar(dir.resolve("outside.jar"), dir.resolve("outside"), Map.of());
        Files.createDirectories(webInf.resolve("lib"));
        Files.createSymbolicLink(webInf.resolve("lib/linked.jar"), jar);
        Files.createSymbolicLink(webInf.resolve("classes/linked"), dir.resolve("outside"));

        ServletMappings m = read("<web-app/>");

        assertEquals("com.ex.Hello", m.match("/hello").servlet());
        assertNull(m.match("/api/x"));
        assertEquals(List.of("stageline: warning: web/WEB-INF/classes/Huge.class: ignored: larger than 4 MB",
                "stageline: warning: web/WEB-INF/lib/linked.jar: ignored: it leads outside web/WEB-INF"),
                err().lines().toList());
    }
}
