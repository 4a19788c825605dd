package io.sanctionsradar.screening.matching;

import java.util.Arrays;

/**
 * Rarity of tokens across the watchlist: document frequency counted per entry (an entry with ten spellings
 * of "Mohammed" counts once), kept exact under upsert/remove; weight is an IDF computed on read, so it
 * follows the live list size without any rebuild.
 */
final class TokenStatistics {

    /** Weight of legal-form tokens: they help rank "X Ltd" over "X Inc" but never carry a match. */
    static final double LEGAL_FORM_WEIGHT = 0.6;
    /** Weight of honorifics and ranks, same reasoning as legal forms. */
    static final double TITLE_WEIGHT = 0.6;
    /** Floor so that even the most common word still counts a little when it is all a name has. */
    static final double MIN_WEIGHT = 0.5;

    private int[] documentFrequency = new int[1024];
    private int entries;

    void ensureCapacity(int vocabularySize) {
        if (vocabularySize > documentFrequency.length) {
            documentFrequency = Arrays.copyOf(documentFrequency, Math.max(vocabularySize, documentFrequency.length * 2));
        }
    }

    void addEntry(int[] distinctTokens) {
        entries++;
        for (int t : distinctTokens) {
            documentFrequency[t]++;
        }
    }

    void removeEntry(int[] distinctTokens) {
        entries--;
        for (int t : distinctTokens) {
            documentFrequency[t]--;
        }
    }

    void clear() {
        Arrays.fill(documentFrequency, 0);
        entries = 0;
    }

    int documentFrequency(int tokenId) {
        return tokenId < 0 || tokenId >= documentFrequency.length ? 0 : documentFrequency[tokenId];
    }

    int entries() {
        return entries;
    }

    /** IDF weight of a token seen in df entries: ln(1 + N/(df+1)); df=0 (unknown token) gives the maximum. */
    double weight(int df) {
        return Math.max(MIN_WEIGHT, Math.log(1.0 + (double) Math.max(entries, 1) / (df + 1)));
    }

    double weightOf(int tokenId) {
        return weight(documentFrequency(tokenId));
    }

    /** Weight of an unseen token: as rare as possible. */
    double unknownWeight() {
        return weight(0);
    }
}
