package io.stageline.servlet;

import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Starts one container per scenario class with the class's files, pipeline and servlets; a plain HTTP client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScenarioBase {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ServletContainer container;
    private Path webRoot;
    private URI base;

    /** The container to run on (one per subclass). */
    protected abstract ServletContainer container();

    /** The files of the application: path (relative, no leading slash) → content. */
    protected abstract Map<String, String> files();

    protected abstract CompiledPipeline pipeline();

    /** URL pattern → servlet class. */
    protected abstract Map<String, Class<? extends HttpServlet>> servlets();

    protected ServletContainer running() {
        return container;
    }

    @BeforeAll
    void startContainer() throws Exception {
        webRoot = Files.createTempDirectory("stageline-scenario");
        // the initializer installs the filter only into applications that have a Stageline configuration file
        Files.createDirectories(webRoot.resolve("WEB-INF"));
        Files.writeString(webRoot.resolve("WEB-INF/stageline.yaml"), "pipelineMode: integrated\n");
        for (Map.Entry<String, String> f : files().entrySet()) {
            Path p = webRoot.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        container = container();
        base = container.start(webRoot, pipeline(), servlets());
    }

    @AfterAll
    void stopContainer() throws Exception {
        if (container != null) {
            container.stop();
        }
        try (Stream<Path> all = Files.walk(webRoot)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    protected HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }
}
