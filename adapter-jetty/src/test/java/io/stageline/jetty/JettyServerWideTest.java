package io.stageline.jetty;

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
import org.eclipse.jetty.ee11.servlet.FilterMapping;
import org.eclipse.jetty.ee11.webapp.Configurations;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-wide install on embedded Jetty 12.1 (ee11): {@link StagelineConfiguration} in the server's default
 * web-application configurations applies Stageline, with its server-level file, to every {@link WebAppContext},
 * deployed with the server or after it started, with or without a {@code WEB-INF/stageline.yaml}. Stageline is
 * recognised by its detailed 404 page ("404.0"), which Jetty's own error page does not have.
 */
class JettyServerWideTest {
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

    private Server server;
    private ServerConnector connector;
    private ContextHandlerCollection contexts;

    @AfterEach
    void stopJetty() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theServerDefaultConfigurationAppliesToWebAppsDeployedBeforeAndAfterTheStart() throws Exception {
        newServer(true);
        WebAppContext early = deploy("/early", plainApp("early"));
        start(early);
        WebAppContext late = deploy("/late", plainApp("late"));
        late.start();
        assertTrue(late.isAvailable(), "the late web application must start");

        ServerWideChecks.assertServerWide(this::get, "/early", "configuration");
        ServerWideChecks.assertServerWide(this::get, "/late", "configuration");
    }

    @Test
    void anApplicationWithItsOwnFileAndTheDropInInitializerGetsExactlyOneFilter() throws Exception {
        newServer(true);
        Path root = plainApp("both");
        Files.writeString(root.resolve("notes.custom"), "custom type");
        Files.writeString(root.resolve("WEB-INF").resolve("stageline.yaml"), """
                staticContent:
                  mimeMap:
                    - add: .custom
                      mimeType: text/x-app
                """);
        WebAppContext both = deploy("/both", root);
        both.addServletContainerInitializer(new StagelineInitializer());
        start(both);

        FilterMapping[] mappings = both.getServletHandler().getFilterMappings();
        assertEquals(1, Arrays.stream(mappings)
                .filter(m -> StagelineInitializer.FILTER_NAME.equals(m.getFilterName())).count());
        assertEquals(StagelineInitializer.FILTER_NAME, mappings[0].getFilterName(), "Stageline runs first");
        ServerWideChecks.assertServerWide(this::get, "/both", "configuration");
        HttpResponse<String> custom = get("/both/notes.custom");
        assertEquals(200, custom.statusCode(), custom.body());
        assertEquals("text/x-app", custom.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void withoutTheConfigurationTheContainersOwnNotFoundPageHasNo404Point0() throws Exception {
        newServer(false);
        start(deploy("/plain", plainApp("plain")));

        HttpResponse<String> missing = get("/plain/missing.html");
        assertEquals(404, missing.statusCode());
        assertFalse(missing.body().contains("404.0"), missing.body());
        assertEquals(404, get("/plain/server-hello").statusCode());
    }

    @Test
    void theConfigurationDefaultsToEtcStagelineYamlUnderJettyBase() {
        ServerWideChecks.withSystemProperty("jetty.base", temp.toString(), () -> {
            assertEquals(temp.resolve("etc").resolve("stageline.yaml"), new StagelineConfiguration().serverConfig());
        });
    }

    private void newServer(boolean stageline) throws IOException {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        if (stageline) {
            Path serverYaml = Files.writeString(temp.resolve("server-stageline.yaml"), SERVER_YAML);
            Configurations.setServerDefault(server).add(new StagelineConfiguration(serverYaml));
        }
    }

    private Path plainApp(String name) throws IOException {
        Path root = Files.createDirectories(temp.resolve("apps").resolve(name));
        Files.writeString(root.resolve("hello.html"), "<p>hello static</p>");
        Files.createDirectories(root.resolve("WEB-INF"));
        return root;
    }

    /** A web application as the deployer makes it: its directory, the default descriptor, the server's configurations. */
    private WebAppContext deploy(String path, Path root) {
        WebAppContext ctx = new WebAppContext(root.toString(), path);
        contexts.addHandler(ctx);
        return ctx;
    }

    private void start(WebAppContext ctx) throws Exception {
        server.start();
        if (!ctx.isAvailable()) {
            throw new IllegalStateException("the Jetty web application did not start");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
