package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;

/**
 * Rarity of tokens across the watchlist: document frequency counted per entry (an entry with ten spellings
 * of "Mohammed" counts once), kept exact under upsert/remove; weight is an IDF computed on read, so it
 * follows the live list size without any rebuild.
 */
public final class TokenStatistics {

    /** The larger of the two class weights: what a token may weigh where it is a legal form or title. */
    public static final double CLASS_WEIGHT = Math.max(Tuning.LEGAL_FORM_WEIGHT, Tuning.TITLE_WEIGHT);

    private int[] documentFrequency = new int[1024];
    private int entries;
    /** Bumped by every change, so weights derived from these statistics know when they are stale. */
    private long revision;

    /** IDF by document frequency for one list size: the scorer reads thousands of weights per query. */
    private record WeightTable(int entries, double[] byDf) {
    }

    /**
     * Rebuilt on the first read after the list size changed; readers may race to rebuild, harmlessly (each
     * publishes an identical table through the volatile field).
     */
    private volatile WeightTable table = new WeightTable(-1, new double[0]);

    void ensureCapacity(int vocabularySize) {
        if (vocabularySize > documentFrequency.length) {
            documentFrequency = Arrays.copyOf(documentFrequency, Math.max(vocabularySize, documentFrequency.length * 2));
        }
    }

    void addEntry(int[] distinctTokens) {
        revision++;
        entries++;
        for (int t : distinctTokens) {
            documentFrequency[t]++;
        }
    }

    void removeEntry(int[] distinctTokens) {
        revision++;
        entries--;
        for (int t : distinctTokens) {
            documentFrequency[t]--;
        }
    }

    void clear() {
        revision++;
        Arrays.fill(documentFrequency, 0);
        entries = 0;
    }

    public int documentFrequency(int tokenId) {
        return tokenId < 0 || tokenId >= documentFrequency.length ? 0 : documentFrequency[tokenId];
    }

    public long revision() {
        return revision;
    }

    /** IDF weight of a token seen in df entries: ln(1 + N/(df+1)); df=0 (unknown token) gives the maximum. */
    double weight(int df) {
        return Math.max(Tuning.MIN_WEIGHT, Math.log(1.0 + (double) Math.max(entries, 1) / (df + 1)));
    }

    public double weightOf(int tokenId) {
        return weightOf(tokenId, weightsByFrequency());
    }

    /** Weight of a token with a table from {@link #weightsByFrequency()} (one volatile read per query). */
    public double weightOf(int tokenId, double[] byDf) {
        int df = documentFrequency(tokenId);
        return df < byDf.length ? byDf[df] : weight(df);
    }

    /** Weights indexed by document frequency, for the current list size. */
    public double[] weightsByFrequency() {
        WeightTable t = table;
        if (t.entries != entries) {
            double[] byDf = new double[Tuning.WEIGHT_TABLE_SIZE];
            for (int i = 0; i < Tuning.WEIGHT_TABLE_SIZE; i++) {
                byDf[i] = weight(i);
            }
            table = t = new WeightTable(entries, byDf);
        }
        return t.byDf;
    }

    /** Weight of an unseen token: as rare as possible. */
    public double unknownWeight() {
        return weight(0);
    }
}
