package io.stageline.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For a request path, the ascending array of mapping indices that can possibly match it, chosen from the path's last
 * segment: its exact text, else its extension, else whether it is extensionless. Every array is the union of the
 * mappings constrained to that key and of the mappings no key constrains (ANY, most globs, {@code allowPathInfo}),
 * kept in table order, so a scan of the array finds the same first match as a scan of the whole table.
 */
final class CandidateIndex {
    private final SegmentIndex exact;
    private final SegmentIndex extension;
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
        for (int i = 0; i < limit; i++) {
            int type = pathInfo[i] ? PathMask.INDEX_NONE : masks[i].indexType();
            if (type == PathMask.INDEX_EXACT) {
                byExact.computeIfAbsent(masks[i].indexKey(), k -> new ArrayList<>()).add(i);
            } else if (type == PathMask.INDEX_EXTENSION) {
                byExtension.computeIfAbsent(masks[i].indexKey(), k -> new ArrayList<>()).add(i);
            } else if (type == PathMask.INDEX_EXTENSIONLESS) {
                extless.add(i);
            } else {
                unindexed.add(i);
            }
        }
        Map<String, int[]> exactArrays = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : byExact.entrySet()) {
            String key = e.getKey();
            List<Integer> all = new ArrayList<>(e.getValue());
            all.addAll(unindexed);
            int dot = key.lastIndexOf('.');
            if (dot >= 0 && dot < key.length() - 1) {
                all.addAll(byExtension.getOrDefault(key.substring(dot + 1), List.of()));
            } else if (!key.isEmpty()) {
                all.addAll(extless);
            }
            exactArrays.put(key, sorted(all));
        }
        Map<String, int[]> extensionArrays = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : byExtension.entrySet()) {
            List<Integer> all = new ArrayList<>(e.getValue());
            all.addAll(unindexed);
            extensionArrays.put(e.getKey(), sorted(all));
        }
        List<Integer> withExtless = new ArrayList<>(unindexed);
        withExtless.addAll(extless);
        this.exact = new SegmentIndex(exactArrays);
        this.extension = new SegmentIndex(extensionArrays);
        this.plain = sorted(unindexed);
        this.extensionless = sorted(withExtless);
    }

    private static int[] sorted(List<Integer> indices) {
        int[] out = new int[indices.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indices.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** The candidates for {@code path}; allocation-free. */
    int[] candidates(String path) {
        int end = path.length();
        int segment = path.lastIndexOf('/') + 1;
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
}
