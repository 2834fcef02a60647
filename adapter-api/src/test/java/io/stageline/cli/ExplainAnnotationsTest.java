package io.stageline.cli;

import static io.stageline.cli.CliFixtures.defaultHandler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stageline explain} on a web application whose servlets are mapped by {@code @WebServlet} annotations. */
class ExplainAnnotationsTest {
    @TempDir
    Path dir;
    private CliFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CliFixtures(dir);
        fx.write("web/WEB-INF/stageline.yaml", "directoryBrowse: { enabled: true }\n");
        // explain reads the annotations of the WEB-INF folder its web.xml is in (ExplainCommand passes web.xml)
        fx.write("web/WEB-INF/web.xml", "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"/>");
        ServletClasses.compile(dir.resolve("web/WEB-INF/classes"), Map.of("com.ex.Hello", ServletAnnotationsTest.HELLO));
    }

    @Test
    void anAnnotatedServletsPathIsHandledByServletIntegratedAndTheOutputSaysWhereTheMappingIsFrom() {
        CliFixtures.Result r = fx.run("explain", fx.p("web"), "GET", "/hello");

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals("container: the container maps /hello to servlet 'com.ex.Hello' (url-pattern '/hello' in the "
                + "@WebServlet annotation on class com.ex.Hello in web/WEB-INF/classes)", lines.get(4));
        assertTrue(lines.contains("  3. ServletIntegrated: chosen: path '*' and verb '*' match; requireAccess Script is "
                + "granted [" + defaultHandler("ServletIntegrated") + "]"), lines.toString());
        assertTrue(lines.contains("handler: ServletIntegrated runs servlet 'com.ex.Hello' (the container's mapping) "
                + "through ManagedPipelineHandler (a managed handler)"), lines.toString());
    }

    @Test
    void aPathNoAnnotationMapsGoesToTheDefaultServletAndAMalformedClassIsOnlyAWarning() {
        fx.write("web/WEB-INF/classes/com/ex/Broken.class", "\u00ca\u00fe");
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliFixtures.Result r;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = fx.run("explain", fx.p("web"), "GET", "/index.html");
        } finally {
            System.setErr(saved);
        }

        assertEquals(0, r.exit(), r.err());
        assertEquals("container: the container maps /index.html to its default servlet (no url-pattern of "
                + "web/WEB-INF/web.xml or a @WebServlet annotation matches)", r.outLines().get(4));
        String warning = captured.toString(StandardCharsets.UTF_8).replace(dir + java.io.File.separator, "") + r.err();
        assertEquals("stageline: warning: web/WEB-INF/classes/com/ex/Broken.class: ignored: malformed class file: not a "
                + "class file (no 0xCAFEBABE magic)", warning.strip());
    }
}
