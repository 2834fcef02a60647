package io.stageline.match;

import java.util.Map;

/**
 * Open-addressing map from a case-folded key to a candidate array, looked up by a character range of the request
 * path so that no substring or lower-cased copy is made. Built once, read-only afterwards; linear probing, load
 * factor at most one half.
 */
final class SegmentIndex {
    private final String[] keys;
    private final int[][] values;
    private final int mask;

    /** {@code entries} keys must already be folded with {@link CaseFold#fold(String)}. */
    SegmentIndex(Map<String, int[]> entries) {
        int capacity = 2;
        while (capacity < entries.size() * 2) {
            capacity <<= 1;
        }
        keys = new String[capacity];
        values = new int[capacity][];
        mask = capacity - 1;
        for (Map.Entry<String, int[]> e : entries.entrySet()) {
            String key = e.getKey();
            int slot = CaseFold.hash(key, 0, key.length()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = e.getValue();
        }
    }

    /** The array stored for the key that folds equal to {@code s[from, to)}, or null. */
    int[] get(String s, int from, int to) {
        int len = to - from;
        int slot = CaseFold.hash(s, from, to) & mask;
        while (true) {
            String key = keys[slot];
            if (key == null) {
                return null;
            }
            if (key.length() == len && CaseFold.regionEquals(key, s, from)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }
}
