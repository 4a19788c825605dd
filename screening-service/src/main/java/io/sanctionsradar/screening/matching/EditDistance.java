package io.sanctionsradar.screening.matching;

/** Bounded Damerau-Levenshtein (optimal string alignment): a transposed pair of letters is one typo. */
final class EditDistance {

    /** Per-thread rows: the vocabulary lookup runs this thousands of times per query. */
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[][]{new int[64], new int[64], new int[64]});

    private EditDistance() {
    }

    /** Distance between a and b, or any value greater than max once it is known to exceed max. */
    static int damerauLevenshtein(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length <= m) {
            rows = new int[][]{new int[m + 16], new int[m + 16], new int[m + 16]};
            ROWS.set(rows);
        }
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
