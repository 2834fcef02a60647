package io.stageline.tomcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.servlet.ServerWideChecks;
import io.stageline.servlet.StagelineInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-wide install on embedded Tomcat 11: a {@link StagelineListener} on the Host or on the Server applies
 * Stageline, with the listener's server-level file, to every context, whether it was added before the server started
 * or after, and whether or not it has a {@code WEB-INF/stageline.yaml}. Stageline is recognised by its detailed 404
 * page ("404.0"), which Tomcat's own error page does not have.
 */
class TomcatServerWideTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SERVER_YAML = """
            handlers:
              list:
                - add: ServerHello
                  path: /server-hello
                  verb: GET
                  type: io.stageline.servlet.YamlHelloHandler
            """;

    @TempDir
    Path temp;

    private Tomcat tomcat;
    private Connector connector;

    @AfterEach
    void stopTomcat() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void aHostListenerAppliesToContextsAddedBeforeAndAfterTheStart() throws Exception {
        newTomcat();
        tomcat.getHost().addLifecycleListener(listener());
        assertAppliesToContextsAddedBeforeAndAfterTheStart();
    }

    @Test
    void aServerListenerAppliesToContextsAddedBeforeAndAfterTheStart() throws Exception {
        newTomcat();
        tomcat.getServer().addLifecycleListener(listener());
        assertAppliesToContextsAddedBeforeAndAfterTheStart();
    }

    private void assertAppliesToContextsAddedBeforeAndAfterTheStart() throws Exception {
        Context early = addContext("/early", plainApp("early"));
        start(early);
        Context late = addContext("/late", plainApp("late"));
        assertTrue(late.getState().isAvailable(), "the late context must start");

        ServerWideChecks.assertServerWide(this::get, "/early", "listener");
        ServerWideChecks.assertServerWide(this::get, "/late", "listener");
    }

    @Test
    void anApplicationWithItsOwnFileAndTheDropInInitializerGetsExactlyOneFilter() throws Exception {
        newTomcat();
        tomcat.getHost().addLifecycleListener(listener());
        Path root = plainApp("both");
        Files.writeString(root.resolve("notes.custom"), "custom type");
        Files.writeString(Files.createDirectories(root.resolve("WEB-INF")).resolve("stageline.yaml"), """
                staticContent:
                  mimeMap:
                    - add: .custom
                      mimeType: text/x-app
                """);
        Context both = addContext("/both", root);
        both.addServletContainerInitializer(new StagelineInitializer(), null);
        start(both);

        assertEquals(1, Arrays.stream(both.findFilterMaps())
                .filter(m -> StagelineInitializer.FILTER_NAME.equals(m.getFilterName())).count());
        FilterMap first = both.findFilterMaps()[0];
        assertEquals(StagelineInitializer.FILTER_NAME, first.getFilterName(), "Stageline runs first");
        ServerWideChecks.assertServerWide(this::get, "/both", "listener");
        HttpResponse<String> custom = get("/both/notes.custom");
        assertEquals(200, custom.statusCode(), custom.body());
        assertEquals("text/x-app", custom.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void withoutTheListenerTheContainersOwnNotFoundPageHasNo404Point0() throws Exception {
        newTomcat();
        start(addContext("/plain", plainApp("plain")));

        HttpResponse<String> missing = get("/plain/missing.html");
        assertEquals(404, missing.statusCode());
        assertFalse(missing.body().contains("404.0"), missing.body());
        assertEquals(404, get("/plain/server-hello").statusCode());
    }

    @Test
    void theListenerDefaultsToConfStagelineYamlUnderCatalinaBase() throws Exception {
        StagelineListener listener = new StagelineListener();
        ServerWideChecks.withSystemProperty("catalina.base", temp.toString(), () -> {
            assertEquals(temp.resolve("conf").resolve("stageline.yaml"), listener.serverConfigPath());
            listener.setServerConfig("etc/other.yaml");
            assertEquals(temp.resolve("etc/other.yaml"), listener.serverConfigPath());
        });
    }

    private StagelineListener listener() throws IOException {
        StagelineListener listener = new StagelineListener();
        listener.setServerConfig(Files.writeString(temp.resolve("server-stageline.yaml"), SERVER_YAML).toString());
        return listener;
    }

    private void newTomcat() throws IOException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createDirectories(temp.resolve("tomcat")).toString());
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
    }

    private Path plainApp(String name) throws IOException {
        Path root = Files.createDirectories(temp.resolve("apps").resolve(name));
        Files.writeString(root.resolve("hello.html"), "<p>hello static</p>");
        return root;
    }

    /** A context as {@code Tomcat.addContext} makes it, complete before it joins the host (which starts it if started). */
    private Context addContext(String path, Path root) {
        StandardContext ctx = new StandardContext();
        ctx.setName(path);
        ctx.setPath(path);
        ctx.setDocBase(root.toString());
        ctx.addLifecycleListener(new Tomcat.FixContextListener());
        StagelineTomcat.addDefaultServlet(ctx);
        tomcat.getHost().addChild(ctx);
        return ctx;
    }

    private void start(Context ctx) throws Exception {
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED || !ctx.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat did not start");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
