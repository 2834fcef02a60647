package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentIndexTest {

    @Test
    void everyKeyIsFoundByACaseVariantRangeOfALongerString() {
        Map<String, int[]> entries = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            entries.put("key" + i + ".jsp", new int[] {i});
        }
        SegmentIndex index = new SegmentIndex(entries);
        for (int i = 0; i < 1000; i++) {
            String path = "/dir/KEY" + i + ".JSP";
            assertArrayEquals(new int[] {i}, index.get(path, 5, path.length()), path);
            assertNull(index.get(path + "x", 5, path.length() + 1), path);
            assertNull(index.get(path, 6, path.length()), path);
        }
    }

    @ParameterizedTest(name = "[{0}] in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''   | true
            a    | false
            """)
    void emptyKeyIsAnOrdinaryKey(String stored, boolean foundForEmptyRange) {
        SegmentIndex index = new SegmentIndex(Map.of(stored, new int[] {7}));
        int[] found = index.get("/dir/", 5, 5);
        if (foundForEmptyRange) {
            assertArrayEquals(new int[] {7}, found);
        } else {
            assertNull(found);
        }
    }

    @Test
    void emptyIndexFindsNothing() {
        assertNull(new SegmentIndex(Map.of()).get("/x", 1, 2));
    }
}
