package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveAnEmptyDiff() {
        assertEquals("", UnifiedDiff.diff("a", "b", "x\ny\n", "x\ny\n"));
    }

    @Test
    void changesFarApartGetTheirOwnHunksWithThreeLinesOfContext() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String now = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n";

        assertEquals("""
                --- f
                +++ f
                @@ -1,5 +1,5 @@
                 1
                -2
                +TWO
                 3
                 4
                 5
                @@ -10,3 +10,4 @@
                 10
                 11
                 12
                +13
                """, UnifiedDiff.diff("f", "f", old, now));
    }

    @Test
    void insertionsIntoAnEmptyFileAndAMissingFinalLineBreakAreShownAsDiffDoes() {
        assertEquals("--- f\n+++ f\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.diff("f", "f", "", "a\nb\n"));
        assertEquals("--- f\n+++ f\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n",
                UnifiedDiff.diff("f", "f", "a", "a\nb\n"));
    }
}
