package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.index.KnownStrings;
import io.sanctionsradar.matching.index.SimMap;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.score.SimCode;

import java.util.Arrays;

/**
 * The vocabulary strings similar to some unit of a query, one row each, numbered 0, 1, … in the order they are
 * found. Layout, for speed (a search reads a row per posting list and per entry token bounded): parallel arrays
 * indexed by row hold the string's vocabulary id ({@code vids}), the similarity codes of every unit against it
 * ({@code codes[row][unit]}, 0 = no match), the best of their similarities ({@code maxSim}), the query tokens of
 * the similar units ({@code tokens}, a bit mask), their query weight times similarity ({@code queryWeight}) and, in
 * a plan for a search, the heaviest entry weight the string can have ({@code entryWeight}, at least a class
 * weight: a string may be a legal form or title somewhere, weighted as such there; null in a plan for a check).
 * {@code rowOf} maps a vocabulary id to row + 1 (0: not similar), a vocabulary-sized array read instead of a hash
 * probe per entry token, lent by the engine and zeroed again by {@link #release}.
 */
final class SimilarRows {

    private final int[] rowOf;
    final int[] vids;
    final int[][] codes;
    final float[] maxSim;
    final long[] tokens;
    final double[] queryWeight;
    double[] entryWeight;

    private SimilarRows(int[] rowOf, Builder b) {
        this.rowOf = rowOf;
        this.vids = Arrays.copyOf(b.vids, b.count);
        this.codes = b.codes;
        this.maxSim = b.maxSim;
        this.tokens = b.tokens;
        this.queryWeight = b.queryWeight;
    }

    /**
     * The rows of the similar strings of these units; with onlyStrings, of those strings only: a unit's similar
     * strings are among the given ones when compared with them, and may be many more when looked up in the whole
     * vocabulary (a word not listed, an initial, a title), so the smaller of the two is walked.
     */
    static SimilarRows of(int[] rowOf, SimMap[] unitSims, long[] unitTokens, double[] unitWeights,
                          KnownStrings onlyStrings) {
        int units = unitSims.length;
        int expected = 0;
        for (int k = 0; k < units; k++) {
            expected += unitSims[k].size();
        }
        Builder b = new Builder(rowOf, onlyStrings == null ? expected : Math.min(expected,
                onlyStrings.ids().length), unitTokens, unitWeights);
        for (int k = 0; k < units; k++) {
            SimMap sims = unitSims[k];
            if (onlyStrings == null) {
                for (int slot = sims.capacity() - 1; slot >= 0; slot--) {
                    int vid = sims.keyAt(slot);
                    if (vid >= 0) {
                        b.add(vid, k, sims.codeAt(slot));
                    }
                }
            } else if (sims.size() <= onlyStrings.ids().length) {
                for (int slot = sims.capacity() - 1; slot >= 0; slot--) {
                    int vid = sims.keyAt(slot);
                    if (vid >= 0 && Arrays.binarySearch(onlyStrings.ids(), vid) >= 0) {
                        b.add(vid, k, sims.codeAt(slot));
                    }
                }
            } else {
                for (int vid : onlyStrings.ids()) {
                    b.add(vid, k, sims.get(vid));
                }
            }
        }
        return new SimilarRows(rowOf, b);
    }

    /** Weighs every row's string for a search (see {@link #entryWeight}). */
    void weighEntries(TokenStatistics stats, double[] weightByDf) {
        entryWeight = new double[vids.length];
        for (int row = 0; row < vids.length; row++) {
            entryWeight[row] = Math.max(stats.weightOf(vids[row], weightByDf), TokenStatistics.CLASS_WEIGHT);
        }
    }

    /** The row of a vocabulary string similar to some unit, −1 if none is. */
    int rowOf(int vocabularyId) {
        return rowOf[vocabularyId] - 1;
    }

    /** Clears the marks from the lookup and answers it, zeroed; call once the query is answered. */
    int[] release() {
        for (int vid : vids) {
            rowOf[vid] = 0;
        }
        return rowOf;
    }

    /** The rows of the similar strings, numbered in the order they are added. */
    private static final class Builder {
        final int[] rows;
        final long[] unitTokens;
        final double[] unitWeights;
        int[] vids;
        int[][] codes;
        float[] maxSim;
        long[] tokens;
        double[] queryWeight;
        int count;

        Builder(int[] rows, int expected, long[] unitTokens, double[] unitWeights) {
            this.rows = rows;
            this.unitTokens = unitTokens;
            this.unitWeights = unitWeights;
            int capacity = Math.max(1, expected);
            vids = new int[capacity];
            codes = new int[capacity][];
            maxSim = new float[capacity];
            tokens = new long[capacity];
            queryWeight = new double[capacity];
        }

        void add(int vid, int unit, int code) {
            if (code == 0) {
                return;
            }
            int row = rows[vid];
            if (row == 0) {
                if (count == vids.length) {
                    vids = Arrays.copyOf(vids, count * 2);
                    codes = Arrays.copyOf(codes, count * 2);
                    maxSim = Arrays.copyOf(maxSim, count * 2);
                    tokens = Arrays.copyOf(tokens, count * 2);
                    queryWeight = Arrays.copyOf(queryWeight, count * 2);
                }
                vids[count] = vid;
                codes[count] = new int[unitTokens.length];
                row = ++count;
                rows[vid] = row;
            }
            double sim = SimCode.sim(code);
            codes[row - 1][unit] = code;
            maxSim[row - 1] = Math.max(maxSim[row - 1], (float) sim);
            tokens[row - 1] |= unitTokens[unit];
            queryWeight[row - 1] += unitWeights[unit] * sim;
        }
    }
}
