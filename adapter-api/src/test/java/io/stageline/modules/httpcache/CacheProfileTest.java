package io.stageline.modules.httpcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.ModuleSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Profiles: parsing, extension matching, location → Cache-Control, keys, sizes, the hit-frequency rule. */
class CacheProfileTest {

    private static CacheProfile profile(Map<String, Object> m) {
        return CacheProfile.parse(m, 0);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({".html, /a.html, true", ".html, /A.HTML, true", ".html, /a.htm, false", ".html, /a.html.bak, false",
        ".html, /dir.html/file, false", ".html, /html, false", "*, /anything, true", "*, /x.y, true"})
    void profilesMatchTheLastSegmentsExtension(String ext, String path, boolean matches) {
        assertEquals(matches, profile(Map.of("extension", ext, "policy", "CacheForTimePeriod")).matches(path));
    }

    @ParameterizedTest(name = "{0} / {1} -> {2} (server copy {3})")
    @CsvSource(delimiter = '|', value = {
        "CacheForTimePeriod | Any | public, max-age=30 | true",
        "CacheForTimePeriod | Client | private, max-age=30 | false",
        "CacheForTimePeriod | Downstream | public, max-age=30 | false",
        "CacheForTimePeriod | Server | no-cache | true",
        "CacheForTimePeriod | None | no-cache | false",
        "CacheForTimePeriod | ServerAndClient | private, max-age=30 | true",
        "CacheUntilChange | Any | public | true",
        "CacheUntilChange | ServerAndClient | private | true"})
    void theLocationDecidesCacheControlAndTheServerCopy(String policy, String location, String cacheControl,
                                                        boolean server) {
        CacheProfile p = profile(Map.of("add", ".html", "policy", policy, "location", location));
        boolean timed = p.policy() == CachePolicy.CACHE_FOR_TIME_PERIOD;
        assertEquals(cacheControl, p.location().cacheControl(timed ? p.duration() : null));
        assertEquals(server, p.serverCaches());
    }

    @Test
    void defaultsAreDontCacheThirtySecondsAndServer() {
        CacheProfile p = profile(Map.of("extension", ".ASPX"));
        assertEquals(".aspx", p.extension());
        assertEquals(CachePolicy.DONT_CACHE, p.policy());
        assertEquals(Duration.ofSeconds(30), p.duration());
        assertEquals(CacheLocation.SERVER, p.location());
        assertFalse(p.serverCaches());
    }

    @Test
    void kernelCachePolicyAloneCachesWithTheKernelRules() {
        CacheProfile kernel = profile(Map.of("extension", ".html", "kernelCachePolicy", "CacheUntilChange"));
        assertEquals(CachePolicy.CACHE_UNTIL_CHANGE, kernel.policy());
        assertTrue(kernel.kernelOnly());
        CacheProfile both = profile(Map.of("extension", ".html", "policy", "CacheForTimePeriod",
                "kernelCachePolicy", "CacheUntilChange"));
        assertEquals(CachePolicy.CACHE_FOR_TIME_PERIOD, both.policy());
        assertFalse(both.kernelOnly());
        CacheProfile disabled = profile(Map.of("extension", ".html", "policy", "DisableCache",
                "kernelCachePolicy", "CacheUntilChange"));
        assertEquals(CachePolicy.DISABLE_CACHE, disabled.policy());
    }

    @Test
    void badProfilesNameTheSetting() {
        assertEquals("setting 'profiles[0].policy' is 'Sometimes', expected one of DontCache, CacheUntilChange, "
                + "CacheForTimePeriod, DisableCache", assertThrows(IllegalArgumentException.class,
                    () -> profile(Map.of("extension", ".html", "policy", "Sometimes"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> profile(Map.of("extension", "html")))
                .getMessage().contains("expected an extension such as .html"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> profile(Map.of("policy", "DontCache")))
                .getMessage().contains("has no extension"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> profile(Map.of("extension", ".html", "varyByParam", "x"))).getMessage().contains("varyByParam"));
    }

    @ParameterizedTest(name = "{0}?{1} vs {2}?{3} with vary {4}: same copy {5}")
    @CsvSource(delimiter = '|', value = {
        "/a.html | x=1 | /a.html | x=2 |  | true",
        "/a.html | x=1 | /a.html | x=2 | x | false",
        "/a.html | x=1&y=1 | /a.html | y=2&x=1 | x | true",
        "/a.html | X=1 | /a.html | x=1 | x | true",
        "/a.html | x=1 | /a.html | x=1&x=2 | x | false",
        "/a.html | x=1 | /a.html | x=1&z=9 | * | false",
        "/a.html | x=1 | /b.html | x=1 | * | false"})
    void theQueryStringSelectsACopyOnlyForTheNamedParameters(String p1, String q1, String p2, String q2, String vary,
                                                           boolean same) {
        CacheProfile p = profile(vary == null ? Map.of("extension", "*")
                : Map.of("extension", "*", "varyByQueryString", vary));
        String k1 = CacheKey.of(p1, q1, p, n -> null);
        String k2 = CacheKey.of(p2, q2, p, n -> null);
        assertEquals(same, k1.equals(k2), k1 + " / " + k2);
    }

    @Test
    void varyByHeadersSelectsACopyPerHeaderValueAndAbsenceIsAValueOfItsOwn() {
        CacheProfile p = profile(Map.of("extension", "*", "varyByHeaders", "Accept-Language; X-Tenant"));
        assertEquals(List.of("Accept-Language", "X-Tenant"), p.varyByHeaders());
        String en = CacheKey.of("/a", null, p, n -> n.equals("Accept-Language") ? "en" : null);
        String fr = CacheKey.of("/a", null, p, n -> n.equals("Accept-Language") ? "fr" : null);
        String empty = CacheKey.of("/a", null, p, n -> n.equals("Accept-Language") ? "" : null);
        String none = CacheKey.of("/a", null, p, n -> null);
        assertNotEquals(en, fr);
        assertNotEquals(empty, none);
        assertEquals(en, CacheKey.of("/a", "q=1", p, n -> n.equals("Accept-Language") ? "en" : null));
    }

    @ParameterizedTest(name = "{0} (unit {1}) = {2}")
    @CsvSource({"64, 1048576, 67108864", "512KB, 1048576, 524288", "1gb, 1048576, 1073741824", "262144, 1, 262144",
        "10 B, 1, 10", "2MB, 1, 2097152"})
    void sizesCountInTheSettingsUnitOrTheOneWritten(String value, long unit, long bytes) {
        assertEquals(bytes, CachingModule.size(ModuleSettings.of(Map.of("s", value)), "s", 0, unit));
    }

    @Test
    void aBadSizeNamesTheSetting() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CachingModule.size(ModuleSettings.of(Map.of("maxCacheSize", "lots")), "maxCacheSize", 0, 1))
                .getMessage().startsWith("setting 'maxCacheSize' is 'lots'"));
    }

    @ParameterizedTest(name = "threshold {0} in {1}s, hits at {2} -> worth storing {3}")
    @CsvSource(delimiter = '|', value = {
        "2 | 10 | 0 | false",
        "2 | 10 | 0,5000 | false,true",
        "2 | 10 | 0,9999 | false,true",
        "2 | 10 | 0,10000 | false,false",
        "2 | 10 | 0,10000,15000 | false,false,true",
        "3 | 10 | 0,1,2,3 | false,false,true,true",
        "1 | 10 | 0,1 | true,true"})
    void theHitFrequencyRuleCountsHitsWithinThePeriod(int threshold, int seconds, String at, String expected) {
        HitCounter c = new HitCounter(threshold, Duration.ofSeconds(seconds));
        String[] times = at.split(",");
        String[] want = expected.split(",");
        for (int i = 0; i < times.length; i++) {
            assertEquals(Boolean.parseBoolean(want[i]), c.hit("/a", Long.parseLong(times[i])), "hit " + i);
        }
    }
}
