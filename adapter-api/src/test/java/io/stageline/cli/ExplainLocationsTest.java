package io.stageline.cli;

import static io.stageline.cli.CliFixtures.FIX;
import static io.stageline.cli.CliFixtures.defaultAccessPolicy;
import static io.stageline.cli.CliFixtures.defaultHandler;
import static io.stageline.cli.CliFixtures.defaultMode;
import static io.stageline.testutil.MiniJson.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.cli.CliFixtures.Result;
import io.stageline.testutil.MiniJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code explain} and {@code validate} with {@code locations:}, server location filters and application pools. */
class ExplainLocationsTest {
    private static final String APP = "app web/WEB-INF/stageline.yaml:";
    /** /admin replaces StaticFile by AdminPages; /admin/reports puts a type handler first. */
    private static final String WEB_APP = """
            handlers:
              list:
                - add: Hello
                  path: /hello
                  verb: GET,HEAD
                  type: %1$sHelloHandler
            locations:
              - path: /admin
                handlers:
                  list:
                    - remove: StaticFile
                    - add: AdminPages
                      path: "*.html"
                      verb: GET
                      modules: StaticFile
                      requireAccess: Read
              - path: /admin/reports
                handlers:
                  list:
                    - add: Reports
                      path: "*"
                      verb: GET
                      type: %1$sReportHandler
            """.formatted(FIX);
    /** A location for the application at /shop only, and a pool that runs /legacy in classic mode. */
    private static final String SERVER = """
            locations:
              - path: /admin
                application: /shop
                handlers:
                  list:
                    - add: ShopAdmin
                      path: "*.json"
                      verb: GET
                      modules: StaticFile
                      requireAccess: Read
            applicationPools:
              - { name: ClassicPool, pipelineMode: classic }
            applications:
              /legacy: { pool: ClassicPool }
            """;
    private static final String REMOVED_STATIC_FILE = "  handler StaticFile [" + APP + "11:11 remove; earlier: "
            + defaultHandler("StaticFile") + "]";

    @TempDir
    Path dir;
    private CliFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CliFixtures(dir);
        fx.write("web/WEB-INF/stageline.yaml", WEB_APP);
        fx.write("server.yaml", SERVER);
    }

    private static List<String> section(List<String> lines, String header) {
        List<String> out = new ArrayList<>();
        int at = lines.indexOf(header);
        assertTrue(at >= 0, "no " + header + " in " + lines);
        for (int i = at + 1; i < lines.size() && lines.get(i).startsWith(" "); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    private Result explain(String... args) {
        List<String> argv = new ArrayList<>(List.of("explain"));
        argv.addAll(Arrays.asList(args));
        return fx.run(argv.toArray(new String[0]));
    }

    @Test
    void aPathUnderALocationUsesTheLocationsHandlerMappingsAndShowsWhereTheLocationIsDeclared() {
        Result r = explain(fx.p("web"), "GET", "/admin/index.html");

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals(List.of(
                "request: GET /admin/index.html (remote client)",
                "mode: integrated [" + defaultMode() + "]",
                "location: /admin [" + APP + "8:5]",
                "user: (anonymous)",
                "container: the container maps /admin/index.html to its default servlet (no WEB-INF/web.xml)",
                "accessPolicy: Read, Script [" + defaultAccessPolicy() + "]",
                "handler mappings, in order:",
                "  1. AdminPages: chosen: path '*.html' and verb 'GET' match; requireAccess Read is granted [" + APP
                        + "12:11 add]",
                "  (5 later mappings not tried)",
                "handler: AdminPages runs modules StaticFile (not a managed handler)",
                "result: handled by AdminPages in EXECUTE_REQUEST_HANDLER",
                "modules:"), lines.subList(0, 12));
        assertTrue(section(lines, "modules:").contains("  StaticFile (native): runs; subscribes to no stage; executes "
                + "the request for 'AdminPages' [defaults " + CliFixtures.defaults().modules().stream()
                .filter(op -> "StaticFile".equals(op.key())).findFirst().orElseThrow().pos() + " add]"),
                lines.toString());
        assertEquals(List.of(REMOVED_STATIC_FILE), section(lines, "removed:"));
    }

    @Test
    void aMappingTheLocationRemovedIsGoneAndTheOthersComeAfterTheLocationsOwn() {
        Result r = explain(fx.p("web"), "POST", "/admin/index.html");

        List<String> lines = r.outLines();
        assertEquals(List.of(
                "  1. AdminPages: skipped (verb): POST is not in verb 'GET' [" + APP + "12:11 add]",
                "  2. Hello: skipped (path): path '/hello' does not match /admin/index.html [" + APP + "3:7 add]",
                "  3. TRACEVerbHandler: skipped (verb): POST is not in verb 'TRACE' ["
                        + defaultHandler("TRACEVerbHandler") + "]",
                "  4. OPTIONSVerbHandler: skipped (verb): POST is not in verb 'OPTIONS' ["
                        + defaultHandler("OPTIONSVerbHandler") + "]",
                "  5. ServletIntegrated: skipped (not-container-servlet): servlet \"*\" needs a servlet other than the "
                        + "default one, and the container maps /admin/index.html to its default servlet ["
                        + defaultHandler("ServletIntegrated") + "]",
                "  6. ServletClassic: skipped (precondition): classicMode does not hold (the mode is integrated) ["
                        + defaultHandler("ServletClassic") + "]"), section(lines, "handler mappings, in order:"));
        assertEquals("handler: none", lines.get(13));
        assertEquals("result: 404.4 in MAP_REQUEST_HANDLER: no handler mapping matches POST /admin/index.html",
                lines.get(14));
    }

    @Test
    void theMostSpecificOfTwoNestedLocationsAppliesAndBothEntriesAreListedLeastSpecificFirst() {
        Result r = explain(fx.p("web"), "GET", "/admin/reports/q1");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("location: /admin/reports [" + APP + "8:5 /admin, " + APP + "17:5]", lines.get(2));
        assertEquals(List.of(
                "  1. Reports: chosen: path '*' and verb 'GET' match; requireAccess Script is granted [" + APP
                        + "20:11 add]",
                "  (6 later mappings not tried)"), section(lines, "handler mappings, in order:"));
        assertEquals("handler: Reports runs type " + FIX + "ReportHandler through ManagedPipelineHandler (a managed "
                + "handler)", lines.get(9));
        assertEquals("result: handled by Reports in EXECUTE_REQUEST_HANDLER", lines.get(10));
        assertEquals(List.of(REMOVED_STATIC_FILE), section(lines, "removed:"));
    }

    @Test
    void theLocationItselfAndItsPathInAnotherCaseUseIt() {
        assertEquals("location: /admin [" + APP + "8:5]", explain(fx.p("web"), "GET", "/admin").outLines().get(2));
        assertEquals("location: /admin/reports [" + APP + "8:5 /admin, " + APP + "17:5]",
                explain(fx.p("web"), "GET", "/ADMIN/Reports/").outLines().get(2));
    }

    @Test
    void aPathJustOutsideALocationUsesTheApplicationRoot() {
        Result r = explain(fx.p("web"), "GET", "/administrator/index.html");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("location: /", lines.get(2));
        assertEquals(List.of(
                "  1. Hello: skipped (path): path '/hello' does not match /administrator/index.html [" + APP
                        + "3:7 add]",
                "  2. TRACEVerbHandler: skipped (verb): GET is not in verb 'TRACE' ["
                        + defaultHandler("TRACEVerbHandler") + "]",
                "  3. OPTIONSVerbHandler: skipped (verb): GET is not in verb 'OPTIONS' ["
                        + defaultHandler("OPTIONSVerbHandler") + "]",
                "  4. ServletIntegrated: skipped (not-container-servlet): servlet \"*\" needs a servlet other than the "
                        + "default one, and the container maps /administrator/index.html to its default servlet ["
                        + defaultHandler("ServletIntegrated") + "]",
                "  5. ServletClassic: skipped (precondition): classicMode does not hold (the mode is integrated) ["
                        + defaultHandler("ServletClassic") + "]",
                "  6. StaticFile: chosen: path '*' and verb '*' match; requireAccess Read is granted ["
                        + defaultHandler("StaticFile") + "]"), section(lines, "handler mappings, in order:"));
        assertEquals("handler: StaticFile runs modules StaticFile, DefaultDocument, DirectoryListing (not a managed "
                + "handler)", lines.get(13));
        assertFalse(lines.contains("removed:"), lines.toString());
    }

    @Test
    void aLocationsMappingWithABadModuleIsA50021() {
        Result r = explain("--mode", "classic", fx.p("web"), "GET", "/admin/reports/q1");

        List<String> lines = r.outLines();
        assertEquals("location: /admin/reports [" + APP + "8:5 /admin, " + APP + "17:5]", lines.get(2));
        assertEquals("result: 500.21 in MAP_REQUEST_HANDLER: Handler 'Reports' has a bad module "
                + "'ManagedPipelineHandler' in its module list (classic mode has no ManagedPipelineHandler; add "
                + "preCondition: integratedMode to the mapping)", lines.get(10));
        assertTrue(section(lines, "stages:").contains("  EXECUTE_REQUEST_HANDLER: handler Reports (not run: the "
                + "request fails with 500.21 in MAP_REQUEST_HANDLER)"), lines.toString());
    }

    @Test
    void aServerLocationForOneApplicationAppliesOnlyWithItsContextPath() {
        fx.write("app.yaml", "directoryBrowse: { enabled: false }\n");

        Result root = explain("--server", fx.p("server.yaml"), fx.p("app.yaml"), "GET", "/admin/users.json");
        Result other = explain("--server", fx.p("server.yaml"), "--context-path", "/other", fx.p("app.yaml"), "GET",
                "/admin/users.json");
        Result shop = explain("--server", fx.p("server.yaml"), "--context-path", "/shop", fx.p("app.yaml"), "GET",
                "/admin/users.json");

        assertEquals(List.of("request: GET /admin/users.json (remote client)", "mode: integrated [" + defaultMode()
                + "]", "location: /"), root.outLines().subList(0, 3));
        assertEquals("  5. StaticFile: chosen: path '*' and verb '*' match; requireAccess Read is granted ["
                + defaultHandler("StaticFile") + "]", section(root.outLines(), "handler mappings, in order:").get(4));
        assertEquals(List.of("request: GET /admin/users.json (remote client, context path /other)",
                "mode: integrated [" + defaultMode() + "]", "location: /"), other.outLines().subList(0, 3));
        assertEquals(0, shop.exit(), shop.err());
        assertEquals("", shop.err());
        List<String> lines = shop.outLines();
        assertEquals(List.of(
                "request: GET /admin/users.json (remote client, context path /shop)",
                "mode: integrated [" + defaultMode() + "]",
                "location: /admin [server server.yaml:2:5]",
                "user: (anonymous)",
                "container: no web application given: the container's default servlet is assumed for /admin/users.json",
                "accessPolicy: Read, Script [" + defaultAccessPolicy() + "]",
                "handler mappings, in order:",
                "  1. ShopAdmin: chosen: path '*.json' and verb 'GET' match; requireAccess Read is granted [server "
                        + "server.yaml:6:11 add]",
                "  (5 later mappings not tried)",
                "handler: ShopAdmin runs modules StaticFile (not a managed handler)",
                "result: handled by ShopAdmin in EXECUTE_REQUEST_HANDLER"), lines.subList(0, 11));
    }

    @Test
    void anApplicationPoolForcesClassicModeForItsContextPath() {
        fx.write("app.yaml", "directoryBrowse: { enabled: false }\n");

        Result root = explain("--server", fx.p("server.yaml"), fx.p("app.yaml"), "GET", "/a.txt");
        Result legacy = explain("--server", fx.p("server.yaml"), "--context-path", "/legacy", fx.p("app.yaml"), "GET",
                "/a.txt");

        assertEquals("mode: integrated [" + defaultMode() + "]", root.outLines().get(1));
        assertEquals(0, legacy.exit(), legacy.err());
        List<String> lines = legacy.outLines();
        assertEquals(List.of(
                "request: GET /a.txt (remote client, context path /legacy)",
                "mode: classic [server server.yaml:12:5 pool ClassicPool]",
                "location: /"), lines.subList(0, 3));
        assertEquals("  3. ServletIntegrated: skipped (precondition): integratedMode does not hold (the mode is "
                + "classic) [" + defaultHandler("ServletIntegrated") + "]",
                section(lines, "handler mappings, in order:").get(2));
        assertEquals(List.of("app.yaml: valid in classic mode (0 errors, 0 warnings)"),
                fx.run("validate", "--server", fx.p("server.yaml"), "--context-path", "/legacy", fx.p("app.yaml"))
                        .outLines());
        assertEquals(List.of("app.yaml: valid in integrated mode (0 errors, 0 warnings)"),
                fx.run("validate", "--server", fx.p("server.yaml"), fx.p("app.yaml")).outLines());
    }

    @Test
    void thePoolWinsOverTheApplicationsOwnPipelineModeWithAWarning() {
        fx.write("app.yaml", "pipelineMode: integrated\n");

        Result r = explain("--server", fx.p("server.yaml"), "--context-path=/legacy", fx.p("app.yaml"), "GET", "/a");

        assertEquals(0, r.exit(), r.err());
        assertEquals("mode: classic [server server.yaml:12:5 pool ClassicPool]", r.outLines().get(1));
        assertTrue(r.errLines().get(0).startsWith("app.yaml:1:15 "), r.err());
        assertTrue(r.errLines().get(0).contains("pool 'ClassicPool'"), r.err());
    }

    @Test
    void theJsonCarriesTheLocationEveryEntryOfItAndTheContextPath() {
        fx.write("server.yaml", SERVER.replace("path: /admin\n", "path: /admin/reports\n"));

        Result r = explain("--format", "json", "--server", fx.p("server.yaml"), "--context-path", "/shop", fx.p("web"),
                "POST", "/admin/reports/users.json");

        assertEquals(0, r.exit(), r.err());
        Object json = MiniJson.parse(r.out());
        assertEquals("/shop", at(json, "request", "contextPath"));
        assertEquals("/admin/reports", at(json, "location"));
        assertEquals(List.of(
                entry("app", "web/WEB-INF/stageline.yaml", 8, "/admin", null),
                entry("server", "server.yaml", 2, "/admin/reports", "/shop"),
                entry("app", "web/WEB-INF/stageline.yaml", 17, "/admin/reports", null)),
                at(json, "locationEntries"));
        List<Object> names = new ArrayList<>();
        for (Object h : (List<?>) at(json, "handlers")) {
            names.add(((Map<?, ?>) h).get("name"));
        }
        assertEquals(List.of("Reports", "ShopAdmin", "AdminPages", "Hello", "TRACEVerbHandler", "OPTIONSVerbHandler",
                "ServletIntegrated", "ServletClassic"), names);
        assertEquals(Map.of("op", "add", "layer", "server", "file", "server.yaml", "line", 6L, "column", 11L,
                "earlier", List.of()), at(json, "handlers", 1, "origin"));
        assertEquals("404.4", at(json, "result", "status"));
        assertEquals("remove", at(json, "removed", 0, "origin", "op"));

        Object rootJson = MiniJson.parse(explain("--format", "json", fx.p("web"), "GET", "/hello").out());
        assertEquals("/", at(rootJson, "request", "contextPath"));
        assertEquals("/", at(rootJson, "location"));
        assertEquals(List.of(), at(rootJson, "locationEntries"));
    }

    private static Map<String, Object> entry(String layer, String file, long line, String path, String application) {
        Map<String, Object> m = new HashMap<>();
        m.put("layer", layer);
        m.put("file", file);
        m.put("line", line);
        m.put("column", 5L);
        m.put("path", path);
        m.put("application", application);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            explain --context-path shop app.yaml GET /    | --context-path MUST_BE'shop'
            explain --context-path /shop/ app.yaml GET /  | --context-path MUST_BE'/shop/'
            validate --context-path /a/../b app.yaml      | --context-path MUST_BE'/a/../b'
            """)
    void aContextPathThatIsNotOneIsAUsageError(String args, String message) {
        Result r = fx.run(args.split(" "));

        assertEquals(2, r.exit());
        assertEquals("stageline: " + message.replace("MUST_BE", "must be / or a context path such as /shop, not "),
                r.errLines().get(0));
        assertEquals(StagelineCommand.USAGE, r.err().substring(r.err().indexOf('\n') + 1));
    }
}
