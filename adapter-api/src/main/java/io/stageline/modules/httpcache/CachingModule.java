package io.stageline.modules.httpcache;

import io.stageline.api.ItemKey;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.api.TraceWriter;
import io.stageline.engine.Exchange;
import io.stageline.modules.SettingsCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The output cache shared by {@link HttpCacheModule} (native, all content) and {@link OutputCacheModule} (managed,
 * managed-handler requests): lookup in RESOLVE_REQUEST_CACHE, store in UPDATE_REQUEST_CACHE. The settings and rules
 * are documented on {@link HttpCacheModule}. When both modules are in the list, the first one to see a request
 * answers or stores it and the other stays out of it.
 */
abstract class CachingModule implements PipelineModule {
    private static final ItemKey<Boolean> CLAIMED = ItemKey.of("stageline.cache.claimed", Boolean.class);
    private static final ItemKey<Pending> PENDING = ItemKey.of("stageline.cache.pending", Pending.class);
    private static final Set<String> KEYS = Set.of("enabled", "enableKernelCache", "maxCacheSize", "maxResponseSize",
            "frequentHitThreshold", "frequentHitTimePeriod", "cacheAuthenticatedRequests", "profiles", "store",
            "storeSettings");
    static final long DEFAULT_MAX_RESPONSE_SIZE = 262_144;

    private final LongSupplier clock;
    private Rules[] rules;
    private long maxResponseSize;
    private HitCounter counter;
    private ResponseCacheStore store;

    /** What a location's settings decide. */
    private record Rules(boolean enabled, boolean cacheAuthenticated, CacheProfile[] profiles) {
        CacheProfile profileFor(String path) {
            for (CacheProfile p : profiles) {
                if (p.matches(path)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** A response to store in UPDATE_REQUEST_CACHE. */
    private record Pending(String key, CacheProfile profile, long fileDate, String cacheControl) {
    }

    CachingModule(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    @Override
    public void init(ModuleSetup setup) throws Exception {
        ModuleSettings s = setup.settings();
        rules = new Rules[setup.locationCount()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = rules(setup.settings(i), setup.name());
        }
        maxResponseSize = size(s, "maxResponseSize", DEFAULT_MAX_RESPONSE_SIZE, 1);
        long maxCache = size(s, "maxCacheSize", 0, 1024 * 1024);
        if (maxCache == 0) {
            maxCache = Math.max(1024 * 1024, Runtime.getRuntime().maxMemory() / 10);
        }
        counter = new HitCounter(s.getInt("frequentHitThreshold", 2),
                s.getDuration("frequentHitTimePeriod", Duration.ofSeconds(10)));
        if (!acts(rules)) {
            // no location has an enabled profile that caches (the default, profiles: []): no store, no stage, so the
            // module costs nothing per request
            return;
        }
        store = newStore(s.getString("store", null));
        Object storeSettings = s.get("storeSettings");
        @SuppressWarnings("unchecked")
        ModuleSettings ss = storeSettings instanceof java.util.Map<?, ?> m
                ? ModuleSettings.of((java.util.Map<String, ?>) m) : ModuleSettings.empty();
        store.init(maxCache, ss);
        setup.onClose(store);
        setup.subscribe(PipelineStage.RESOLVE_REQUEST_CACHE, PipelineStage.UPDATE_REQUEST_CACHE);
    }

    /** True when some location is enabled and has a profile whose policy caches. */
    private static boolean acts(Rules[] all) {
        for (Rules r : all) {
            if (!r.enabled()) {
                continue;
            }
            for (CacheProfile p : r.profiles()) {
                if (p.policy().caches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Rules rules(ModuleSettings s, String module) {
        SettingsCheck.onlyKnownKeys(s, module, KEYS);
        s.getBoolean("enableKernelCache", true);
        List<Object> raw = s.getList("profiles");
        List<CacheProfile> profiles = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            profiles.add(CacheProfile.parse(raw.get(i), i));
        }
        return new Rules(s.getBoolean("enabled", true), s.getBoolean("cacheAuthenticatedRequests", false),
                profiles.toArray(new CacheProfile[0]));
    }

    /**
     * Reads a size: a plain number counts in {@code unit} bytes (IIS: {@code maxCacheSize} in MB,
     * {@code maxResponseSize} in bytes), or a number with {@code B}, {@code KB}, {@code MB} or {@code GB}.
     */
    static long size(ModuleSettings s, String key, long defaultBytes, long unit) {
        Object v = s.get(key);
        if (v == null) {
            return defaultBytes;
        }
        String t = v.toString().trim().toUpperCase(Locale.ROOT);
        long factor = unit;
        String[][] suffixes = {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}};
        for (String[] sfx : suffixes) {
            if (t.endsWith(sfx[0])) {
                factor = Long.parseLong(sfx[1]);
                t = t.substring(0, t.length() - sfx[0].length()).trim();
                break;
            }
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("setting '" + key + "' is '" + v + "', expected a size such as "
                    + (unit == 1 ? "262144, 256KB" : "64 (MB), 512KB, 1GB"), e);
        }
    }

    private ResponseCacheStore newStore(String className) throws ReflectiveOperationException {
        if (className == null) {
            return new CaffeineResponseStore(clock);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> c = Class.forName(className, true, loader == null ? getClass().getClassLoader() : loader);
        if (!ResponseCacheStore.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("setting 'store': " + className + " does not implement "
                    + ResponseCacheStore.class.getName());
        }
        return (ResponseCacheStore) c.getDeclaredConstructor().newInstance();
    }

    /** The store (tests, diagnostics); null when no profile caches anything (the module then subscribes to nothing). */
    public ResponseCacheStore store() {
        return store;
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        if (ctx.stage() == PipelineStage.RESOLVE_REQUEST_CACHE) {
            resolve(ctx);
        } else if (ctx.stage() == PipelineStage.UPDATE_REQUEST_CACHE) {
            update(ctx);
        }
    }

    private void resolve(RequestContext ctx) throws Exception {
        Rules r = rules[ctx.locationIndex()];
        if (!r.enabled() || ctx.isChildRequest() || !(ctx instanceof Exchange x) || ctx.item(CLAIMED) != null) {
            return;
        }
        CacheProfile profile = r.profileFor(ctx.path());
        if (profile == null || !profile.policy().caches()) {
            return;
        }
        ctx.setItem(CLAIMED, Boolean.TRUE);
        boolean authenticated = ctx.user() != null || ctx.requestHeader("Authorization") != null;
        String refusal = CacheRules.request(ctx.method(), ctx.path(), ctx.queryString(), ctx.protocol(),
                authenticated, r.cacheAuthenticated(), profile.kernelOnly(), ctx::requestHeader);
        if (refusal != null) {
            trace(ctx, "OUTPUT_CACHE_REQUEST_NOT_CACHEABLE", refusal);
            return;
        }
        boolean timed = profile.policy() == CachePolicy.CACHE_FOR_TIME_PERIOD;
        String cacheControl = profile.location().cacheControl(timed ? profile.duration() : null);
        if (!ctx.isResponseCommitted()) {
            ctx.setResponseHeader("Cache-Control", cacheControl);
        }
        long fileDate = timed ? -1 : x.resourceLastModified(ctx.path());
        if (!profile.serverCaches() || (!timed && fileDate < 0)) {
            return;
        }
        String key = CacheKey.of(ctx.path(), ctx.queryString(), profile, ctx::requestHeader);
        long now = clock.getAsLong();
        CachedResponse hit = store.get(key);
        if (hit != null && (hit.expired(now) || hit.fileLastModified() != fileDate)) {
            store.remove(key);
            hit = null;
        }
        if (hit != null) {
            trace(ctx, "OUTPUT_CACHE_LOOKUP_END", "hit");
            CachedReplay.serve(ctx, hit);
            ctx.completeRequest();
            return;
        }
        if (counter.hit(key, now) && "GET".equals(ctx.method())) {
            x.captureResponseBody(maxResponseSize);
            ctx.setItem(PENDING, new Pending(key, profile, fileDate, cacheControl));
        }
    }

    private void update(RequestContext ctx) {
        Pending p = ctx.item(PENDING);
        if (p == null || !(ctx instanceof Exchange x)) {
            return;
        }
        ctx.setItem(PENDING, null);
        byte[] body = x.capturedResponseBody();
        String refusal = CacheRules.response(ctx.status(), ctx::responseHeader, body, maxResponseSize,
                p.profile().kernelOnly(), p.cacheControl());
        if (refusal != null) {
            trace(ctx, "OUTPUT_CACHE_UPDATE_SKIPPED", refusal);
            return;
        }
        long now = clock.getAsLong();
        long expires = p.profile().policy() == CachePolicy.CACHE_FOR_TIME_PERIOD
                ? now + p.profile().duration().toMillis() : -1;
        store.put(p.key(), new CachedResponse(ctx.status(), CachedReplay.headers(x.responseHeaderPairs()), body, now,
                expires, p.fileDate()));
        trace(ctx, "OUTPUT_CACHE_UPDATE_END", "stored");
    }

    private static void trace(RequestContext ctx, String event, String detail) {
        TraceWriter t = ctx.trace();
        if (t.enabled()) {
            t.event(TraceWriter.CACHE, event, "result", detail);
        }
    }
}
