package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.api.RequireAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    @ParameterizedTest(name = "[{0}] {1} local={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            None                         | NONE    | false | true
            None                         | READ    | true  | false
            None                         | SCRIPT  | true  | false
            Read                         | READ    | false | true
            Read                         | WRITE   | true  | false
            Read                         | SCRIPT  | true  | false
            Write                        | WRITE   | false | true
            Write                        | READ    | true  | false
            Script                       | SCRIPT  | false | true
            Script                       | EXECUTE | true  | false
            Execute                      | SCRIPT  | false | true
            Execute                      | EXECUTE | false | true
            Execute                      | READ    | true  | false
            Source                       | READ    | true  | false
            Source                       | WRITE   | true  | false
            'Read, NoRemoteRead'         | READ    | true  | true
            'Read, NoRemoteRead'         | READ    | false | false
            'Write, NoRemoteWrite'       | WRITE   | true  | true
            'Write, NoRemoteWrite'       | WRITE   | false | false
            'Script, NoRemoteScript'     | SCRIPT  | true  | true
            'Script, NoRemoteScript'     | SCRIPT  | false | false
            'Execute, NoRemoteExecute'   | EXECUTE | false | false
            'Execute, NoRemoteExecute'   | SCRIPT  | false | false
            'Execute, NoRemoteExecute'   | SCRIPT  | true  | true
            'Script, Execute, NoRemoteScript'  | SCRIPT | false | true
            'Script, Execute, NoRemoteExecute' | SCRIPT | false | true
            'Script, Execute, NoRemoteExecute' | EXECUTE | false | false
            'NoRemoteRead, NoRemoteWrite, NoRemoteExecute, NoRemoteScript' | NONE | false | true
            'Read, NoRemoteWrite'        | READ    | false | true
            """)
    void grantsFollowsTheRightsAndTheNoRemoteFlags(String flags, RequireAccess need, boolean local, boolean expected) {
        assertEquals(expected, AccessPolicy.parse(flags).grants(need, local));
    }

    @Test
    void defaultIsReadAndScript() {
        AccessPolicy p = AccessPolicy.DEFAULT;
        assertEquals(AccessPolicy.parse("Read, Script"), p);
        assertTrue(p.grants(RequireAccess.READ, false));
        assertTrue(p.grants(RequireAccess.SCRIPT, false));
        assertFalse(p.grants(RequireAccess.EXECUTE, true));
        assertFalse(p.grants(RequireAccess.WRITE, true));
        assertEquals(1 | 512, p.bits());
        assertEquals("Read, Script", p.toString());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'read, SCRIPT'              | Read, Script
            ' Script ,Read '            | Read, Script
            'None'                      | None
            'none, Read'                | Read
            'NOREMOTEREAD,noremotescript,Read' | Read, NoRemoteRead, NoRemoteScript
            'Source,Write,Execute'      | Write, Execute, Source
            """)
    void namesAreCaseInsensitiveAndPrintInIisOrder(String flags, String printed) {
        assertEquals(printed, AccessPolicy.parse(flags).toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''             | it is empty; write None for no rights
            '  '           | it is empty; write None for no rights
            'Read,'        | empty entry
            'Read,,Script' | empty entry
            'Read Script'  | unknown flag 'Read Script'; expected one of None, Read, Write, Execute, Source, Script,
            'Scripts'      | unknown flag 'Scripts'
            'AccessRead'   | unknown flag 'AccessRead'
            """)
    void invalidPoliciesAreRejectedWithTheReason(String flags, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessPolicy.parse(flags));
        assertTrue(e.getMessage().startsWith("invalid accessPolicy '" + flags + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'Read, Script'                    | false
            'Read, NoRemoteRead'              | true
            'NoRemoteRead'                    | false
            'Script, Execute, NoRemoteScript' | false
            'Script, NoRemoteScript'          | true
            'Execute, NoRemoteExecute'        | true
            'Write, NoRemoteWrite'            | true
            'Read, Write, NoRemoteWrite'      | true
            'None'                            | false
            """)
    void dependsOnLocalityOnlyWhenSomeOutcomeDiffers(String flags, boolean expected) {
        assertEquals(expected, AccessPolicy.parse(flags).dependsOnLocality());
    }

    @Test
    void flagsCarryTheIisBits() {
        AccessPolicy all = AccessPolicy.of(AccessPolicy.Flag.values());
        assertEquals(1 | 2 | 4 | 16 | 512 | 1024 | 4096 | 8192 | 16384, all.bits());
        assertTrue(AccessPolicy.NONE.has(AccessPolicy.Flag.NONE));
        assertFalse(all.has(AccessPolicy.Flag.NONE));
        assertTrue(all.has(AccessPolicy.Flag.SOURCE));
        assertFalse(AccessPolicy.DEFAULT.has(AccessPolicy.Flag.EXECUTE));
        assertNotEquals(AccessPolicy.DEFAULT, AccessPolicy.NONE);
        AccessPolicy same = AccessPolicy.of(AccessPolicy.Flag.SCRIPT, AccessPolicy.Flag.READ);
        assertEquals(AccessPolicy.DEFAULT, same);
        assertEquals(AccessPolicy.DEFAULT.hashCode(), same.hashCode());
    }
}
