package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import io.stageline.modules.httpcache.HttpCacheModule;
import jakarta.servlet.http.HttpServlet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * HttpCache over real HTTP, written once and run on every container (reference §6.9): a page is stored after two hits
 * and then served without its servlet, static files included; copies per query parameter and per header; nothing is
 * cached for authenticated requests or responses that set a cookie; the store stays within maxCacheSize.
 */
public abstract class CacheScenarios extends ScenarioBase {
    /** POST_EXECUTE_REQUEST_HANDLER runs per path: a cache hit skips the handler and that stage. */
    private final Map<String, AtomicInteger> executed = new ConcurrentHashMap<>();
    /** Released once per finished request (END_REQUEST) of a path. */
    private final Map<String, Semaphore> ended = new ConcurrentHashMap<>();

    @Override
    protected Map<String, String> files() {
        return Map.of("page.txt", "static page", "plain.html", "<p>not profiled</p>");
    }

    @Override
    protected Map<String, Class<? extends HttpServlet>> servlets() {
        return Map.of("*.count", CaptureServlets.Counted.class);
    }

    private final class Executed implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.POST_EXECUTE_REQUEST_HANDLER, PipelineStage.END_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            if (ctx.stage() == PipelineStage.END_REQUEST) {
                finished(ctx.path()).release();
            } else {
                executed.computeIfAbsent(ctx.path(), p -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    @Override
    protected CompiledPipeline pipeline() {
        return Stageline.builder().removeModule(HttpCacheModule.NAME)
                .addNativeModule(HttpCacheModule.NAME, new HttpCacheModule(), ModuleSettings.of(Map.of(
                        "maxCacheSize", "10KB", "maxResponseSize", "8KB",
                        "profiles", List.of(
                                Map.of("add", ".count", "policy", "CacheForTimePeriod", "duration", "60s",
                                        "varyByQueryString", "id", "varyByHeaders", "Accept-Language"),
                                Map.of("add", ".txt", "policy", "CacheForTimePeriod", "location", "Any")))))
                .addNativeModule("Executed", new Executed(), ModuleSettings.empty())
                .build();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        java.net.http.HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private Semaphore finished(String path) {
        return ended.computeIfAbsent(path, p -> new Semaphore(0));
    }

    /**
     * The handler runs of {@code path} once all {@code requests} sent to it have finished their pipeline (an unwrapped
     * static file can reach the client before the filter finished its stages): after that, no run can still arrive.
     */
    private int executions(String path, int requests) throws InterruptedException {
        assertTrue(finished(path).tryAcquire(requests, 10, TimeUnit.SECONDS),
                "END_REQUEST did not run for all " + requests + " requests of " + path);
        return count(path);
    }

    private int count(String path) {
        AtomicInteger n = executed.get(path);
        return n == null ? 0 : n.get();
    }

    @Test
    void aCachedPageIsServedWithoutRunningItsServletFromTheSecondHitOn() throws Exception {
        assertEquals("count=1 /a.count lang=null", get("/a.count").body());
        assertEquals("count=2 /a.count lang=null", get("/a.count").body());
        HttpResponse<String> hit = get("/a.count");
        assertEquals(200, hit.statusCode());
        assertEquals("count=2 /a.count lang=null", hit.body());
        assertEquals("no-cache", hit.headers().firstValue("Cache-Control").orElse("none"));
        assertTrue(hit.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(2, CaptureServlets.count("/a.count"));
        assertEquals(2, executions("/a.count", 3));
    }

    @Test
    void staticFilesAreCachedTooWithTheLocationsCacheControl() throws Exception {
        get("/page.txt");
        get("/page.txt");
        HttpResponse<String> hit = get("/page.txt");
        assertEquals("static page", hit.body());
        assertEquals("public, max-age=30", hit.headers().firstValue("Cache-Control").orElse("none"));
        assertEquals(2, executions("/page.txt", 3), "the third request did not reach the default servlet");
        get("/plain.html");
        get("/plain.html");
        get("/plain.html");
        assertEquals(3, executions("/plain.html", 3), "no profile, no caching");
    }

    @Test
    void theQueryStringSelectsACopyOnlyByTheNamedParameter() throws Exception {
        get("/q.count?id=1");
        get("/q.count?id=1");
        get("/q.count?id=2");
        get("/q.count?id=2");
        int before = CaptureServlets.count("/q.count");
        assertTrue(get("/q.count?id=1&utm=x").body().endsWith("/q.count?id=1 lang=null"));
        assertTrue(get("/q.count?id=2").body().endsWith("/q.count?id=2 lang=null"));
        assertEquals(before, CaptureServlets.count("/q.count"));
    }

    @Test
    void aHeaderNamedInVaryByHeadersSelectsACopy() throws Exception {
        get("/h.count", "Accept-Language", "en");
        get("/h.count", "Accept-Language", "en");
        get("/h.count", "Accept-Language", "fr");
        get("/h.count", "Accept-Language", "fr");
        int before = CaptureServlets.count("/h.count");
        assertTrue(get("/h.count", "Accept-Language", "en").body().endsWith("lang=en"));
        assertTrue(get("/h.count", "Accept-Language", "fr").body().endsWith("lang=fr"));
        assertEquals(before, CaptureServlets.count("/h.count"));
    }

    @Test
    void authenticatedRequestsAreNeverAnsweredFromTheCache() throws Exception {
        for (int i = 0; i < 3; i++) {
            get("/auth.count", "Authorization", "Basic YWxpY2U6c2VjcmV0");
        }
        assertEquals(3, CaptureServlets.count("/auth.count"));
    }

    @Test
    void responsesThatSetACookieAreNeverStored() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get("/cookie.count");
            assertEquals("visit=" + (i + 1), r.headers().firstValue("Set-Cookie").orElse("none"));
        }
        assertEquals(3, CaptureServlets.count("/cookie.count"));
    }

    @Test
    void theStoreEvictsToStayWithinMaxCacheSize() throws Exception {
        for (int i = 1; i <= 5; i++) {
            get("/large" + i + ".count");
            get("/large" + i + ".count");
        }
        int before = 0;
        for (int i = 1; i <= 5; i++) {
            before += CaptureServlets.count("/large" + i + ".count");
        }
        int served = 0;
        for (int i = 1; i <= 5; i++) {
            served += get("/large" + i + ".count").body().length() > 4000 ? 1 : 0;
        }
        int after = 0;
        for (int i = 1; i <= 5; i++) {
            after += CaptureServlets.count("/large" + i + ".count");
        }
        assertEquals(5, served);
        assertTrue(after > before, "five 4 KB pages do not fit a 10 KB cache: some ran again");
        assertTrue(after < before + 5, "some stayed cached");
    }
}
