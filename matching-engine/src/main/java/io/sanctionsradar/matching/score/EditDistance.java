package io.sanctionsradar.matching.score;

/** Bounded Damerau-Levenshtein (optimal string alignment): a transposed pair of letters is one typo. */
public final class EditDistance {

    /** Per-thread rows: the vocabulary lookup runs this thousands of times per query. */
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[][]{new int[64], new int[64], new int[64]});

    private EditDistance() {
    }

    /** Distance between a and b, or any value greater than max once it is known to exceed max. */
    public static int damerauLevenshtein(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        if (max == 1) {
            return withinOne(a, b) ? (a.equals(b) ? 0 : 1) : 2;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length <= m + 1) {
            rows = new int[][]{new int[m + 16], new int[m + 16], new int[m + 16]};
            ROWS.set(rows);
        }
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        int cap = max + 1; // cells are kept capped at max + 1: min/+cost commute with the cap, so capped values stay exact
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, cap);
        }
        for (int i = 1; i <= n; i++) {
            // only the diagonal band |i - j| <= max can hold a value <= max
            int lo = Math.max(1, i - max);
            int hi = Math.min(m, i + max);
            cur[lo - 1] = lo == 1 ? Math.min(i, cap) : cap;
            if (hi < m) {
                cur[hi + 1] = cap;
            }
            int rowMin = cur[lo - 1];
            char ca = a.charAt(i - 1);
            char pa = i > 1 ? a.charAt(i - 2) : 0;
            for (int j = lo; j <= hi; j++) {
                char cb = b.charAt(j - 1);
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && pa == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                v = Math.min(v, cap);
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return cap;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * Optimal-string-alignment distance at most 1, in one pass: after the common prefix, the rests must be
     * equal after skipping one letter on either side, one substitution, or one adjacent swap.
     */
    static boolean withinOne(String a, String b) {
        int n = a.length();
        int m = b.length();
        int p = 0;
        int lim = Math.min(n, m);
        while (p < lim && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (p == n && p == m) {
            return true;
        }
        if (n == m) {
            if (a.regionMatches(p + 1, b, p + 1, n - p - 1)) {
                return true; // substitution
            }
            return p + 1 < n && a.charAt(p) == b.charAt(p + 1) && a.charAt(p + 1) == b.charAt(p)
                    && a.regionMatches(p + 2, b, p + 2, n - p - 2);
        }
        if (n == m + 1) {
            return a.regionMatches(p + 1, b, p, m - p);
        }
        if (m == n + 1) {
            return b.regionMatches(p + 1, a, p, n - p);
        }
        return false;
    }
}
