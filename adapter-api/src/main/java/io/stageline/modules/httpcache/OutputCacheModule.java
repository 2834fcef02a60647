package io.stageline.modules.httpcache;

import java.util.function.LongSupplier;

/**
 * OutputCache, the managed output cache (ASP.NET's OutputCacheModule): the same cache and settings as
 * {@link HttpCacheModule} (the {@code caching} section), registered with the {@code managedHandler} precondition so
 * that it sees only requests for managed handlers (servlets, {@code type:} handlers). Keep it alone to cache only
 * application output; next to HttpCache, whichever comes first in the module list handles a request and the other
 * steps aside, so nothing is looked up or stored twice.
 */
public final class OutputCacheModule extends CachingModule {
    public static final String NAME = "OutputCache";

    public OutputCacheModule() {
        this(System::currentTimeMillis);
    }

    /** A module whose clock is {@code clockMillis} (tests). */
    public OutputCacheModule(LongSupplier clockMillis) {
        super(clockMillis);
    }
}
