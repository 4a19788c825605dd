package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.score.NameScorer;

import java.util.Arrays;

/**
 * Total token weight per name id for one revision of the token statistics, filled lazily by the
 * readers that need it (racing readers store the same value); any change to the list starts a new table.
 */
final class NameWeights {
    private final CandidateIndex index;
    final long revision;
    final double[] byDf;
    final float[] totals;

    NameWeights(CandidateIndex index, long revision, double[] byDf, int capacity) {
        this.index = index;
        this.revision = revision;
        this.byDf = byDf;
        this.totals = new float[capacity];
        Arrays.fill(totals, -1f);
    }

    double of(int id) {
        float t = totals[id];
        if (t < 0) {
            int[] d = index.boundData(id);
            double e = 0;
            for (int j = 0; j < d.length >> 2; j++) {
                e += NameScorer.entryWeight((byte) d[4 * j + 3], d[4 * j], index.stats, byDf);
            }
            totals[id] = t = Math.nextDown((float) e); // rounded down: a smaller E only loosens the bound
        }
        return t;
    }
}
