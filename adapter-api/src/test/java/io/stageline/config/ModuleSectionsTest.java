package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.Stageline;
import io.stageline.api.PipelineStage;
import io.stageline.engine.CompiledPipeline;
import io.stageline.match.HandlerTable;
import io.stageline.modules.auth.PasswordHash;
import io.stageline.modules.protocol.HeaderList.Header;
import io.stageline.modules.protocol.ProtocolSupportModule;
import io.stageline.modules.redirect.HttpRedirectionModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in modules' YAML sections: YAML in, the settings each module receives out, with each merge rule. */
class ModuleSectionsTest {
    static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String HASH = PasswordHash.hash("secret".toCharArray(), PasswordHash.MIN_ITERATIONS);

    @TempDir
    Path dir;
    private ConfigFixtures fx;
    private final SectionSettings sections = new SectionSettings(new Merger(new Problems()));

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir, Map.of("STAGELINE_FORMS_KEY", KEY));
    }

    private Map<String, Object> app(EffectiveConfiguration c, String module) {
        return sections.settings(module, c.sectionLevels());
    }

    private Map<String, Object> at(EffectiveConfiguration c, String path, String module) {
        return sections.settings(module, SectionSettings.chain(c, c.location(path)));
    }

    private static Map<String, Object> level(String path, Object... ops) {
        return Map.of("path", path, "list", List.of(ops));
    }

    private static Map<String, Object> add(String access, String key, String value) {
        return Map.of("add", Map.of("accessType", access, key, value));
    }

    @Test
    void authorizationLevelsRunFromTheBuiltInDefaultThroughServerAndApplicationToEveryEnclosingLocation() {
        EffectiveConfiguration c = fx.load("""
                authorization:
                  list:
                    - add: { accessType: Deny, users: "?" }
                """, """
                authorization:
                  bypassLoginPages: false
                  list:
                    - add: { accessType: Allow, users: ann }
                locations:
                  - path: /admin/reports
                    authorization:
                      list: [ { add: { accessType: Deny, users: bob } } ]
                  - path: /admin
                    authorization:
                      list:
                        - clear
                        - add: { accessType: Allow, roles: admin }
                """).effective();
        Map<String, Object> allowAll = add("Allow", "users", "*");
        Map<String, Object> server = add("Deny", "users", "?");
        Map<String, Object> ann = add("Allow", "users", "ann");
        assertEquals(List.of(level("", allowAll), level("", server), level("", ann)),
                app(c, Stageline.URL_AUTHORIZATION).get("levels"));
        assertEquals(false, app(c, Stageline.URL_AUTHORIZATION).get("bypassLoginPages"));
        assertEquals(List.of(level("", allowAll), level("", server), level("", ann),
                level("/admin", "clear", add("Allow", "roles", "admin")),
                level("/admin/reports", add("Deny", "users", "bob"))),
                at(c, "/admin/reports", Stageline.URL_AUTHORIZATION).get("levels"));
    }

    @Test
    void managedAuthorizationLevelsAreHandedOverForTheModulesNearestFirstOrder() {
        LoadedConfiguration loaded = fx.app("""
                managedAuthorization:
                  list:
                    - deny: { users: "?" }
                locations:
                  - path: /public
                    managedAuthorization:
                      list: [ { allow: { users: "?", verbs: GET } } ]
                """);
        EffectiveConfiguration c = loaded.effective();
        assertEquals(List.of(level("", Map.of("allow", Map.of("users", "*"))), level("", Map.of("deny",
                Map.of("users", "?"))), level("/public", Map.of("allow", Map.of("users", "?", "verbs", "GET")))),
                at(c, "/public", Stageline.MANAGED_URL_AUTHORIZATION).get("levels"));
        CompiledPipeline p = fx.compile(loaded).pipeline();
        assertEquals(2, p.locationCount());
    }

    @Test
    void httpErrorsEntriesAreKeyedByStatusAndSubstatusAcrossLayersAndConcatenatedLowestFirst() {
        EffectiveConfiguration c = fx.load("""
                httpErrors:
                  errors:
                    - add: 404
                      path: /server/404.html
                """, """
                httpErrors:
                  errorMode: Custom
                  errors:
                    - remove: 404
                    - add: 404
                      path: /errors/404.html
                    - add: 404
                      subStatusCode: 3
                      path: /errors/404-3.html
                locations:
                  - path: /api
                    httpErrors:
                      existingResponse: PassThrough
                      errors: [ clear ]
                """).effective();
        Map<String, Object> s = app(c, Stageline.CUSTOM_ERRORS);
        assertEquals("Custom", s.get("errorMode"));
        assertEquals("Auto", s.get("existingResponse"));
        assertEquals(List.of(Map.of("add", 404L, "path", "/server/404.html"), Map.of("remove", 404L),
                Map.of("add", 404L, "path", "/errors/404.html"),
                Map.of("add", 404L, "subStatusCode", 3L, "path", "/errors/404-3.html")), s.get("errors"));
        Map<String, Object> api = at(c, "/api", Stageline.CUSTOM_ERRORS);
        assertEquals("PassThrough", api.get("existingResponse"));
        assertEquals("Custom", api.get("errorMode"));
        assertEquals("clear", ((List<?>) api.get("errors")).get(4));
    }

    @Test
    void addingAnHttpErrorsKeyThatAnOuterLevelAddedIsAnErrorWhereItIsWritten() {
        assertEquals(List.of("app:3:7 SL-CFG-013 cannot add duplicate httpErrors entry '404': it is already in the list "
                + "(added at server:3:7)"), fx.loadProblems("""
                httpErrors:
                  errors:
                    - add: 404
                      path: /server/404.html
                """, """
                httpErrors:
                  errors:
                    - add: 404
                      path: /errors/404.html
                    - add: 404
                      subStatusCode: 2
                      path: /errors/404-2.html
                """));
    }

    @Test
    void customHeadersRemoveAndClearWorkByCaseInsensitiveName() {
        LoadedConfiguration loaded = fx.load("""
                httpProtocol:
                  customHeaders:
                    - add: X-Powered-By
                      value: Stageline
                    - add: X-Server-Only
                      value: "1"
                  redirectHeaders:
                    - add: X-Moved
                      value: "yes"
                """, """
                httpProtocol:
                  allowTrace: true
                  customHeaders:
                    - remove: x-powered-by
                    - add: X-Frame-Options
                      value: DENY
                  redirectHeaders: [ clear ]
                """);
        ProtocolSupportModule m = (ProtocolSupportModule) fx.compile(loaded).pipeline()
                .module(Stageline.PROTOCOL_SUPPORT).module();
        assertEquals(List.of(new Header("X-Server-Only", "1"), new Header("X-Frame-Options", "DENY")),
                m.customHeaders());
        assertEquals(List.of(), m.redirectHeaders());
        assertTrue(m.allowTrace());
    }

    @Test
    void traceFailedRequestsRulesArePrependedSoTheNearestLevelsRulesMatchFirst() {
        EffectiveConfiguration c = fx.load("""
                traceFailedRequestsLogging: { enabled: true, maxLogFiles: 10 }
                traceFailedRequests:
                  list:
                    - add: { path: "*.jsp", statusCodes: "500" }
                    - add: { path: "*", statusCodes: "400-599" }
                """, """
                traceFailedRequests:
                  list:
                    - remove: "*"
                    - add: { path: "/admin/*", timeTaken: 2s }
                """).effective();
        Map<String, Object> s = app(c, Stageline.FAILED_REQUEST_TRACING);
        assertEquals(true, s.get("enabled"));
        assertEquals(10L, s.get("maxLogFiles"));
        assertEquals(List.of(Map.of("path", "/admin/*", "timeTaken", "2s"), Map.of("path", "*.jsp",
                "statusCodes", "500")), s.get("rules"));
    }

    @Test
    void logFileAndHttpLoggingBecomeOneSettingsMapAndOnlyHttpLoggingVariesPerLocation() {
        EffectiveConfiguration c = fx.app("""
                logFile: { enabled: true, directory: /var/log/app, fields: date time cs-method }
                httpLogging: { selectiveLogging: LogError }
                locations:
                  - path: /health
                    httpLogging: { dontLog: true }
                """).effective();
        Map<String, Object> s = app(c, Stageline.HTTP_LOGGING);
        assertEquals(true, s.get("enabled"));
        assertEquals("/var/log/app", s.get("directory"));
        assertEquals("date time cs-method", s.get("fields"));
        assertEquals("LogError", s.get("selectiveLogging"));
        assertEquals(true, at(c, "/health", Stageline.HTTP_LOGGING).get("dontLog"));
        assertEquals("LogError", at(c, "/health", Stageline.HTTP_LOGGING).get("selectiveLogging"));
    }

    @Test
    void aLocationWithoutItsOwnHttpRedirectSharesTheSettingsOfTheLocationThatDeclaredIt() {
        LoadedConfiguration loaded = fx.app("""
                modules:
                  list: [ { add: HttpRedirection } ]
                httpRedirect: { enabled: false }
                locations:
                  - path: /old
                    httpRedirect: { enabled: true, destination: /new, httpResponseStatus: permanent }
                  - path: /old/sub
                    httpErrors: { errorMode: Custom }
                  - path: /other
                    httpErrors: { errorMode: Custom }
                """);
        CompiledPipeline p = fx.compile(loaded).pipeline();
        HttpRedirectionModule m = (HttpRedirectionModule) p.module(Stageline.HTTP_REDIRECTION).module();
        int old = p.locationFor("/old/a.html");
        int sub = p.locationFor("/old/sub/a.html");
        assertNotSame(m.rules(0), m.rules(old));
        assertSame(m.rules(old), m.rules(sub));
        assertSame(m.rules(0), m.rules(p.locationFor("/other/a.html")));
        assertEquals("/new/sub/a.html", m.rules(sub).target("/old/sub/a.html", null));
        assertEquals(301, m.rules(old).status());
        assertEquals(null, m.rules(0).target("/old/a.html", null));
    }

    @Test
    void enabledFormsAuthenticationGetsItsLoginAndLogoutMappingsAheadOfEveryOther() {
        LoadedConfiguration loaded = fx.app("""
                authentication:
                  forms:
                    enabled: true
                    key: ${env:STAGELINE_FORMS_KEY}
                    loginUrl: /signin.html
                    timeout: 20m
                credentials:
                  users:
                    - { name: ann, password: "%s", roles: [admin] }
                handlers:
                  list:
                    - add: Reports
                      path: "*.do"
                      verb: GET
                      servlet: reports
                locations:
                  - path: /admin
                    handlers: { list: [ { remove: Reports } ] }
                """.formatted(HASH));
        Map<String, Object> forms = app(loaded.effective(), Stageline.FORMS_AUTHENTICATION);
        assertEquals(KEY, forms.get("key"));
        assertEquals("20m", forms.get("timeout"));
        assertEquals("/logout", forms.get("logoutUrl"));
        assertEquals(Map.of("users", List.of(Map.of("name", "ann", "password", HASH, "roles", List.of("admin")))),
                forms.get("credentials"));
        assertEquals(forms.get("credentials"), app(loaded.effective(), Stageline.BASIC_AUTHENTICATION)
                .get("credentials"));
        CompiledPipeline p = fx.compile(loaded).pipeline();
        assertEquals(List.of("FormsLogin", "FormsLogout", "Reports"), names(p.handlers()).subList(0, 3));
        assertEquals("/signin.html", p.handlers().mapping(0).path());
        assertEquals(List.of("FormsLogin", "FormsLogout", "TRACEVerbHandler"),
                names(p.handlers(p.locationFor("/admin/x")).table()).subList(0, 3));
        assertTrue(p.module(Stageline.FORMS_AUTHENTICATION).managedHandlerOnly());
    }

    @Test
    void disabledFormsAuthenticationAddsNoMapping() {
        CompiledPipeline p = fx.compile(fx.app("authentication: { anonymous: { enabled: true } }\n")).pipeline();
        assertEquals(Stageline.TRACE_VERB_HANDLER, p.handlers().mapping(0).name());
    }

    @Test
    void reAddingFormsAuthenticationWithoutItsPreconditionCoversStaticFiles() {
        CompiledPipeline p = fx.compile(fx.app("""
                modules:
                  list:
                    - remove: FormsAuthentication
                    - add: FormsAuthentication
                """)).pipeline();
        assertTrue(p.module(Stageline.FORMS_AUTHENTICATION).managed());
        assertEquals(false, p.module(Stageline.FORMS_AUTHENTICATION).managedHandlerOnly());
    }

    @Test
    void badValuesAreReportedWhereTheyAreWritten() {
        assertEquals(List.of(
                "app:3:14 SL-CFG-032 'timeout' is 'soon', which is not a duration",
                "app:4:21 SL-CFG-007 'cookieSameSite' is 'Loose', which is not one of Strict, Lax, None",
                "app:5:5 SL-CFG-004 unknown key 'remember' in 'authentication.forms'",
                "app:7:35 SL-CFG-033 the password of credentials user 'ann' is not a password hash: a password must "
                        + "start with {pbkdf2-sha256} (make one with: stageline hash-password)",
                "app:9:14 SL-CFG-007 'errorMode' is 'Sometimes', which is not one of DetailedLocalOnly, Custom, Detailed",
                "app:11:12 SL-CFG-007 'add' is '200', expected an error status (400-999)",
                "app:13:7 SL-CFG-006 an httpErrors add entry needs 'path'",
                "app:15:22 SL-CFG-007 an entry of httpProtocol.customHeaders must start with add or remove, not 'set'",
                "app:18:12 SL-CFG-006 a traceFailedRequests rule needs statusCodes, timeTaken or both",
                "app:21:23 SL-CFG-024 'authentication.forms' cannot be set in a location: forms authentication "
                        + "applies to the whole application",
                "app:22:5 SL-CFG-024 'httpProtocol' cannot be set in a location: it applies to the whole application",
                "app:25:11 SL-CFG-007 an entry of authorization.list must start with add or remove, not 'allow'"),
                fx.loadProblems(null, """
                        authentication:
                          forms:
                            timeout: soon
                            cookieSameSite: Loose
                            remember: true
                        credentials:
                          users: [ { name: ann, password: secret } ]
                        httpErrors:
                          errorMode: Sometimes
                          errors:
                            - add: 200
                              path: /x.html
                            - add: 404
                        httpProtocol:
                          customHeaders: [ { set: X-A } ]
                        traceFailedRequests:
                          list:
                            - add: { path: "*.jsp" }
                        locations:
                          - path: /a
                            authentication: { forms: { enabled: true } }
                            httpProtocol: { allowTrace: true }
                            authorization:
                              list:
                                - allow: { users: "*" }
                        """));
    }

    @Test
    void aModulesOwnInitialisationErrorPointsAtTheSettingItNames() {
        List<String> p = fx.appProblems("""
                authentication:
                  forms:
                    enabled: true
                    key: c2hvcnQ=
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("app:4:10 SL-CFG-020 module 'FormsAuthentication' failed to initialise"),
                p.get(0));
        assertTrue(p.get(0).contains("setting 'key' holds 5 bytes"), p.get(0));
    }

    @Test
    void duplicateAuthorizationRulesAcrossLevelsAreReportedAtTheSecondAdd() {
        assertEquals(List.of("app:4:7 SL-CFG-013 cannot add duplicate authorization rule 'users=\"*\" roles=\"\" "
                + "verbs=\"\"': it is already in the list (added at " + ConfigLoader.DEFAULTS_LABEL + ":"
                + defaultsLine("- add: { accessType: Allow, users: \"*\" }") + ":7)"), fx.loadProblems(null, """
                authorization:
                  list:
                    - add: { accessType: Deny, users: "?" }
                    - add: { accessType: Allow, users: "*" }
                """));
    }

    @Test
    void requestFilteringListsAreConcatenatedLowestFirstAndValuesNestAsTheModuleExpects() {
        EffectiveConfiguration c = fx.load("""
                requestFiltering:
                  allowDoubleEscaping: true
                  hiddenSegments: [ { add: bin } ]
                  fileExtensions:
                    allowUnlisted: false
                    list: [ { add: .html }, { add: .exe, allowed: false } ]
                """, """
                requestFiltering:
                  hiddenSegments: [ { remove: bin } ]
                  fileExtensions:
                    list: [ { remove: .exe } ]
                  requestLimits: { maxUrl: 2048 }
                locations:
                  - path: /upload
                    requestFiltering: { requestLimits: { maxAllowedContentLength: 0 } }
                """).effective();
        Map<String, Object> s = app(c, Stageline.REQUEST_FILTERING);
        assertEquals(true, s.get("allowDoubleEscaping"));
        assertEquals(List.of(Map.of("add", "bin"), Map.of("remove", "bin")), s.get("hiddenSegments"));
        assertEquals(Map.of("allowUnlisted", false, "list", List.of(Map.of("add", ".html"), Map.of("add", ".exe",
                "allowed", false), Map.of("remove", ".exe"))), s.get("fileExtensions"));
        assertEquals(Map.of("maxUrl", 2048L), s.get("requestLimits"));
        assertEquals(Map.of("maxUrl", 2048L, "maxAllowedContentLength", 0L),
                at(c, "/upload", Stageline.REQUEST_FILTERING).get("requestLimits"));
        CompiledPipeline p = fx.compile(fx.app("""
                requestFiltering: { hiddenSegments: [ { add: private } ], verbs: { list: [ { add: TRACE } ] } }
                """)).pipeline();
        assertTrue(p.modulesFor(io.stageline.api.PipelineStage.BEGIN_REQUEST, false).contains("RequestFiltering"));
        assertEquals(List.of("app:1:38 SL-CFG-004 unknown key 'maxLength' in 'requestFiltering.requestLimits'",
                "app:2:23 SL-CFG-007 an entry of requestFiltering.hiddenSegments must start with add or remove, not "
                        + "'deny'"), fx.loadProblems(null, """
                requestFiltering: { requestLimits: { maxLength: 5 },
                  hiddenSegments: [ { deny: bin } ] }
                """));
    }

    @Test
    void cachingProfilesPrependByExtensionAndTheOtherValuesAreNearestWins() {
        EffectiveConfiguration c = fx.load("""
                caching:
                  maxCacheSize: 64
                  profiles:
                    - add: .html
                      policy: CacheUntilChange
                    - add: .css
                      policy: CacheForTimePeriod
                """, """
                caching:
                  frequentHitThreshold: 1
                  maxResponseSize: 512KB
                  profiles:
                    - remove: .CSS
                    - add: .JS
                      policy: CacheForTimePeriod
                      duration: 5m
                      varyByQueryString: v
                locations:
                  - path: /live
                    caching:
                      enabled: false
                      profiles: [ { add: .json, policy: DontCache } ]
                """).effective();
        Map<String, Object> s = app(c, Stageline.HTTP_CACHE);
        assertEquals(s, app(c, Stageline.OUTPUT_CACHE), "both modules read the same section");
        assertEquals(true, s.get("enabled"));
        assertEquals(64L, s.get("maxCacheSize"));
        assertEquals("512KB", s.get("maxResponseSize"));
        assertEquals(1L, s.get("frequentHitThreshold"));
        assertEquals("10s", s.get("frequentHitTimePeriod"));
        assertEquals(false, s.get("cacheAuthenticatedRequests"));
        // prepend: the nearer level's profiles first; remove matches the extension case-insensitively
        assertEquals(List.of(Map.of("add", ".JS", "policy", "CacheForTimePeriod", "duration", "5m",
                "varyByQueryString", "v"), Map.of("add", ".html", "policy", "CacheUntilChange")), s.get("profiles"));
        Map<String, Object> live = at(c, "/live", Stageline.HTTP_CACHE);
        assertEquals(false, live.get("enabled"));
        assertEquals(List.of(".json", ".JS", ".html"), ((List<?>) live.get("profiles")).stream()
                .map(p -> ((Map<?, ?>) p).get("add")).toList());

        CompiledPipeline p = fx.compile(fx.app("""
                caching:
                  profiles: [ { add: .html, policy: CacheForTimePeriod } ]
                """)).pipeline();
        assertEquals(List.of(Stageline.HTTP_CACHE), p.modulesFor(PipelineStage.RESOLVE_REQUEST_CACHE, false));
        assertEquals(List.of(Stageline.HTTP_CACHE, Stageline.OUTPUT_CACHE),
                p.modulesFor(PipelineStage.RESOLVE_REQUEST_CACHE, true));
        CompiledPipeline none = fx.compile(fx.app("caching: { enabled: true }\n")).pipeline();
        assertEquals(List.of(), none.modulesFor(PipelineStage.RESOLVE_REQUEST_CACHE, true));

        // checked where written; the extension is the key, case-insensitive
        assertEquals(List.of(
                "app:2:67 SL-CFG-007 'policy' is 'Sometimes', which is not one of DontCache, CacheUntilChange, "
                        + "CacheForTimePeriod, DisableCache",
                "app:3:17 SL-CFG-007 'maxCacheSize' is 'lots', which is not a size",
                "app:6:16 SL-CFG-024 'caching.maxCacheSize' cannot be set in a location: the cache's sizes, hit rule, "
                        + "store and file cache are application-wide",
                "app:2:31 SL-CFG-013 cannot add duplicate caching profile '.html': it is already in the list "
                        + "(added at app:2:15)"), fx.loadProblems(null, """
                caching:
                  profiles: [ { add: .html }, { add: .HTML }, { add: .js, policy: Sometimes } ]
                  maxCacheSize: lots
                locations:
                  - path: /x
                    caching: { maxCacheSize: 5 }
                """));
    }

    @Test
    void aModuleSectionTheServerLocksCannotBeSetByTheApplication() {
        assertEquals(List.of("app:1:1 SL-CFG-027 section 'httpErrors' cannot be set here: it is locked at server:2 "
                + "(overrideMode: Deny)"), fx.loadProblems("""
                httpErrors:
                  overrideMode: Deny
                  errorMode: Custom
                """, "httpErrors: { errorMode: Detailed }\n"));
    }

    private static int defaultsLine(String text) {
        String[] lines = ConfigLoader.defaults().text().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static List<String> names(HandlerTable t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.mapping(i).name());
        }
        return out;
    }
}
