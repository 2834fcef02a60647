package io.stageline.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A unified diff (as {@code diff -u}, three lines of context) of two texts, computed with Myers' algorithm on lines.
 * A last line without a line break is followed by {@code \ No newline at end of file}. Equal texts give "".
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final String NO_EOL = "\\ No newline at end of file";

    private record Line(String text, boolean eol) {
    }

    /** One line of the edit script: ' ', '-' or '+', with its 0-based place in the old and the new text. */
    private record Op(char kind, Line line, int oldIndex, int newIndex) {
    }

    private UnifiedDiff() {
    }

    static String diff(String oldLabel, String newLabel, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<Op> ops = script(lines(oldText), lines(newText));
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(oldLabel).append('\n').append("+++ ").append(newLabel).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (ops.get(end).kind() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + 1 + CONTEXT);
            hunk(sb, ops.subList(start, end));
            i = end;
        }
        return sb.toString();
    }

    private static void hunk(StringBuilder sb, List<Op> ops) {
        int oldCount = 0;
        int newCount = 0;
        for (Op op : ops) {
            oldCount += op.kind() != '+' ? 1 : 0;
            newCount += op.kind() != '-' ? 1 : 0;
        }
        Op first = ops.get(0);
        sb.append("@@ -").append(range(first.oldIndex(), oldCount)).append(" +").append(range(first.newIndex(), newCount))
                .append(" @@\n");
        for (Op op : ops) {
            sb.append(op.kind()).append(op.line().text()).append('\n');
            if (!op.line().eol()) {
                sb.append(NO_EOL).append('\n');
            }
        }
    }

    private static String range(int index, int count) {
        if (count == 1) {
            return String.valueOf(index + 1);
        }
        return (count == 0 ? index : index + 1) + "," + count;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                out.add(new Line(text.substring(from), false));
                break;
            }
            out.add(new Line(text.substring(from, nl), true));
            from = nl + 1;
        }
        return out;
    }

    /** Myers' greedy shortest edit script, then a walk back through the saved frontiers. */
    private static List<Op> script(List<Line> a, List<Line> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[off + k - 1] < v[off + k + 1] ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, a, b, off);
                }
            }
        }
        throw new AssertionError("no edit script");
    }

    private static List<Op> backtrack(List<int[]> trace, List<Line> a, List<Line> b, int off) {
        List<Op> ops = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && v[off + k - 1] < v[off + k + 1] ? k + 1 : k - 1;
            int prevX = v[off + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                ops.add(new Op(' ', a.get(x), x, y));
            }
            if (d > 0) {
                if (x == prevX) {
                    y--;
                    ops.add(new Op('+', b.get(y), x, y));
                } else {
                    x--;
                    ops.add(new Op('-', a.get(x), x, y));
                }
            }
            x = prevX;
            y = prevY;
        }
        Collections.reverse(ops);
        return ops;
    }
}
