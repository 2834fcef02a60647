package io.stageline.modules.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import io.stageline.engine.PipelineConfigurationException;
import io.stageline.engine.TestExchange;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The output cache through the engine: lookup in RESOLVE_REQUEST_CACHE, store in UPDATE_REQUEST_CACHE. */
class HttpCacheModuleTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final List<String> handled = new ArrayList<>();
    private final List<String> stages = new ArrayList<>();
    private final TestExchange.App app = new TestExchange.App();
    private final Map<String, Long> fileDates = new HashMap<>();
    private HttpCacheModule cache;

    /** Sets a user for paths under /private, and records the stages it sees. */
    private final class Observer implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST, PipelineStage.POST_EXECUTE_REQUEST_HANDLER,
                    PipelineStage.LOG_REQUEST, PipelineStage.END_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            stages.add(ctx.stage().name());
            if (ctx.stage() == PipelineStage.AUTHENTICATE_REQUEST && ctx.path().startsWith("/private")) {
                Principal alice = () -> "alice";
                ctx.setUser(alice, "Basic", Set.of());
            }
        }
    }

    private CompiledPipeline pipeline(Map<String, Object> settings) {
        cache = new HttpCacheModule(clock::get);
        // HttpCache is in the default list; this test's own instance (with its clock) replaces it, after Observer
        return Stageline.builder().removeModule(HttpCacheModule.NAME)
                .addNativeModule("Observer", new Observer(), ModuleSettings.empty())
                .addNativeModule(HttpCacheModule.NAME, cache, ModuleSettings.of(settings))
                .addHandler(HandlerMapping.builder("Page").path("*").verb("*").handler(ctx -> {
                    handled.add(ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?"
                            + ctx.queryString()));
                    ctx.setContentType("text/plain");
                    ctx.setResponseHeader("ETag", "\"v1\"");
                    if (ctx.path().contains("cookie")) {
                        ctx.addResponseHeader("Set-Cookie", "s=1");
                    }
                    String text = ctx.path().contains("big") ? "x".repeat(2000) : "page " + ctx.path() + " #"
                            + handled.size();
                    ctx.responseBody().write(text.getBytes(StandardCharsets.UTF_8));
                }).build())
                .build();
    }

    private static Map<String, Object> settings(Object... extra) {
        Map<String, Object> m = new HashMap<>();
        m.put("profiles", List.of(
                Map.of("add", ".html", "policy", "CacheForTimePeriod", "duration", "30s"),
                Map.of("add", ".q", "policy", "CacheForTimePeriod", "varyByQueryString", "id"),
                Map.of("add", ".lang", "policy", "CacheForTimePeriod", "varyByHeaders", "Accept-Language"),
                Map.of("add", ".file", "policy", "CacheUntilChange", "location", "Any"),
                Map.of("add", ".nocache", "policy", "DontCache")));
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        return m;
    }

    private TestExchange request(CompiledPipeline p, String method, String path, String query, String... headers) {
        TestExchange x = new TestExchange(p, app, method, path) {
            @Override
            public String queryString() {
                return query;
            }

            @Override
            public long resourceLastModified(String resourcePath) {
                Long d = fileDates.get(resourcePath);
                return d == null ? -1 : d;
            }
        };
        for (int i = 0; i < headers.length; i += 2) {
            x.header(headers[i], headers[i + 1]);
        }
        assertTrue(x.run());
        return x;
    }

    private TestExchange get(CompiledPipeline p, String path, String... headers) {
        return request(p, "GET", path, null, headers);
    }

    @Test
    void aPageIsStoredOnItsSecondHitAndThenServedWithoutTheHandler() {
        CompiledPipeline p = pipeline(settings());
        assertEquals("page /a.html #1", get(p, "/a.html").bodyText());
        assertEquals("page /a.html #2", get(p, "/a.html").bodyText());
        stages.clear();
        TestExchange hit = get(p, "/a.html");
        assertEquals("page /a.html #2", hit.bodyText());
        assertEquals(2, handled.size());
        assertEquals(200, hit.status);
        assertEquals("text/plain", hit.responseHeader("Content-Type"));
        assertEquals("no-cache", hit.responseHeader("Cache-Control"));
        assertEquals(List.of("AUTHENTICATE_REQUEST", "LOG_REQUEST", "END_REQUEST"), stages,
                "a hit skips the handler and the later ordinary stages; the end stages run");
    }

    @Test
    void theHitThresholdAndPeriodAreConfigurable() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        get(p, "/a.html");
        get(p, "/a.html");
        assertEquals(1, handled.size());

        handled.clear();
        CompiledPipeline slow = pipeline(settings("frequentHitTimePeriod", "1s"));
        get(slow, "/b.html");
        clock.addAndGet(1500);
        get(slow, "/b.html");
        get(slow, "/b.html");
        assertEquals(3, handled.size(), "the two first hits were more than a period apart");
        get(slow, "/b.html");
        assertEquals(3, handled.size());
    }

    @Test
    void anEntryExpiresAfterItsDuration() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        get(p, "/a.html");
        clock.addAndGet(29_000);
        get(p, "/a.html");
        assertEquals(1, handled.size());
        clock.addAndGet(2_000);
        assertEquals("page /a.html #2", get(p, "/a.html").bodyText());
    }

    @Test
    void varyByQueryStringKeepsACopyPerNamedParameterAndIgnoresTheOthers() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        request(p, "GET", "/x.q", "id=1&utm=a", new String[0]);
        request(p, "GET", "/x.q", "id=2", new String[0]);
        assertEquals("page /x.q #1", request(p, "GET", "/x.q", "utm=b&id=1", new String[0]).bodyText());
        assertEquals("page /x.q #2", request(p, "GET", "/x.q", "id=2", new String[0]).bodyText());
        assertEquals(2, handled.size());
        request(p, "GET", "/a.html", "any=1", new String[0]);
        assertEquals("page /a.html #3", request(p, "GET", "/a.html", "other=2", new String[0]).bodyText(),
                "without varyByQueryString the query string does not select a copy (IIS)");
    }

    @Test
    void varyByHeadersKeepsACopyPerHeaderValue() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        get(p, "/x.lang", "Accept-Language", "en");
        get(p, "/x.lang", "Accept-Language", "fr");
        assertEquals("page /x.lang #1", get(p, "/x.lang", "Accept-Language", "en").bodyText());
        assertEquals("page /x.lang #2", get(p, "/x.lang", "Accept-Language", "fr").bodyText());
        assertEquals(2, handled.size());
    }

    @Test
    void authenticatedRequestsAreNotCachedUnlessConfigured() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        get(p, "/private/a.html");
        get(p, "/private/a.html");
        get(p, "/a.html", "Authorization", "Basic eDp5");
        get(p, "/a.html", "Authorization", "Basic eDp5");
        assertEquals(4, handled.size());
        assertNull(get(p, "/private/a.html").responseHeader("Cache-Control"), "no client caching either");

        handled.clear();
        CompiledPipeline allowed = pipeline(settings("frequentHitThreshold", 1, "cacheAuthenticatedRequests", true));
        get(allowed, "/private/a.html");
        get(allowed, "/private/a.html");
        assertEquals(1, handled.size());
    }

    @Test
    void responsesThatSetACookieOrAreNot200OrComeFromOtherVerbsAreNotStored() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        get(p, "/cookie.html");
        get(p, "/cookie.html");
        request(p, "POST", "/a.html", null);
        request(p, "POST", "/a.html", null);
        assertEquals(4, handled.size());
        get(p, "/x.nocache");
        get(p, "/x.nocache");
        assertEquals(6, handled.size());
    }

    @Test
    void headIsAnsweredFromTheGetCopyAndIsNeverStoredItself() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        request(p, "HEAD", "/a.html", null);
        get(p, "/a.html");
        assertEquals(2, handled.size(), "the HEAD response was not stored");
        TestExchange head = request(p, "HEAD", "/a.html", null);
        assertEquals(2, handled.size());
        assertEquals("", head.bodyText());
        assertEquals(Integer.toString("page /a.html #2".length()), head.responseHeader("Content-Length"));
    }

    @Test
    void aCachedCopyAnswersConditionalRequestsWith304() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        get(p, "/a.html");
        TestExchange revalidation = get(p, "/a.html", "If-None-Match", "W/\"v1\", \"v0\"");
        assertEquals(304, revalidation.status);
        assertEquals("", revalidation.bodyText());
        assertEquals(200, get(p, "/a.html", "If-None-Match", "\"v2\"").status);
        assertEquals(1, handled.size());
    }

    @Test
    void cacheUntilChangeEndsWhenTheFilesDateChangesAndNeedsAFile() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1));
        fileDates.put("/doc.file", 1000L);
        get(p, "/doc.file");
        clock.addAndGet(3_600_000);
        assertEquals("page /doc.file #1", get(p, "/doc.file").bodyText());
        assertEquals("public", get(p, "/doc.file").responseHeader("Cache-Control"));
        fileDates.put("/doc.file", 2000L);
        assertEquals("page /doc.file #2", get(p, "/doc.file").bodyText());
        get(p, "/nofile.file");
        get(p, "/nofile.file");
        assertEquals(4, handled.size(), "CacheUntilChange needs a file to watch");
    }

    @Test
    void responsesLargerThanMaxResponseSizeAreNotStored() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1, "maxResponseSize", 1000));
        get(p, "/big.html");
        get(p, "/big.html");
        assertEquals(2, handled.size());
    }

    @Test
    void theStoreEvictsToStayWithinMaxCacheSize() {
        CompiledPipeline p = pipeline(settings("frequentHitThreshold", 1, "maxCacheSize", "5KB"));
        for (int i = 0; i < 6; i++) {
            get(p, "/big" + i + ".html");
        }
        long size = cache.store().weightedSize();
        assertTrue(size > 0 && size <= 5 * 1024, "weighted size " + size);
        int before = handled.size();
        for (int i = 0; i < 6; i++) {
            get(p, "/big" + i + ".html");
        }
        assertTrue(handled.size() > before, "some entries were evicted");
        assertFalse(handled.size() == before + 6, "some entries were kept");
    }

    @Test
    void onlyARequestThatMayBeStoredHasItsBodyCaptured() {
        CompiledPipeline p = pipeline(settings());
        assertEquals(-1, get(p, "/plain.txt").bodyCaptureLimit(), "no profile: zero-copy kept");
        assertEquals(-1, get(p, "/a.html").bodyCaptureLimit(), "first hit: below the hit threshold");
        assertEquals(CachingModule.DEFAULT_MAX_RESPONSE_SIZE, get(p, "/a.html").bodyCaptureLimit());
        assertEquals(-1, get(p, "/a.html").bodyCaptureLimit(), "a hit is written from the copy");
        assertEquals(-1, get(p, "/x.nocache").bodyCaptureLimit());
    }

    @Test
    void unknownSettingsFailTheDeploymentNamingTheKey() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(PipelineConfigurationException.class,
                () -> pipeline(Map.of("maxCacheSizeMb", 1)));
        assertTrue(e.getMessage().contains("unknown setting maxCacheSizeMb for module HttpCache"), e.getMessage());
    }
}
