package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} on [{1}] in {2} from {3} to {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            abc    | xxABCyy  | 2 | 5 | true
            abc    | xxABCyy  | 2 | 6 | false
            abc    | xxABCyy  | 1 | 5 | false
            a*     | xxABCyy  | 2 | 5 | true
            *c     | xxABCyy  | 2 | 5 | true
            *y     | xxABCyy  | 2 | 5 | false
            ?      | /a/      | 1 | 2 | true
            ?      | /a/      | 2 | 3 | false
            *      | /a/      | 1 | 1 | true
            ''     | /a/      | 1 | 1 | true
            ''     | /a/      | 1 | 2 | false
            a/*    | /a/b/c   | 1 | 4 | true
            a/*    | /a/b/c   | 1 | 6 | false
            *a*b   | /aaaacb  | 1 | 7 | true
            """)
    void globMatchesOnlyInsideTheGivenRange(String mask, String text, int from, int to, boolean expected) {
        assertEquals(expected, Glob.matches(CaseFold.fold(mask), text, from, to));
    }

    @Test
    void manyStarsOnALongSegmentStillDecideCorrectly() {
        // Backtracking to the last star only keeps this quadratic at worst; a naive recursive matcher never returns.
        String text = "/" + "a".repeat(5000);
        String mask = "*a*a*a*a*a*a*a*a*b";
        assertFalse(Glob.matches(mask, text, 1, text.length()));
        assertTrue(Glob.matches(mask, text + "b", 1, text.length() + 1));
        assertFalse(Glob.matches(mask, text + "/b", 1, text.length() + 2));
    }
}
