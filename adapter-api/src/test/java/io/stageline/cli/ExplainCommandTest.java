package io.stageline.cli;

import static io.stageline.cli.CliFixtures.FIX;
import static io.stageline.cli.CliFixtures.defaultAccessPolicy;
import static io.stageline.cli.CliFixtures.defaultHandler;
import static io.stageline.cli.CliFixtures.defaultMode;
import static io.stageline.cli.CliFixtures.defaultModule;
import static io.stageline.testutil.MiniJson.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.cli.CliFixtures.Result;
import io.stageline.testutil.MiniJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExplainCommandTest {
    private static final String APP = "app web/WEB-INF/stageline.yaml:";
    private static final String WEB_APP = """
            # the modules this test wants, in this order
            modules:
              list:
                - clear
                - add: StaticFile
                - add: DefaultDocument
                - add: DirectoryListing
                - add: Timing
                  type: %1$sTimingModule
                  preCondition: managedHandler
            handlers:
              list:
                - add: Hello
                  path: /hello
                  verb: GET,HEAD
                  type: %1$sHelloHandler
                - add: Reports
                  path: "*.do"
                  verb: GET,POST
                  servlet: reports
            """.formatted(FIX);
    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <servlet>
                <servlet-name>reports</servlet-name>
                <servlet-class>com.example.Reports</servlet-class>
              </servlet>
              <servlet-mapping>
                <servlet-name>reports</servlet-name>
                <url-pattern>*.do</url-pattern>
                <url-pattern>/reports/*</url-pattern>
              </servlet-mapping>
            </web-app>
            """;

    @TempDir
    Path dir;
    private CliFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CliFixtures(dir);
    }

    private void webApp() {
        fx.write("web/WEB-INF/stageline.yaml", WEB_APP);
        fx.write("web/WEB-INF/web.xml", WEB_XML);
        fx.write("web/css/site.css", "body { }");
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

    private static List<String> stagesWith(String... nonEmpty) {
        List<String> out = new ArrayList<>();
        for (io.stageline.api.PipelineStage s : io.stageline.api.PipelineStage.values()) {
            String line = "  " + s.name() + ": -";
            for (String e : nonEmpty) {
                if (e.startsWith(s.name() + ": ")) {
                    line = "  " + e;
                }
            }
            out.add(line);
        }
        return out;
    }

    @Test
    void aStaticFileShowsEveryMappingTriedWhyItWasSkippedAndWhereItComesFrom() {
        webApp();

        Result r = fx.run("explain", fx.p("web"), "GET", "/css/site.css");

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertEquals(List.of(
                "request: GET /css/site.css (remote client)",
                "mode: integrated [" + defaultMode() + "]",
                "location: /",
                "user: (anonymous)",
                "container: the container maps /css/site.css to its default servlet (no url-pattern of "
                        + "web/WEB-INF/web.xml matches)",
                "accessPolicy: Read, Script [" + defaultAccessPolicy() + "]",
                "handler mappings, in order:",
                "  1. Hello: skipped (path): path '/hello' does not match /css/site.css [" + APP + "13:7 add]",
                "  2. Reports: skipped (path): path '*.do' does not match /css/site.css [" + APP + "17:7 add]",
                "  3. TRACEVerbHandler: skipped (verb): GET is not in verb 'TRACE' [" + defaultHandler("TRACEVerbHandler")
                        + "]",
                "  4. OPTIONSVerbHandler: skipped (verb): GET is not in verb 'OPTIONS' ["
                        + defaultHandler("OPTIONSVerbHandler") + "]",
                "  5. ServletIntegrated: skipped (not-container-servlet): servlet \"*\" needs a servlet other than the "
                        + "default one, and the container maps /css/site.css to its default servlet ["
                        + defaultHandler("ServletIntegrated") + "]",
                "  6. ServletClassic: skipped (precondition): classicMode does not hold (the mode is integrated) ["
                        + defaultHandler("ServletClassic") + "]",
                "  7. StaticFile: chosen: path '*' and verb '*' match; requireAccess Read is granted ["
                        + defaultHandler("StaticFile") + "]",
                "handler: StaticFile runs modules StaticFile, DefaultDocument, DirectoryListing (not a managed handler)",
                "result: handled by StaticFile in EXECUTE_REQUEST_HANDLER; resourceType Either: /css/site.css is a file",
                "modules:"), lines.subList(0, 17));
        String clear = APP + "4:7 clear";
        assertEquals(List.of(
                "  StaticFile (native): runs; subscribes to no stage; executes the request for 'StaticFile' [" + APP
                        + "5:7 add; earlier: " + defaultModule("StaticFile") + ", " + clear + "]",
                "  DefaultDocument (native): runs; subscribes to no stage; executes the request for 'StaticFile' ["
                        + APP + "6:7 add; earlier: " + defaultModule("DefaultDocument") + ", " + clear + "]",
                "  DirectoryListing (native): runs; subscribes to no stage; executes the request for 'StaticFile' ["
                        + APP + "7:7 add; earlier: " + defaultModule("DirectoryListing") + ", " + clear + "]",
                "  Timing (managed " + FIX + "TimingModule): skipped for this request; preCondition managedHandler "
                        + "does not hold ('StaticFile' is not a managed handler) [" + APP + "8:7 add]"),
                section(lines, "modules:"));
        assertEquals(stagesWith("EXECUTE_REQUEST_HANDLER: handler StaticFile"), section(lines, "stages:"));
        assertTrue(section(lines, "removed:").contains("  module ServletDelegation [" + clear + "; earlier: "
                + defaultModule("ServletDelegation") + "]"), lines.toString());
    }

    @Test
    void theJsonFormatCarriesTheSameFactsAndOrigins() {
        webApp();

        Result r = fx.run("explain", "--format", "json", fx.p("web"), "GET", "/css/site.css");

        assertEquals(0, r.exit(), r.err());
        Object json = MiniJson.parse(r.out());
        assertEquals("GET", at(json, "request", "method"));
        assertEquals("/css/site.css", at(json, "request", "path"));
        assertEquals(false, at(json, "request", "local"));
        assertEquals("integrated", at(json, "mode", "value"));
        assertEquals("builtin:defaults.yaml", at(json, "mode", "origin", "file"));
        assertEquals("/", at(json, "location"));
        assertEquals(null, at(json, "user", "name"));
        assertEquals(false, at(json, "container", "nonDefaultServlet"));
        assertEquals(List.of("Hello", "Reports", "TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated",
                "ServletClassic", "StaticFile"), names(at(json, "handlers")));
        assertEquals(Map.of("number", 1L, "name", "Hello", "verdict", "skipped", "reason", "path", "detail",
                "path '/hello' does not match /css/site.css", "origin", Map.of("op", "add", "layer", "app", "file",
                "web/WEB-INF/stageline.yaml", "line", 13L, "column", 7L, "earlier", List.of())),
                at(json, "handlers", 0));
        assertEquals("precondition", at(json, "handlers", 5, "reason"));
        assertEquals("not-container-servlet", at(json, "handlers", 4, "reason"));
        assertEquals("chosen", at(json, "handlers", 6, "verdict"));
        assertEquals(null, at(json, "handlers", 6, "reason"));
        assertEquals("defaults", at(json, "handlers", 6, "origin", "layer"));
        assertEquals(0L, at(json, "notTried"));
        assertEquals(false, at(json, "handler", "managedHandler"));
        assertEquals(null, at(json, "result", "status"));
        assertEquals("EXECUTE_REQUEST_HANDLER", at(json, "result", "stage"));
        assertEquals("resourceType Either: /css/site.css is a file", at(json, "result", "note"));
        assertEquals("Timing", at(json, "modules", 3, "name"));
        assertEquals(false, at(json, "modules", 3, "runs"));
        assertEquals(List.of(Map.of("token", "managedHandler", "holds", false, "why",
                "'StaticFile' is not a managed handler")), at(json, "modules", 3, "preConditions"));
        assertEquals("clear", at(json, "modules", 0, "origin", "earlier", 1, "op"));
        assertEquals(23, ((List<?>) at(json, "stages")).size());
        assertEquals("StaticFile", at(json, "stages", 12, "handler"));
        assertEquals(null, at(json, "nested"));
    }

    @Test
    void aServletPathUsesTheWebXmlMappingAndMakesAManagedHandlerRequest() {
        webApp();

        Result r = fx.run("explain", fx.p("web"), "POST", "/app/run.do");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("container: the container maps /app/run.do to servlet 'reports' (url-pattern '*.do' in "
                + "web/WEB-INF/web.xml)", lines.get(4));
        assertEquals(List.of(
                "  1. Hello: skipped (path): path '/hello' does not match /app/run.do [" + APP + "13:7 add]",
                "  2. Reports: chosen: path '*.do' and verb 'GET,POST' match; requireAccess Script is granted [" + APP
                        + "17:7 add]",
                "  (5 later mappings not tried)"), section(lines, "handler mappings, in order:"));
        assertEquals("handler: Reports runs servlet 'reports' (by name) through ManagedPipelineHandler (a managed "
                + "handler)", lines.get(10));
        assertEquals("result: handled by Reports in EXECUTE_REQUEST_HANDLER", lines.get(11));
        assertTrue(section(lines, "modules:").contains("  Timing (managed " + FIX + "TimingModule): runs in "
                + "BEGIN_REQUEST, END_REQUEST; preCondition managedHandler holds ('Reports' is a managed handler) ["
                + APP + "8:7 add]"), lines.toString());
        assertEquals(stagesWith("BEGIN_REQUEST: Timing", "EXECUTE_REQUEST_HANDLER: handler Reports",
                "END_REQUEST: Timing"), section(lines, "stages:"));
    }

    @Test
    void servletStarMappingsNeedTheContainerToMapANonDefaultServlet() {
        webApp();

        Result r = fx.run("explain", fx.p("web"), "GET", "/reports/q1");

        List<String> lines = r.outLines();
        assertEquals("container: the container maps /reports/q1 to servlet 'reports' (url-pattern '/reports/*' in "
                + "web/WEB-INF/web.xml)", lines.get(4));
        assertEquals("  5. ServletIntegrated: chosen: path '*' and verb '*' match; requireAccess Script is granted ["
                + defaultHandler("ServletIntegrated") + "]", section(lines, "handler mappings, in order:").get(4));
        assertTrue(lines.contains("handler: ServletIntegrated runs servlet 'reports' (the container's mapping) through "
                + "ManagedPipelineHandler (a managed handler)"), lines.toString());
    }

    @Test
    void aTypeHandlerRunsThroughManagedPipelineHandlerAndTheJsonSaysSo() {
        webApp();

        Result r = fx.run("explain", "--format=json", "--user", "alice", "--roles", "admin, dev", fx.p("web"), "HEAD",
                "/hello");

        assertEquals(0, r.exit(), r.err());
        Object json = MiniJson.parse(r.out());
        assertEquals(Map.of("name", "alice", "roles", List.of("admin", "dev")), at(json, "user"));
        assertEquals(List.of("Hello"), names(at(json, "handlers")));
        assertEquals("chosen", at(json, "handlers", 0, "verdict"));
        assertEquals(6L, at(json, "notTried"));
        assertEquals(Map.of("name", "Hello", "runs", "type " + FIX + "HelloHandler through ManagedPipelineHandler",
                "managedHandler", true), at(json, "handler"));
        assertEquals(true, at(json, "modules", 3, "runs"));
        assertEquals(List.of("BEGIN_REQUEST", "END_REQUEST"), at(json, "modules", 3, "stages"));
        assertEquals(List.of("Timing"), at(json, "stages", 0, "modules"));
        assertEquals("Hello", at(json, "stages", 12, "handler"));
    }

    @Test
    void theUserIsRecordedInTheTextToo() {
        webApp();

        Result r = fx.run("explain", "--user", "alice", "--roles", "admin,dev", fx.p("web"), "GET", "/hello");

        assertEquals("user: alice (roles: admin, dev)", r.outLines().get(3));
    }

    private void legacyWebApp() {
        fx.write("web/WEB-INF/stageline.yaml", """
                handlers:
                  list:
                    - add: Hello
                      path: /hello
                      verb: GET
                      type: %1$sHelloHandler
                legacy:
                  httpModules:
                    - add: Audit
                      type: %1$sAuditModule
                  httpHandlers:
                    - add: Report
                      path: "*.rpt"
                      verb: "*"
                      type: %1$sReportHandler
                """.formatted(FIX));
        fx.write("web/WEB-INF/web.xml", """
                <web-app><servlet-mapping><servlet-name>legacy</servlet-name><url-pattern>*.rpt</url-pattern>
                </servlet-mapping></web-app>
                """);
    }

    @Test
    void classicModeShowsTheOuterStagesAndTheNestedManagedPipelineWithItsLegacyHandler() {
        legacyWebApp();

        Result r = fx.run("explain", "--mode", "classic", fx.p("web"), "GET", "/q/sales.rpt");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("mode: classic [command line --mode]", lines.get(1));
        assertEquals(List.of(
                "  1. Hello: skipped (path): path '/hello' does not match /q/sales.rpt [" + APP + "3:7 add]",
                "  2. TRACEVerbHandler: skipped (verb): GET is not in verb 'TRACE' [" + defaultHandler("TRACEVerbHandler")
                        + "]",
                "  3. OPTIONSVerbHandler: skipped (verb): GET is not in verb 'OPTIONS' ["
                        + defaultHandler("OPTIONSVerbHandler") + "]",
                "  4. ServletIntegrated: skipped (precondition): integratedMode does not hold (the mode is classic) ["
                        + defaultHandler("ServletIntegrated") + "]",
                "  5. ServletClassic: chosen: path '*' and verb '*' match; requireAccess Script is granted ["
                        + defaultHandler("ServletClassic") + "]",
                "  (1 later mapping not tried)"), section(lines, "handler mappings, in order:"));
        assertTrue(lines.contains("handler: ServletClassic runs modules ServletDelegation: the nested managed pipeline, "
                + "then a legacy handler or servlet 'legacy' (the container's mapping) (not a managed handler)"),
                lines.toString());
        assertTrue(section(lines, "modules:").contains("  Audit (legacy " + FIX + "AuditModule): runs in the nested "
                + "managed pipeline in BEGIN_REQUEST, AUTHORIZE_REQUEST [" + APP + "9:7 add]"), lines.toString());
        // of the defaults only RequestFiltering acts: Basic is disabled, anonymous enabled and the authorization
        // rules allow everyone, so those modules subscribe to no stage
        assertEquals(stagesWith("BEGIN_REQUEST: RequestFiltering", "EXECUTE_REQUEST_HANDLER: handler ServletClassic"),
                section(lines, "stages:"));
        int nested = lines.indexOf("nested managed pipeline (classic mode): 'ServletClassic' runs ServletDelegation, "
                + "which runs the managed modules of legacy.httpModules in a nested pipeline inside "
                + "EXECUTE_REQUEST_HANDLER");
        assertTrue(nested > 0, lines.toString());
        String report = "Report (legacy handler, type " + FIX + "ReportHandler)";
        assertEquals(List.of("  legacy handler mappings, in order:",
                "    1. Report: chosen: path '*.rpt' and verb '*' match; requireAccess Script is granted [" + APP
                        + "12:7 add]",
                "  handler: " + report,
                "  stages:"), lines.subList(nested + 1, nested + 5));
        List<String> nestedStages = new ArrayList<>();
        for (String line : stagesWith("BEGIN_REQUEST: Audit", "AUTHORIZE_REQUEST: Audit",
                "EXECUTE_REQUEST_HANDLER: handler " + report)) {
            nestedStages.add("  " + line);
        }
        assertEquals(nestedStages, lines.subList(nested + 5, nested + 5 + 23));
    }

    @Test
    void aTypeHandlerInClassicModeIsA50021BadModule() {
        legacyWebApp();

        Result r = fx.run("explain", "--mode", "classic", fx.p("web"), "GET", "/hello");

        List<String> lines = r.outLines();
        assertTrue(lines.contains("result: 500.21 in MAP_REQUEST_HANDLER: Handler 'Hello' has a bad module "
                + "'ManagedPipelineHandler' in its module list (classic mode has no ManagedPipelineHandler; add "
                + "preCondition: integratedMode to the mapping)"), lines.toString());
        assertTrue(section(lines, "stages:").contains("  EXECUTE_REQUEST_HANDLER: handler Hello (not run: the request "
                + "fails with 500.21 in MAP_REQUEST_HANDLER)"), lines.toString());
    }

    @Test
    void legacySectionsInIntegratedModeFailEveryRequestIn50022() {
        legacyWebApp();

        Result r = fx.run("explain", fx.p("web"), "GET", "/hello");

        List<String> lines = r.outLines();
        assertTrue(lines.contains("result: 500.22 in BEGIN_REQUEST: every request fails: legacy.httpModules is "
                + "configured, and integrated mode does not run it (validation.validateIntegratedModeConfiguration is "
                + "true); run 'stageline migrate' or use classic mode"), lines.toString());
        assertTrue(section(lines, "modules:").contains("  Audit (legacy " + FIX + "AuditModule): not in the pipeline: "
                + "legacy.httpModules runs in classic mode only [" + APP + "9:7 add]"), lines.toString());
    }

    @Test
    void aPathNoMappingMatchesIsA4044AndRemovedMappingsShowWhoRemovedThem() {
        fx.write("app.yaml", """
                handlers:
                  list:
                    - remove: StaticFile
                modules:
                  list:
                    - add: Timing
                      type: %sTimingModule
                """.formatted(FIX));

        Result r = fx.run("explain", fx.p("app.yaml"), "GET", "/docs/a.txt");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("container: no web application given: the container's default servlet is assumed for /docs/a.txt",
                lines.get(4));
        assertEquals(List.of(
                "  1. TRACEVerbHandler: skipped (verb): GET is not in verb 'TRACE' [" + defaultHandler("TRACEVerbHandler")
                        + "]",
                "  2. OPTIONSVerbHandler: skipped (verb): GET is not in verb 'OPTIONS' ["
                        + defaultHandler("OPTIONSVerbHandler") + "]",
                "  3. ServletIntegrated: skipped (not-container-servlet): servlet \"*\" needs a servlet other than the "
                        + "default one, and the container maps /docs/a.txt to its default servlet ["
                        + defaultHandler("ServletIntegrated") + "]",
                "  4. ServletClassic: skipped (precondition): classicMode does not hold (the mode is integrated) ["
                        + defaultHandler("ServletClassic") + "]"), section(lines, "handler mappings, in order:"));
        assertEquals("handler: none", lines.get(11));
        assertEquals("result: 404.4 in MAP_REQUEST_HANDLER: no handler mapping matches GET /docs/a.txt", lines.get(12));
        assertEquals(stagesWith("BEGIN_REQUEST: RequestFiltering, Timing", "END_REQUEST: Timing"),
                section(lines, "stages:"));
        assertEquals(List.of("  handler StaticFile [app app.yaml:3:7 remove; earlier: " + defaultHandler("StaticFile")
                + "]"), section(lines, "removed:"));
    }

    @Test
    void aMappingTheAccessPolicyDisablesIsSkippedAndOnlyDisabledMatchesGive4032() {
        fx.write("app.yaml", """
                handlers:
                  accessPolicy: Read, Script, NoRemoteRead
                """);

        Result remote = fx.run("explain", fx.p("app.yaml"), "GET", "/a.txt");
        Result local = fx.run("explain", "--local", fx.p("app.yaml"), "GET", "/a.txt");

        List<String> lines = remote.outLines();
        assertEquals("accessPolicy: Read, Script, NoRemoteRead [app app.yaml:2:17 set]", lines.get(5));
        assertEquals("  5. StaticFile: skipped (access): requireAccess Read is not granted by accessPolicy 'Read, Script, "
                + "NoRemoteRead' to a remote request (--local: a local one) [" + defaultHandler("StaticFile") + "]",
                section(lines, "handler mappings, in order:").get(4));
        assertEquals("result: 403.2 in MAP_REQUEST_HANDLER: every mapping that matches needs access that accessPolicy "
                + "'Read, Script, NoRemoteRead' does not grant", lines.get(13));
        assertEquals("request: GET /a.txt (local client)", local.outLines().get(0));
        assertTrue(local.outLines().contains("handler: StaticFile runs modules StaticFile, DefaultDocument, "
                + "DirectoryListing (not a managed handler)"), local.out());
    }

    @Test
    void anInvalidConfigurationIsNotExplainedAndExitsOne() {
        fx.write("app.yaml", "pipelineMode: hybrid\n");

        Result r = fx.run("explain", fx.p("app.yaml"), "GET", "/");

        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals(List.of("app.yaml:1:15 SL-CFG-007 error: pipelineMode 'hybrid' is not a pipeline mode",
                "    hint: write integrated or classic",
                "stageline: app.yaml is invalid (1 error, 0 warnings); nothing to explain"), r.errLines());
    }

    @Test
    void warningsGoToStandardErrorSoJsonStaysClean() {
        fx.write("app.yaml", """
                pipelineMode: classic
                modules:
                  list:
                    - add: Timing
                      type: %sTimingModule
                """.formatted(FIX));

        Result r = fx.run("explain", "--format", "json", fx.p("app.yaml"), "GET", "/");

        assertEquals(0, r.exit());
        assertEquals("- SL-CFG-021 warning: classic mode ignores the managed modules in 'modules:' (configure them in "
                + "legacy.httpModules): Timing", r.err().strip());
        assertEquals("not in the pipeline: classic mode ignores managed modules in modules: (configure them in "
                + "legacy.httpModules)", at(MiniJson.parse(r.out()), "modules", 13, "detail"));
    }

    @Test
    void aPathTheFilterWouldRejectIsAUsageError() {
        Result r = fx.run("explain", "app.yaml", "GET", "/a/../b");

        assertEquals(2, r.exit());
        assertEquals("stageline: PATH '/a/../b' is not canonical (an empty, '.' or '..' segment, '\\', ';' or a control "
                + "character): the filter answers it with 400", r.errLines().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            explain app.yaml GET                    | stageline: explain needs WEBAPP_OR_YAML VERB PATH (missing PATH)
            explain app.yaml GET a.txt              | stageline: PATH must start with '/', not 'a.txt'
            explain app.yaml 'G T' /                | stageline: VERB must be an HTTP method such as GET, not 'G T'
            explain --format xml app.yaml GET /     | stageline: --format must be text or json, not 'xml'
            explain --roles admin app.yaml GET /    | stageline: --roles needs --user
            explain --local=yes app.yaml GET /      | stageline: option --local takes no value
            """)
    void usageErrorsPrintOneLineAndTheUsageAndExitTwo(String args, String message) {
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" (?=(?:[^']*'[^']*')*[^']*$)")) {
            argv.add(a.startsWith("'") ? a.substring(1, a.length() - 1) : a);
        }

        Result r = fx.run(argv.toArray(new String[0]));

        assertEquals(2, r.exit());
        assertEquals(message, r.errLines().get(0));
        assertEquals(StagelineCommand.USAGE, r.err().substring(r.err().indexOf('\n') + 1));
    }

    @Test
    void originsNameTheServerFileTheAppFileAndTheDefaultsWithEveryOperationOnAName() {
        fx.write("server.yaml", """
                handlers:
                  accessPolicy: Read
                  list:
                    - add: ServerWide
                      path: "*.srv"
                      verb: GET
                      modules: StaticFile
                      requireAccess: Read
                """);
        fx.write("app.yaml", """
                modules:
                  list:
                    - remove: DirectoryListing
                    - add: DirectoryListing
                """);

        Result r = fx.run("explain", "--server", fx.p("server.yaml"), fx.p("app.yaml"), "GET", "/x/a.srv");

        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.outLines();
        assertEquals("accessPolicy: Read [server server.yaml:2:17 set]", lines.get(5));
        assertEquals(List.of("  1. ServerWide: chosen: path '*.srv' and verb 'GET' match; requireAccess Read is granted "
                + "[server server.yaml:4:7 add]", "  (5 later mappings not tried)"),
                section(lines, "handler mappings, in order:"));
        assertTrue(section(lines, "modules:").contains("  DirectoryListing (native): runs; subscribes to no stage [app "
                + "app.yaml:4:7 add; earlier: " + defaultModule("DirectoryListing") + ", app app.yaml:3:7 remove]"),
                lines.toString());
        assertTrue(section(lines, "modules:").contains("  StaticFile (native): runs; subscribes to no stage; executes "
                + "the request for 'ServerWide' [" + defaultModule("StaticFile") + "]"), lines.toString());
    }

    @Test
    void theJsonOfAClassicRequestCarriesTheNestedPipeline() {
        legacyWebApp();

        Result r = fx.run("explain", "--mode", "classic", "--format", "json", fx.p("web"), "GET", "/q/sales.rpt");

        Object json = MiniJson.parse(r.out());
        assertEquals("--mode", at(json, "mode", "origin", "op"));
        assertEquals("command line", at(json, "mode", "origin", "layer"));
        assertEquals(null, at(json, "mode", "origin", "file"));
        assertEquals(0L, at(json, "mode", "origin", "line"));
        assertEquals(List.of("Report"), names(at(json, "nested", "handlers")));
        assertEquals("Report (legacy handler, type " + FIX + "ReportHandler)", at(json, "nested", "handler"));
        assertEquals(List.of("Audit"), at(json, "nested", "stages", 3, "modules"));
        assertEquals("AUTHORIZE_REQUEST", at(json, "nested", "stages", 3, "stage"));
        assertEquals("legacy", moduleNamed(json, "Audit").get("kind"));
        assertEquals(true, moduleNamed(json, "DefaultDocument").get("runs"));
        assertEquals(false, moduleNamed(json, "OutputCache").get("runs"));
    }

    private static Map<?, ?> moduleNamed(Object json, String name) {
        for (Object o : (List<?>) at(json, "modules")) {
            if (name.equals(((Map<?, ?>) o).get("name"))) {
                return (Map<?, ?>) o;
            }
        }
        throw new AssertionError("no module " + name + " in " + at(json, "modules"));
    }

    private static List<Object> names(Object list) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Map<?, ?>) o).get("name"));
        }
        return out;
    }
}
