package io.stageline.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For a request path, the ascending arrays of mapping indices that can possibly match it.
 *
 * <p>The primary array is chosen from the path's last segment: its exact text, else its extension, else whether it
 * is extensionless. It is the union of the mappings constrained to that key and of the mappings no key constrains
 * (ANY, most globs, {@code allowPathInfo}). Suffix masks whose last segment is a glob but whose second-to-last segment
 * is literal ({@code api/*}, {@code /Users/*}) are kept apart, keyed by that parent segment; the caller merges the
 * (usually absent) parent array with the primary one. Both are in table order, so the merged scan finds the same
 * first match as a scan of the whole table.
 */
final class CandidateIndex {
    private final SegmentIndex exact;
    private final SegmentIndex extension;
    private final SegmentIndex parent;
    private final boolean hasParents;
    private final int[] plain;
    private final int[] extensionless;

    /**
     * @param masks    the compiled masks, in table order
     * @param pathInfo which mappings match with {@code allowPathInfo} (any segment, so never indexed)
     * @param limit    mappings at or beyond this index are left out: an unconditional catch-all precedes them
     */
    CandidateIndex(PathMask[] masks, boolean[] pathInfo, int limit) {
        List<Integer> unindexed = new ArrayList<>();
        List<Integer> extless = new ArrayList<>();
        Map<String, List<Integer>> byExact = new LinkedHashMap<>();
        Map<String, List<Integer>> byExtension = new LinkedHashMap<>();
        Map<String, List<Integer>> byParent = new LinkedHashMap<>();
        for (int i = 0; i < limit; i++) {
            PathMask mask = masks[i];
            int type = pathInfo[i] ? PathMask.INDEX_NONE : mask.indexType();
            if (type == PathMask.INDEX_EXACT) {
                byExact.computeIfAbsent(mask.indexKey(), k -> new ArrayList<>()).add(i);
            } else if (type == PathMask.INDEX_EXTENSION) {
                byExtension.computeIfAbsent(mask.indexKey(), k -> new ArrayList<>()).add(i);
            } else if (type == PathMask.INDEX_EXTENSIONLESS) {
                extless.add(i);
            } else if (!pathInfo[i] && mask.parentKey() != null) {
                byParent.computeIfAbsent(mask.parentKey(), k -> new ArrayList<>()).add(i);
            } else {
                unindexed.add(i);
            }
        }
        Map<String, int[]> exactArrays = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : byExact.entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            List<Integer> implied;
            if (dot >= 0 && dot < key.length() - 1) {
                implied = byExtension.getOrDefault(key.substring(dot + 1), List.of());
            } else {
                implied = key.isEmpty() ? List.of() : extless;
            }
            exactArrays.put(key, union(e.getValue(), implied, unindexed));
        }
        Map<String, int[]> extensionArrays = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : byExtension.entrySet()) {
            extensionArrays.put(e.getKey(), union(e.getValue(), unindexed, List.of()));
        }
        Map<String, int[]> parentArrays = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : byParent.entrySet()) {
            parentArrays.put(e.getKey(), union(e.getValue(), List.of(), List.of()));
        }
        this.exact = new SegmentIndex(exactArrays);
        this.extension = new SegmentIndex(extensionArrays);
        this.parent = new SegmentIndex(parentArrays);
        this.hasParents = !parentArrays.isEmpty();
        this.plain = union(unindexed, List.of(), List.of());
        this.extensionless = union(extless, unindexed, List.of());
    }

    /** The ascending union of disjoint index lists. */
    private static int[] union(List<Integer> a, List<Integer> b, List<Integer> c) {
        int[] out = new int[a.size() + b.size() + c.size()];
        int n = 0;
        for (List<Integer> list : List.of(a, b, c)) {
            for (int i : list) {
                out[n++] = i;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The primary candidates for {@code path}, whose last '/' is at {@code lastSlash}; allocation-free. */
    int[] candidates(String path, int lastSlash) {
        int end = path.length();
        int segment = lastSlash + 1;
        int[] found = exact.get(path, segment, end);
        if (found != null) {
            return found;
        }
        int dot = path.lastIndexOf('.');
        if (dot < segment) {
            return segment < end ? extensionless : plain;
        }
        if (dot == end - 1) {
            return extensionless;
        }
        found = extension.get(path, dot + 1, end);
        return found != null ? found : plain;
    }

    /** The candidates keyed by the second-to-last segment of {@code path}, or null; allocation-free. */
    int[] parentCandidates(String path, int lastSlash) {
        if (!hasParents || lastSlash <= 0) {
            return null;
        }
        return parent.get(path, path.lastIndexOf('/', lastSlash - 1) + 1, lastSlash);
    }
}
