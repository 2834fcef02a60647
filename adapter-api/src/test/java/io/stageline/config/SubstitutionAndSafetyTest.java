package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stageline.api.HandlerMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubstitutionAndSafetyTest {
    @TempDir
    Path dir;

    @Test
    void envAndFileReferencesAreReplacedInsideScalarValues() {
        ConfigFixtures fx = new ConfigFixtures(dir, Map.of("REPORT_SERVLET", "reports", "VERBS", "GET"));
        fx.write("secrets/verbs.txt", "POST\n");
        LoadedConfiguration c = fx.app("""
                handlers:
                  list:
                    - add: Reports
                      path: "*.do"
                      verb: ${env:VERBS},${file:secrets/verbs.txt}
                      servlet: ${env:REPORT_SERVLET}
                """);
        ConfigFile.HandlerEntry h = c.effective().handlers().get(0);
        assertEquals("GET,POST", h.verb());
        assertEquals("reports", h.servlet());
    }

    @Test
    void aDoubledDollarWritesALiteralReference() {
        ConfigFixtures fx = new ConfigFixtures(dir);
        LoadedConfiguration c = fx.app("""
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                      settings: { pattern: "$${env:HOME}" }
                """);
        List<ConfigFile.ModuleEntry> modules = c.effective().modules();
        assertEquals(Map.of("pattern", "${env:HOME}"), modules.get(modules.size() - 1).settings());
    }

    @Test
    void unresolvableReferencesAreErrorsAtTheirValues() {
        ConfigFixtures fx = new ConfigFixtures(dir);
        List<String> p = fx.appProblems("""
                handlers:
                  list:
                    - add: Reports
                      path: "*.do"
                      verb: ${env:NOT_SET}
                      servlet: ${file:missing.txt}
                    - add: Other
                      path: "*.x"
                      verb: GET
                      servlet: ${vault:secret}
                """);
        assertEquals(List.of("app:5:13 SL-CFG-018 environment variable 'NOT_SET' is not set",
                "app:6:16 SL-CFG-018 cannot read file '" + dir.resolve("missing.txt") + "' for ${file:missing.txt}: "
                        + "NoSuchFileException",
                "app:10:16 SL-CFG-018 unknown substitution '${vault:secret}'"), p);
    }

    @Test
    void aJavaClassTagIsRejectedAndNothingIsConstructed() {
        ConfigFixtures fx = new ConfigFixtures(dir);
        List<String> p = fx.appProblems("""
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                      settings:
                        engine: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                """);
        assertEquals(List.of("app:6:17 SL-CFG-002 YAML tag 'tag:yaml.org,2002:javax.script.ScriptEngineManager' is not "
                + "allowed"), p);
    }

    @Test
    void localTagsMergeKeysAndRecursiveAliasesAreRejected() {
        ConfigFixtures fx = new ConfigFixtures(dir);
        List<String> p = fx.appProblems("""
                base: &b { enabled: true }
                directoryBrowse:
                  <<: *b
                defaultDocument:
                  enabled: !bool true
                """);
        assertEquals(List.of("app:1:1 SL-CFG-004 unknown key 'base' in the top level",
                "app:3:3 SL-CFG-002 merge keys (<<) are not supported",
                "app:5:12 SL-CFG-002 YAML tag '!bool' is not allowed"), p);
        List<String> r = fx.appProblems("""
                modules:
                  list:
                    - add: Timing
                      type: io.stageline.config.ConfigFixtures$TimingModule
                      settings: &s { self: *s }
                """);
        assertEquals(List.of("app:5:17 SL-CFG-002 recursive alias: a node contains itself"), r);
    }

    @Test
    void typeHandlersAreCreatedWithTheApplicationClassLoader() {
        ConfigFixtures fx = new ConfigFixtures(dir);
        HandlerMapping m = fx.compile(fx.app("""
                handlers:
                  list:
                    - add: Hello
                      path: /hello
                      verb: GET
                      type: io.stageline.config.ConfigFixtures$HelloHandler
                      responseBufferLimit: 512KB
                """)).pipeline().handlers().mapping(0);
        assertEquals(ConfigFixtures.HelloHandler.class, m.handler().getClass());
        assertEquals(512 * 1024, m.responseBufferLimit());
        assertEquals(fx.label("app.yaml") + ":3:7", m.source());
    }

    @Test
    void sizesAcceptBytesAndBinaryUnits() {
        NodeReader r = new NodeReader(new Problems());
        Position at = new Position("f", 1, 1);
        assertEquals(0L, r.size(new YNode.Scalar("0", "int", at), "x"));
        assertEquals(4L << 20, r.size(new YNode.Scalar("4MiB", "str", at), "x"));
        assertEquals(4L << 20, r.size(new YNode.Scalar("4 MB", "str", at), "x"));
        assertEquals(1L << 30, r.size(new YNode.Scalar("1GB", "str", at), "x"));
        Problems problems = new Problems();
        assertEquals(null, new NodeReader(problems).size(new YNode.Scalar("-1", "int", at), "x"));
        assertEquals("SL-CFG-012", problems.all().get(0).code());
        assertThrows(ConfigurationException.class, problems::throwIfErrors);
    }
}
