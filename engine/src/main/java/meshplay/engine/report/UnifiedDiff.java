package meshplay.engine.report;

import java.util.ArrayList;
import java.util.List;

/** Renders a before/after text pair as a unified diff (3 lines of context), like diff -u. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Above this many cells the line-by-line table is skipped and the middle shown as replaced. */
    private static final long MAX_CELLS = 4_000_000L;

    private UnifiedDiff() {
    }

    private record Op(char kind, String line) {
    }

    public static String render(String beforeHeader, String afterHeader, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = diff(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(beforeHeader).append('\n').append("+++ ").append(afterHeader).append('\n');
        int i = 0;
        while (i < ops.size()) {
            while (i < ops.size() && ops.get(i).kind == ' ') i++;
            if (i >= ops.size()) break;
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is within 2*CONTEXT lines
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                    continue;
                }
                int k = j;
                while (k < ops.size() && ops.get(k).kind == ' ') k++;
                if (k < ops.size() && k - j <= 2 * CONTEXT) {
                    j = k;
                } else {
                    break;
                }
            }
            int stop = Math.min(ops.size(), end + 1 + CONTEXT);
            int aLine = 1, bLine = 1;
            for (int k = 0; k < start; k++) {
                if (ops.get(k).kind != '+') aLine++;
                if (ops.get(k).kind != '-') bLine++;
            }
            int aCount = 0, bCount = 0;
            for (int k = start; k < stop; k++) {
                if (ops.get(k).kind != '+') aCount++;
                if (ops.get(k).kind != '-') bCount++;
            }
            out.append("@@ -").append(aCount == 0 ? aLine - 1 : aLine).append(',').append(aCount)
                    .append(" +").append(bCount == 0 ? bLine - 1 : bLine).append(',').append(bCount).append(" @@\n");
            for (int k = start; k < stop; k++) out.append(ops.get(k).kind).append(ops.get(k).line).append('\n');
            i = stop;
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) out.remove(out.size() - 1);
        return out;
    }

    private static List<Op> diff(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) suffix++;
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) ops.add(new Op(' ', a.get(k)));
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            for (String s : midA) ops.add(new Op('-', s));
            for (String s : midB) ops.add(new Op('+', s));
        } else {
            ops.addAll(lcs(midA, midB));
        }
        for (int k = a.size() - suffix; k < a.size(); k++) ops.add(new Op(' ', a.get(k)));
        return ops;
    }

    private static List<Op> lcs(List<String> a, List<String> b) {
        int n = a.size(), m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i)));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                ops.add(new Op('-', a.get(i++)));
            } else {
                ops.add(new Op('+', b.get(j++)));
            }
        }
        while (i < n) ops.add(new Op('-', a.get(i++)));
        while (j < m) ops.add(new Op('+', b.get(j++)));
        return ops;
    }
}
