package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockingTest {
    private static final String LOCKED_MODULE = """
            modules:
              list:
                - add: Timing
                  type: io.stageline.config.ConfigFixtures$TimingModule
                  lockItem: true
            """;
    private static final String LOCKED_HANDLER = """
            handlers:
              list:
                - add: Reports
                  path: "*.rpt"
                  verb: GET
                  servlet: reports
                  lockItem: true
            """;

    @TempDir
    Path dir;
    private ConfigFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixtures(dir);
    }

    @Test
    void removingALockedModuleIsAnErrorAtTheApplicationsRemoveNamingTheServerLine() {
        List<String> p = fx.loadProblems(LOCKED_MODULE, """
                modules:
                  list:
                    - remove: Timing
                """);
        assertEquals(List.of("app:3:7 SL-CFG-027 cannot remove module 'Timing', locked at server:3 (lockItem: true)"), p);
    }

    @Test
    void clearingACollectionThatHoldsALockedEntryIsAnError() {
        assertEquals(List.of("app:3:7 SL-CFG-027 cannot clear the handler mapping list: it holds handler mapping "
                + "'Reports', locked at server:3 (lockItem: true)"), fx.loadProblems(LOCKED_HANDLER, """
                handlers:
                  list:
                    - clear
                    - add: Mine
                      path: "*"
                      verb: "*"
                      servlet: "*"
                """));
    }

    @Test
    void anApplicationLocationCannotDropALockedEntryEither() {
        String server = """
                defaultDocument:
                  files:
                    - add: home.html
                      lockItem: true
                staticContent:
                  mimeMap:
                    - add: .rpt
                      mimeType: application/x-report
                      lockItem: true
                """;
        // merge problems come in merge order: MIME map before default documents
        assertEquals(List.of("app:6:18 SL-CFG-027 cannot clear the MIME map entry list: it holds MIME map entry '.rpt', "
                        + "locked at server:7 (lockItem: true)",
                "app:4:16 SL-CFG-027 cannot remove default document 'home.html', locked at server:3 (lockItem: true)"),
                fx.loadProblems(server, """
                locations:
                  - path: /a
                    defaultDocument:
                      files: [ { remove: HOME.html } ]
                    staticContent:
                      mimeMap: [ clear ]
                """));
    }

    @Test
    void unlockedEntriesAndTheServersOwnLocationsMayStillChangeLockedOnes() {
        LoadedConfiguration c = fx.load(LOCKED_HANDLER + """
                locations:
                  - path: /a
                    handlers:
                      list: [ clear ]
                """, """
                handlers:
                  list:
                    - remove: StaticFile
                    - remove: NotThere
                """);
        assertEquals(List.of("Reports", "TRACEVerbHandler", "OPTIONSVerbHandler", "ServletIntegrated", "ServletClassic"),
                c.effective().handlerNames());
        assertEquals(List.of(), c.effective().location("/a").handlerNames());
    }

    @Test
    void settingADeniedSectionIsAnErrorAtTheApplicationsSectionKey() {
        String server = """
                directoryBrowse:
                  overrideMode: Deny
                  enabled: false
                handlers: { overrideMode: deny, list: [] }
                defaultDocument: { overrideMode: Allow }
                """;
        assertEquals(List.of("app:1:1 SL-CFG-027 section 'directoryBrowse' cannot be set here: it is locked at server:2 "
                        + "(overrideMode: Deny)",
                "app:5:5 SL-CFG-027 section 'handlers' cannot be set here: it is locked at server:4 (overrideMode: Deny)"),
                fx.loadProblems(server, """
                        directoryBrowse: { enabled: false }
                        defaultDocument: { enabled: false }
                        locations:
                          - path: /a
                            handlers: { list: [] }
                        """));
    }

    @Test
    void theServerFileMaySetItsOwnDeniedSectionInItsLocations() {
        LoadedConfiguration c = fx.load("""
                directoryBrowse: { overrideMode: Deny, enabled: false }
                locations:
                  - path: /pub
                    directoryBrowse: { enabled: true }
                """, "defaultDocument: { enabled: false }\n");
        assertEquals(true, c.effective().location("/pub").directoryBrowseEnabled());
    }

    @Test
    void locksCanOnlyBeWrittenOnTheServerFilesTopLevel() {
        assertEquals(List.of("app:1:20 SL-CFG-028 overrideMode can only be set on a top-level section of the server-level "
                        + "file",
                "app:5:7 SL-CFG-028 lockItem can only be set on an entry of a top-level section of the server-level file"),
                fx.loadProblems(null, """
                        directoryBrowse: { overrideMode: Deny }
                        defaultDocument:
                          files:
                            - add: a.html
                              lockItem: true
                        """));
        assertEquals(List.of("server:4:7 SL-CFG-028 overrideMode can only be set on a top-level section of the "
                + "server-level file"), fx.loadProblems("""
                locations:
                  - path: /a
                    directoryBrowse:
                      overrideMode: Deny
                """, null));
    }

    @Test
    void overrideModeIsAllowOrDenyAndLockItemABoolean() {
        assertEquals(List.of("server:1:34 SL-CFG-007 overrideMode 'Inherit' is not Allow or Deny",
                "server:5:17 SL-CFG-005 'lockItem' must be true or false, found a value"), fx.loadProblems("""
                directoryBrowse: { overrideMode: Inherit }
                defaultDocument:
                  files:
                    - add: a.html
                      lockItem: sure
                """, null));
    }

    @Test
    void legacyEntriesCannotBeLocked() {
        assertEquals(List.of("server:5:7 SL-CFG-004 unknown key 'lockItem' in an add entry of legacy.httpModules"),
                fx.loadProblems("""
                        legacy:
                          httpModules:
                            - add: Audit
                              type: io.stageline.config.ConfigFixtures$TimingModule
                              lockItem: true
                        """, null));
    }
}
