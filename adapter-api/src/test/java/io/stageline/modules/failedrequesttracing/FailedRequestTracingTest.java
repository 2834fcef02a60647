package io.stageline.modules.failedrequesttracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.api.TraceWriter;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import io.stageline.testutil.MiniJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedRequestTracingTest {
    @TempDir
    Path dir;

    private final TestExchange.App app = new TestExchange.App().file("/hello.html");

    /** Writes authentication and authorization decisions, as the security modules do; denies /private/*. */
    static final class Gatekeeper implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST, PipelineStage.AUTHORIZE_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            TraceWriter t = ctx.trace();
            if (ctx.stage() == PipelineStage.AUTHENTICATE_REQUEST) {
                ctx.setUser(() -> "alice", "Basic", List.of("staff"));
                if (t.enabled()) {
                    t.event(TraceWriter.AUTHENTICATION, TraceWriter.AUTH_SUCCEEDED, "user", "alice", "authType", "Basic");
                }
            } else if (ctx.path().startsWith("/private/")) {
                if (t.enabled()) {
                    t.event(TraceWriter.AUTHORIZATION, TraceWriter.AUTHORIZATION_DENIED, "user", "alice",
                            "rule", "deny users=*");
                }
                ctx.setStatus(401, 3);
                ctx.completeRequest();
            }
        }
    }

    private CompiledPipeline pipeline(Object... settings) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("enabled", true);
        m.put("directory", dir.toString());
        m.put("rules", List.of(Map.of("path", "*", "statusCodes", "400-599")));
        for (int i = 0; i < settings.length; i += 2) {
            m.put((String) settings[i], settings[i + 1]);
        }
        return Stageline.builder().removeModule(FailedRequestTracingModule.NAME)
                .addNativeModule("Gatekeeper", new Gatekeeper(), ModuleSettings.empty())
                .addNativeModule(FailedRequestTracingModule.NAME, new FailedRequestTracingModule(),
                        ModuleSettings.of(m))
                .build();
    }

    private TestExchange run(CompiledPipeline p, String method, String path, String... headers) {
        TestExchange x = new TestExchange(p, app, method, path);
        for (int i = 0; i < headers.length; i += 2) {
            x.header(headers[i], headers[i + 1]);
        }
        assertTrue(x.run());
        return x;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return (Map<String, Object>) MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void aPassingRequestIsBufferedButWritesNothing() throws IOException {
        CompiledPipeline p = pipeline();
        TestExchange x = run(p, "GET", "/hello.html");
        assertEquals(200, x.status);
        assertTrue(x.trace().enabled(), "a rule's path matched: the request is buffered");
        p.close();
        assertEquals(List.of(), files());
    }

    @Test
    void aRequestNoRulePathMatchesIsNotTracedAtAll() throws IOException {
        CompiledPipeline p = pipeline("rules", List.of(Map.of("path", "*.jsp", "statusCodes", "404")));
        TestExchange x = run(p, "GET", "/missing.html");
        assertEquals(404, x.status);
        assertFalse(x.trace().enabled());
        p.close();
        assertEquals(List.of(), files());
    }

    @Test
    void disabledTracingTracesNothing() throws IOException {
        CompiledPipeline p = pipeline("enabled", false);
        TestExchange x = run(p, "GET", "/missing.html");
        assertFalse(x.trace().enabled());
        p.close();
        assertEquals(List.of(), files());
    }

    @Test
    void aFailedRequestWritesJsonAndHtmlWithTheWholeStory() throws IOException {
        CompiledPipeline p = pipeline();
        run(p, "GET", "/missing.html", "User-Agent", "test agent", "Cookie", "session=secret",
                "Authorization", "Basic c2VjcmV0");
        p.close();
        assertEquals(List.of("fr000001.html", "fr000001.json"), files());
        Map<String, Object> t = json(dir.resolve("fr000001.json"));
        assertEquals("fr000001", t.get("id"));
        Map<String, Object> req = map(t.get("request"));
        assertEquals("GET", req.get("method"));
        assertEquals("/missing.html", req.get("url"));
        assertEquals("alice", req.get("user"));
        assertEquals("127.0.0.1", req.get("client"));
        assertEquals(Map.of("User-Agent", "test agent"), req.get("headers"), "no Cookie, no Authorization");
        Map<String, Object> resp = map(t.get("response"));
        assertEquals(404L, resp.get("status"));
        assertEquals(0L, resp.get("subStatus"));
        assertEquals("IIS Web Core", resp.get("failedModule"));
        assertEquals("MAP_REQUEST_HANDLER", resp.get("failedStage"));
        assertTrue(((Double) resp.get("timeTakenMs")) >= 0);
        assertTrue(((String) map(t.get("failure")).get("reason")).contains("404.0 is in statusCodes 400-599"));

        List<Map<String, Object>> events = list(t.get("events"));
        assertEquals("GENERAL_REQUEST_START", events.get(0).get("name"));
        assertEquals("GENERAL_REQUEST_END", events.get(events.size() - 1).get("name"));
        // every module's start and end, per stage, with a duration
        long starts = events.stream().filter(e -> "NOTIFY_MODULE_START".equals(e.get("name"))).count();
        List<Map<String, Object>> ends = events.stream().filter(e -> "NOTIFY_MODULE_END".equals(e.get("name"))).toList();
        assertEquals(starts, ends.size());
        assertTrue(ends.stream().allMatch(e -> map(e.get("data")).get("durationMs") instanceof Double));
        assertTrue(ends.stream().anyMatch(e -> "Gatekeeper".equals(map(e.get("data")).get("module"))
                && "AUTHENTICATE_REQUEST".equals(map(e.get("data")).get("stage"))));
        // the authentication decision, stamped with the module and stage that wrote it
        Map<String, Object> auth = events.stream().filter(e -> "AUTH_SUCCEEDED".equals(e.get("name"))).findFirst()
                .orElseThrow();
        assertEquals("Authentication", auth.get("area"));
        assertEquals("Gatekeeper", auth.get("module"));
        assertEquals("AUTHENTICATE_REQUEST", auth.get("stage"));
        // the status set by the engine, with who set it
        Map<String, Object> err = events.stream().filter(e -> "MODULE_SET_RESPONSE_ERROR_STATUS".equals(e.get("name")))
                .findFirst().orElseThrow();
        assertEquals("IIS Web Core", map(err.get("data")).get("module"));
        assertEquals(404L, map(err.get("data")).get("status"));
        // handler selection: each mapping tried and why it was skipped, then the winner
        List<Map<String, Object>> sel = list(t.get("handlerSelection"));
        assertEquals(Map.of("event", "HANDLER_MAPPING_CHECKED", "mapping", "TRACEVerbHandler", "path", "*",
                "verb", "TRACE", "requireAccess", "NONE", "verdict", "VERB_MISMATCH"), sel.get(0));
        assertEquals("NOT_CONTAINER_SERVLET", sel.get(2).get("verdict"));
        assertEquals("StaticFile", sel.get(3).get("mapping"));
        assertEquals("SELECTED", sel.get(3).get("verdict"));
        assertEquals("HANDLER_SELECTED", sel.get(4).get("event"));
        assertEquals(false, t.get("truncated"));
    }

    @Test
    void statusChangesNameTheModuleThatMadeThem() throws IOException {
        CompiledPipeline p = pipeline("rules", List.of(Map.of("statusCodes", "401.3")));
        run(p, "GET", "/private/x.html");
        p.close();
        List<Map<String, Object>> events = list(json(dir.resolve("fr000001.json")).get("events"));
        Map<String, Object> change = events.stream().filter(e -> "STATUS_CHANGED".equals(e.get("name"))).findFirst()
                .orElseThrow();
        assertEquals(Map.of("module", "Gatekeeper", "status", 401L, "subStatus", 3L), change.get("data"));
        assertEquals("AUTHORIZE_REQUEST", change.get("stage"));
        assertTrue(events.stream().anyMatch(e -> "AUTHORIZATION_DENIED".equals(e.get("name"))));
    }

    @Test
    void aSlowRequestIsTracedByTimeTakenEvenWhenItSucceeds() throws IOException {
        CompiledPipeline p = pipeline("rules", List.of(Map.of("path", "*.html", "timeTaken", "1s")));
        TestExchange x = new TestExchange(p, app, "GET", "/hello.html");
        x.setRequestStartNanos(System.nanoTime() - 2_000_000_000L);
        assertTrue(x.run());
        p.close();
        Map<String, Object> t = json(dir.resolve("fr000001.json"));
        assertEquals(200L, map(t.get("response")).get("status"));
        assertTrue(((String) map(t.get("failure")).get("reason")).contains("over timeTaken 1000 ms"));
    }

    @Test
    void theHtmlPageIsSelfContainedAndEscapesEveryValue() throws IOException {
        CompiledPipeline p = pipeline();
        run(p, "GET", "/missing.html", "X-Evil", "<script>alert(\"x&y\")</script>");
        p.close();
        String html = Files.readString(dir.resolve("fr000001.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script"), "no script at all, and none injected");
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("@import"),
                "no external resources");
        assertTrue(html.contains("NOTIFY_MODULE_END") && html.contains("VERB_MISMATCH"));
        assertTrue(json(dir.resolve("fr000001.json")).toString().contains("<script>alert(\"x&y\")</script>"),
                "the JSON keeps the value as sent");
    }

    @Test
    void onlyTheNewestMaxLogFilesTracesAreKept() throws IOException {
        CompiledPipeline p = pipeline("maxLogFiles", 3);
        for (int i = 0; i < 5; i++) {
            run(p, "GET", "/missing" + i + ".html");
        }
        p.close();
        assertEquals(List.of("fr000003.html", "fr000003.json", "fr000004.html", "fr000004.json", "fr000005.html",
                "fr000005.json"), files());
        assertEquals("/missing4.html", map(json(dir.resolve("fr000005.json")).get("request")).get("url"));
    }

    @Test
    void numberingContinuesAfterTheTracesAlreadyThere() throws IOException {
        Files.writeString(dir.resolve("fr000041.json"), "{}");
        CompiledPipeline p = pipeline();
        run(p, "GET", "/missing.html");
        p.close();
        assertTrue(Files.exists(dir.resolve("fr000042.json")));
    }

    @Test
    void aTraceOverMaxLogFileSizeKbIsCutAndSaysSo() throws IOException {
        CompiledPipeline p = pipeline("maxLogFileSizeKB", 2);
        run(p, "GET", "/missing.html");
        p.close();
        Map<String, Object> t = json(dir.resolve("fr000001.json"));
        assertEquals(true, t.get("truncated"));
        assertTrue((Long) t.get("eventsOmitted") > 0);
        assertTrue(Files.size(dir.resolve("fr000001.json")) < 4 * 1024);
    }

    @Test
    void badSettingsFailTheBuildNamingTheModule() {
        PipelineConfigurationException e = assertThrows(PipelineConfigurationException.class,
                () -> pipeline("rules", List.of(Map.of("path", "*"))));
        assertTrue(e.getMessage().contains("module 'FailedRequestTracing'")
                && e.getMessage().contains("rule 1 (path '*') has no failure definition"), e.getMessage());
        e = assertThrows(PipelineConfigurationException.class, () -> pipeline("customActionsEnabled", true));
        assertTrue(e.getMessage().contains("unknown setting customActionsEnabled for module FailedRequestTracing"),
                e.getMessage());
    }
}
