package io.stageline.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged jar keeps Tomcat and Jetty on separate class paths and the launcher free of servlet classes. */
class BundleLayoutIT {
    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(LauncherProcess.JAR.toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void jettyFolderHasTheServletApiJarAndNothingOfTomcat() {
        List<String> jars = jarsIn("lib/jetty/");
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("jakarta.servlet-api-")), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("jetty-ee11-servlet-")), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("slf4j-simple-")), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.startsWith("tomcat-")), jars.toString());
        assertTrue(jar.getEntry("lib/jetty/classes/io/stageline/samples/jetty/JettyStarter.class") != null);
    }

    @Test
    void tomcatFolderHasTomcatAndNeitherJettyNorTheSeparateServletApi() {
        List<String> jars = jarsIn("lib/tomcat/");
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("tomcat-embed-core-")), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.startsWith("jakarta.servlet-api-") || j.startsWith("jetty-")),
                jars.toString());
        assertTrue(jar.getEntry("lib/tomcat/classes/io/stageline/samples/tomcat/TomcatStarter.class") != null);
    }

    @Test
    void commonFolderHasStagelineAndNoContainerOrServletApi() {
        List<String> jars = jarsIn("lib/common/");
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("stageline-adapter-api-")), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.startsWith("jakarta.servlet-api-") || j.startsWith("jetty-")
                || j.startsWith("tomcat-") || j.startsWith("slf4j-")), jars.toString());
    }

    @Test
    void launcherClassesAtTheRootReferenceNoServletContainerOrStagelineClass() throws IOException {
        List<String> launcherClasses = new ArrayList<>();
        for (JarEntry e : jar.stream().toList()) {
            String name = e.getName();
            if (name.endsWith(".class") && !name.startsWith("lib/") && !name.startsWith("webapp-sample/")
                    && !name.startsWith(Sample.FOLDER + "/")) {
                launcherClasses.add(name);
                assertTrue(name.matches("io/stageline/samples/[^/]+\\.class"), name);
                String constants = new String(bytes(e), StandardCharsets.ISO_8859_1);
                for (String forbidden : List.of("jakarta/servlet", "org/eclipse/jetty", "org/apache/", "io/stageline/servlet",
                        "io/stageline/engine", "io/stageline/samples/starter", "io/stageline/samples/jetty",
                        "io/stageline/samples/tomcat")) {
                    assertFalse(constants.contains(forbidden), name + " refers to " + forbidden);
                }
            }
        }
        assertTrue(launcherClasses.contains("io/stageline/samples/Launcher.class"), launcherClasses.toString());
        assertEquals("io.stageline.samples.Launcher", mainClass());
    }

    @Test
    void everySampleIsTheLegacyAppWithItsOwnConfigurationAndClasses() {
        for (Sample s : Sample.values()) {
            for (String file : List.of("index.html", "login.html", "hello.jsp", "WEB-INF/web.xml", "WEB-INF/stageline.yaml",
                    "WEB-INF/classes/io/stageline/samples/hello/HelloServlet.class",
                    "WEB-INF/classes/io/stageline/samples/extras/StatusHandler.class",
                    "WEB-INF/classes/io/stageline/samples/extras/AuditModule.class")) {
                assertTrue(jar.getEntry(s.bundlePath() + file) != null, s.bundlePath() + file);
            }
        }
    }

    @Test
    void sampleWebAppCarriesItsServletInWebInfClasses() {
        for (String file : List.of("index.html", "css/site.css", "docs/index.html", "WEB-INF/web.xml",
                "WEB-INF/stageline.yaml", "WEB-INF/classes/io/stageline/samples/hello/HelloServlet.class")) {
            assertTrue(jar.getEntry("webapp-sample/" + file) != null, file);
        }
    }

    private static List<String> jarsIn(String folder) {
        List<String> names = new ArrayList<>();
        for (JarEntry e : jar.stream().toList()) {
            String name = e.getName();
            if (name.startsWith(folder) && name.endsWith(".jar") && name.indexOf('/', folder.length()) < 0) {
                names.add(name.substring(folder.length()));
            }
        }
        return names;
    }

    private static byte[] bytes(JarEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static String mainClass() {
        try {
            return jar.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
