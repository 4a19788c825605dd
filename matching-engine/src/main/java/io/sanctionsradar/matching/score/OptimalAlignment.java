package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;

import static io.sanctionsradar.matching.score.AlignedPairs.code;
import static io.sanctionsradar.matching.score.AlignedPairs.eLength;
import static io.sanctionsradar.matching.score.AlignedPairs.eStart;
import static io.sanctionsradar.matching.score.AlignedPairs.mask;
import static io.sanctionsradar.matching.score.AlignedPairs.qLength;
import static io.sanctionsradar.matching.score.AlignedPairs.qStart;

/** The alignment a reverse search takes instead of the greedy one: the best one-to-one set of pairs. */
final class OptimalAlignment {

    private OptimalAlignment() {
    }

    /**
     * Replaces the greedy alignment in {@link NameScorer.Work#accepted} by the one-to-one alignment of greatest score, and answers
     * its pair count. The score is a sum over the aligned pairs (each adds its similarity times its tokens' weights
     * over their side's total, times that side's share), so the best set of pairs sharing no token is searched depth
     * first, query token by query token, each token's pairs best first, and cut where the rest cannot beat the best
     * found. Greedy alignment takes the most similar pair first and breaks ties by weight and position, which differ
     * with the direction of the comparison; no one-to-one alignment in either direction scores above this one.
     */
    static int optimal(QueryPlan plan, long[] pairs, int count, int n, double perQueryWeight,
                               double[] eWeights, double perEntryWeight, NameScorer.Work w, int greedyCount) {
        double[] value = w.value;
        double greedy = 0;
        for (int p = 0; p < count; p++) {
            long pair = pairs[p];
            double q = 0;
            for (int i = qStart(pair); i < qStart(pair) + qLength(pair); i++) {
                q += plan.weights[i];
            }
            double e = 0;
            for (int j = eStart(pair); j < eStart(pair) + eLength(pair); j++) {
                e += eWeights[j];
            }
            value[p] = SimCode.sim(code(pair)) * (q * perQueryWeight + e * perEntryWeight);
        }
        for (int k = 0; k < greedyCount; k++) {
            greedy += value[Arrays.binarySearch(pairs, 0, count, w.accepted[k])];
        }
        // pairs by query start, each start's best first; rest[i]: the most that tokens from i on can add
        int[] order = w.order;
        int[] startOf = w.startOf;
        double[] rest = w.rest;
        Arrays.fill(startOf, 0, n + 2, 0);
        for (int p = 0; p < count; p++) {
            startOf[qStart(pairs[p]) + 1]++;
        }
        for (int i = 0; i <= n; i++) {
            startOf[i + 1] += startOf[i];
        }
        int[] fill = w.fill;
        System.arraycopy(startOf, 0, fill, 0, n + 1);
        for (int p = count - 1; p >= 0; p--) { // ascending similarity order read backwards: best first within a start
            int i = qStart(pairs[p]);
            int at = fill[i]++;
            while (at > startOf[i] && value[order[at - 1]] < value[p]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = p;
        }
        rest[n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            rest[i] = rest[i + 1] + (startOf[i + 1] > startOf[i] ? value[order[startOf[i]]] : 0);
        }
        w.bestValue = greedy + Tuning.OPTIMAL_TIE; // an equal alignment keeps the greedy one, as a forward screening has it
        w.bestCount = -1;
        w.steps = 0;
        search(w, pairs, n, 0, 0L, 0, 0);
        if (w.bestCount < 0) {
            return greedyCount;
        }
        for (int k = 0; k < w.bestCount; k++) {
            w.accepted[k] = pairs[w.best[k]];
        }
        return w.bestCount;
    }

    private static void search(NameScorer.Work w, long[] pairs, int n, int i, long eUsed, double sum, int depth) {
        if (sum > w.bestValue) {
            w.bestValue = sum;
            w.bestCount = depth;
            System.arraycopy(w.path, 0, w.best, 0, depth);
        }
        if (i >= n || sum + w.rest[i] <= w.bestValue || ++w.steps > Tuning.MAX_OPTIMAL_STEPS) {
            return;
        }
        for (int k = w.startOf[i]; k < w.startOf[i + 1]; k++) {
            int p = w.order[k];
            long eMask = mask(eStart(pairs[p]), eLength(pairs[p]));
            if ((eUsed & eMask) == 0) {
                w.path[depth] = p;
                search(w, pairs, n, i + qLength(pairs[p]), eUsed | eMask, sum + w.value[p], depth + 1);
            }
        }
        search(w, pairs, n, i + 1, eUsed, sum, depth);
    }
}
