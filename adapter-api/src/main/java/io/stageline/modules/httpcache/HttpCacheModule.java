package io.stageline.modules.httpcache;

import java.util.function.LongSupplier;

/**
 * HttpCache, the port of IIS's HttpCacheModule (reference §6.9): an in-process output cache for all content, static
 * files included. A request whose extension has a caching profile is answered from the cache in RESOLVE_REQUEST_CACHE
 * (the handler and the later ordinary stages do not run; LOG_REQUEST, POST_LOG_REQUEST and END_REQUEST do); a
 * response worth keeping is stored in UPDATE_REQUEST_CACHE, after response filters, so the cache holds what was sent.
 * Only requests that may be stored have their body captured; every other request, static files above all, keeps the
 * container's zero-copy path.
 *
 * <p>Settings (the {@code caching} section):
 * <ul>
 *   <li>{@code enabled} (default true).</li>
 *   <li>{@code enableKernelCache}: accepted and ignored (the JVM has no kernel cache; see {@code kernelCachePolicy}).</li>
 *   <li>{@code maxCacheSize}: the store's bound, in MB as in IIS (a plain number) or with a unit ({@code 512KB});
 *       0 (default) = a tenth of the JVM's maximum heap. The least valuable entries are evicted past it.</li>
 *   <li>{@code maxResponseSize} (default 262144 bytes, or with a unit): larger responses are never stored (and are
 *       not held in memory past it: they stream on).</li>
 *   <li>{@code frequentHitThreshold} (default 2) and {@code frequentHitTimePeriod} (default 10s): a response is
 *       stored only once its URL (and variation) was requested that many times within the period (IIS's
 *       {@code serverRuntime} rule, "≥ threshold"). 1 = store on the first request.</li>
 *   <li>{@code cacheAuthenticatedRequests} (default false): requests with a user or an {@code Authorization} header
 *       are neither answered from nor stored in the cache unless this is true.</li>
 *   <li>{@code profiles}: a list, nearest configuration level first (the collection prepends, keyed by extension);
 *       the first entry whose {@code extension} ({@code .html}; {@code *} = every path) matches the path's applies:
 *       {@code policy} DontCache (default) | CacheUntilChange | CacheForTimePeriod | DisableCache;
 *       {@code kernelCachePolicy} (same values; used when {@code policy} does not cache, with the kernel cache's
 *       extra restrictions); {@code duration} (default 30s); {@code varyByQueryString} ({@code ;}-separated
 *       parameter names or {@code *}; by default the query string does not select a copy, as in IIS);
 *       {@code varyByHeaders} ({@code ;}-separated); {@code location} Any | Client | Downstream | Server (default) |
 *       None | ServerAndClient, which decides whether the server keeps a copy and the {@code Cache-Control} sent.</li>
 *   <li>{@code store}: the class name of another {@link ResponseCacheStore} (e.g. a JCache-backed one), with
 *       {@code storeSettings} passed to it.</li>
 * </ul>
 *
 * <p>Never cached: verbs other than GET and HEAD (HEAD is answered from a GET's copy, never stored), range requests,
 * directory URLs, child requests, responses other than 200, responses that set a cookie, responses whose handler sent
 * {@code Cache-Control: no-store} or {@code private}, {@code Vary: *}. CacheUntilChange applies to paths that are
 * files and ends when the file's date changes. A cached copy answers {@code If-None-Match} / {@code If-Modified-Since}
 * with 304. See docs/output-cache.md.
 */
public final class HttpCacheModule extends CachingModule {
    public static final String NAME = "HttpCache";

    public HttpCacheModule() {
        this(System::currentTimeMillis);
    }

    /** A module whose clock is {@code clockMillis} (tests: expiry and the hit-frequency window). */
    public HttpCacheModule(LongSupplier clockMillis) {
        super(clockMillis);
    }
}
