package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerbSetTest {

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET                  | GET     | true
            GET                  | get     | false
            GET                  | Get     | false
            GET                  | HEAD    | false
            get                  | GET     | false
            GET,HEAD,POST,DEBUG  | DEBUG   | true
            GET,HEAD,POST,DEBUG  | PUT     | false
            ' GET , HEAD '       | HEAD    | true
            ' GET , HEAD '       | GET     | true
            'GET, HEAD'          | ' HEAD' | false
            *                    | GET     | true
            *                    | get     | true
            *                    | M-SEARCH| true
            GET,*                | PATCH   | true
            M-SEARCH             | M-SEARCH| true
            """)
    void verbsAreComparedExactlyAndCaseSensitively(String list, String method, boolean expected) {
        assertEquals(expected, VerbSet.parse(list).matches(method));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''           | empty entry
            '   '        | empty entry
            'GET,'       | empty entry
            ',GET'       | empty entry
            'GET,,POST'  | empty entry
            'GE T'       | not allowed in an HTTP method at index 2
            'GET;POST'   | not allowed in an HTTP method at index 3
            'GÉT'        | not allowed in an HTTP method at index 1
            'G*'         | use '*' alone
            """)
    void invalidVerbListsAreRejectedWithTheReason(String list, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VerbSet.parse(list));
        assertTrue(e.getMessage().contains("invalid verb list '" + list + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET            | GET
            GET            | get
            GET            | POST
            'GET, HEAD'    | HEAD
            get            | get
            get            | GET
            'GET,M-SEARCH' | M-SEARCH
            'GET,M-SEARCH' | PROPFIND
            PROPFIND       | GET
            *              | PROPFIND
            *              | DEBUG
            """)
    void methodBitPrecheckAgreesWithMatches(String list, String method) {
        VerbSet set = VerbSet.parse(list);
        boolean mayMatch = (set.bits() & VerbSet.methodBit(method)) != 0;
        if (set.matches(method)) {
            assertTrue(mayMatch, "the pre-check must never reject a match");
        }
        if (VerbSet.methodBit(method) != VerbSet.OTHER_METHOD) {
            assertEquals(set.matches(method), mayMatch, "for a well-known method the pre-check is exact");
        }
    }

    @Test
    void listKeepsFirstSeenOrderWithoutDuplicates() {
        VerbSet set = VerbSet.parse("POST, GET,POST");
        assertEquals(List.of("POST", "GET"), set.verbs());
        assertEquals("POST,GET", set.toString());
        assertFalse(set.isAny());
    }

    @Test
    void starIsTheSharedAnySet() {
        assertSame(VerbSet.ANY, VerbSet.parse(" * "));
        assertTrue(VerbSet.ANY.isAny());
        assertEquals(List.of(), VerbSet.ANY.verbs());
        assertEquals("*", VerbSet.ANY.toString());
    }

    @Test
    void aNullMethodMatchesOnlyTheAnySet() {
        assertFalse(VerbSet.parse("GET").matches(null));
        assertTrue(VerbSet.ANY.matches(null));
    }
}
