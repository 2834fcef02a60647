package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The output cache configured by YAML alone, over HTTP, on every container (a subclass per container): the
 * application's {@code WEB-INF/stageline.yaml} gives the built-in HttpCache (in the default module list) a profile for
 * {@code .page}, so a servlet's page is stored on its first request and then served without the servlet; a location
 * turns the cache off and a path without the extension is never cached.
 */
public abstract class YamlOutputCacheScenarios extends ScenarioBase {

    private static final AtomicInteger CALLS = new AtomicInteger();

    /** The servlet of {@code /report/*}. */
    public static final class Counting extends CountingServlet {
        private static final long serialVersionUID = 1L;
    }

    /** The servlet of {@code /live/*} (a class of its own: Tomcat names a servlet after its class). */
    public static final class LiveCounting extends CountingServlet {
        private static final long serialVersionUID = 1L;
    }

    /** Answers with a number that grows on every call, so a cached copy is recognised by its unchanged number. */
    abstract static class CountingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().print("call " + CALLS.incrementAndGet() + " " + req.getServletPath()
                    + (req.getPathInfo() == null ? "" : req.getPathInfo()));
        }
    }

    @Override
    protected Map<String, String> files() {
        return Map.of("WEB-INF/stageline.yaml", """
                caching:
                  frequentHitThreshold: 1        # store on the first request
                  profiles:
                    - add: .PAGE                 # extensions compare case-insensitively
                      policy: CacheForTimePeriod
                      duration: 60s
                      location: Any
                locations:
                  - path: /live
                    caching: { enabled: false }
                """);
    }

    /** No pipeline in code: the YAML file alone configures Stageline. */
    @Override
    protected CompiledPipeline pipeline() {
        return null;
    }

    @Override
    protected Map<String, Class<? extends HttpServlet>> servlets() {
        return Map.of("/report/*", Counting.class, "/live/*", LiveCounting.class);
    }

    @Test
    void aServletPageWithAProfileIsStoredOnItsFirstRequestAndThenServedWithoutTheServlet() throws Exception {
        HttpResponse<String> first = get("report/sales.page");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().endsWith(" /report/sales.page"), first.body());
        assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> second = get("report/sales.page");
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(first.body(), second.body(), "the second answer is the stored copy");
        assertEquals("public, max-age=60", second.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void aPathWithoutTheProfilesExtensionIsNeverCached() throws Exception {
        HttpResponse<String> first = get("report/sales.txt");
        HttpResponse<String> second = get("report/sales.txt");
        assertEquals(200, second.statusCode(), second.body());
        assertNotEquals(first.body(), second.body());
        assertTrue(second.headers().firstValue("Cache-Control").isEmpty(), second.headers().toString());
    }

    @Test
    void aLocationThatDisablesTheCacheRunsTheServletEveryTime() throws Exception {
        HttpResponse<String> first = get("live/sales.page");
        HttpResponse<String> second = get("live/sales.page");
        assertEquals(200, second.statusCode(), second.body());
        assertNotEquals(first.body(), second.body());
    }
}
