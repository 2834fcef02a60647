package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stageline.engine.ResourceKindCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caching.fileCacheTtl}: the engine's file-metadata cache, application-wide, nearest level wins. */
class FileCacheTtlTest {
    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir, Map.of());
    }

    private Duration ttl(String serverYaml, String appYaml) {
        return fx.compile(fx.load(serverYaml, appYaml)).pipeline().resourceKinds().ttl();
    }

    @Test
    void theBuiltInDefaultIsTwoSeconds() {
        assertEquals(Duration.ofSeconds(2), ttl(null, "pipelineMode: integrated\n"));
        assertEquals(ResourceKindCache.DEFAULT_TTL, ttl(null, "pipelineMode: integrated\n"));
    }

    @Test
    void theNearestLevelWinsAndZeroTurnsTheCacheOff() {
        assertEquals(Duration.ofMillis(500), ttl("caching: { fileCacheTtl: 500ms }\n", null));
        assertEquals(Duration.ZERO, ttl("caching: { fileCacheTtl: 500ms }\n", "caching: { fileCacheTtl: 0 }\n"));
        assertEquals(Duration.ofSeconds(30), ttl(null, "caching: { fileCacheTtl: 30s }\n"));
    }

    @Test
    void theOutputCacheModulesDoNotSeeTheSetting() {
        // HttpCache and OutputCache reject settings they do not know: compiling proves they were not handed it
        assertEquals(Duration.ofSeconds(5), ttl(null, """
                caching:
                  fileCacheTtl: 5s
                  profiles: [ { add: .html, policy: CacheForTimePeriod, duration: 30s } ]
                """));
    }

    @Test
    void aBadValueOrALocationSettingIsReportedWhereItIsWritten() {
        assertEquals(List.of(
                "app:2:17 SL-CFG-032 'fileCacheTtl' is 'soon', which is not a duration",
                "app:6:7 SL-CFG-024 'caching.fileCacheTtl' cannot be set in a location: the cache's sizes, hit rule, "
                        + "store and file cache are application-wide"), fx.loadProblems(null, """
                caching:
                  fileCacheTtl: soon
                locations:
                  - path: /docs
                    caching:
                      fileCacheTtl: 1s
                """));
    }
}
