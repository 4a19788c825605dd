package io.sanctionsradar.screening.matching;

/**
 * A query prepared for scoring: its tokens, "units" (each token, plus each adjacent pair joined, for
 * joined-word matching) with their similar vocabulary strings, and the rarity weight of every token.
 */
final class QueryPlan {

    /**
     * Similarity codes of every query unit against one vocabulary string (index = unit, 0 = no match), or
     * null when no unit matches it: one lookup per entry token instead of one per (unit, token) pair.
     */
    interface SimSource {
        int[] codes(int vocabularyId);
    }

    final Query query;
    final NameTokens tokens;
    final int units;
    final int[] unitStart;
    final int[] unitLength;
    final TokenFeatures[] unitFeatures;
    final SimMap[] unitSims;
    final double[] weights;
    final double totalWeight;
    final boolean hasLegalForm;
    /** vocabulary id -> row + 1 of {@link #codeRows}: per-unit codes, merged from unitSims */
    private final SimMap rowOf;
    private final int[][] codeRows;
    final boolean hasSingleLetter;

    QueryPlan(Query query, NameTokens tokens, CandidateIndex index) {
        this.query = query;
        this.tokens = tokens;
        int n = tokens.size();
        int compounds = 0;
        for (int i = 0; i < n; i++) {
            compounds += (tokens.joinsNext()[i] ? 1 : 0) + (tokens.joinsThree(i) ? 1 : 0);
        }
        units = n + compounds;
        unitStart = new int[units];
        unitLength = new int[units];
        unitFeatures = new TokenFeatures[units];
        unitSims = new SimMap[units];
        int u = n;
        boolean legal = false;
        for (int i = 0; i < n; i++) {
            unitStart[i] = i;
            unitLength[i] = 1;
            unitFeatures[i] = new TokenFeatures(tokens.tokens()[i]);
            boolean exactOnly = tokens.classes()[i] != NameTokens.WORD;
            legal |= tokens.classes()[i] == NameTokens.LEGAL_FORM;
            unitSims[i] = index.similar(unitFeatures[i], tokens.abjad(), exactOnly);
            if (tokens.joinsNext()[i]) {
                unitStart[u] = i;
                unitLength[u] = 2;
                unitFeatures[u] = new TokenFeatures(tokens.compound(i));
                unitSims[u] = index.similarSpelling(unitFeatures[u], tokens.abjad());
                u++;
            }
            if (tokens.joinsThree(i)) {
                unitStart[u] = i;
                unitLength[u] = 3;
                unitFeatures[u] = new TokenFeatures(tokens.triple(i));
                unitSims[u] = index.similarSpelling(unitFeatures[u], tokens.abjad());
                u++;
            }
        }
        hasLegalForm = legal;
        weights = new double[n];
        double total = 0;
        TokenStatistics stats = index.stats;
        for (int i = 0; i < n; i++) {
            weights[i] = weight(i, index, stats);
            total += weights[i];
        }
        totalWeight = total;
        int distinct = 0;
        for (int k = 0; k < units; k++) {
            distinct += unitSims[k].size();
        }
        rowOf = new SimMap(Math.max(8, distinct));
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        boolean single = false;
        for (int k = 0; k < units; k++) {
            final int unit = k;
            unitSims[k].forEach((vid, code) -> {
                int row = rowOf.get(vid);
                if (row == 0) {
                    rows.add(new int[units]);
                    row = rows.size();
                    rowOf.put(vid, row);
                }
                rows.get(row - 1)[unit] = code;
            });
            single |= isSingleLetter(k);
        }
        codeRows = rows.toArray(new int[0][]);
        hasSingleLetter = single;
    }

    /** Per-unit codes for a vocabulary string from the index lookups, null if no unit matched it. */
    int[] indexedCodes(int vocabularyId) {
        int row = rowOf.get(vocabularyId);
        return row == 0 ? null : codeRows[row - 1];
    }

    /**
     * Rarity of query token i: its own document frequency when the list knows it; for an unknown token
     * (usually a typo) the weight of the listed token it most resembles, so a typo neither inflates nor
     * deflates the word's importance; the unknown-token maximum otherwise.
     */
    private double weight(int i, CandidateIndex index, TokenStatistics stats) {
        byte cls = tokens.classes()[i];
        if (cls == NameTokens.LEGAL_FORM) {
            return TokenStatistics.LEGAL_FORM_WEIGHT;
        }
        if (cls == NameTokens.TITLE) {
            return TokenStatistics.TITLE_WEIGHT;
        }
        int id = index.vocabularyId(tokens.tokens()[i]);
        if (id >= 0 && stats.documentFrequency(id) > 0) {
            return stats.weightOf(id);
        }
        int[] best = {0, -1};
        unitSims[i].forEach((vid, code) -> {
            if (stats.documentFrequency(vid) > 0 && index.features(vid).token.length() > 1
                    && (code >>> 4 > best[0] >>> 4 || (code >>> 4 == best[0] >>> 4 && vid < best[1]))) {
                best[0] = code;
                best[1] = vid;
            }
        });
        return best[1] >= 0 ? stats.weightOf(best[1]) : stats.unknownWeight();
    }

    /** Sum of the weights of the query tokens a unit covers. */
    double unitWeight(int unit) {
        double w = 0;
        for (int i = unitStart[unit]; i < unitStart[unit] + unitLength[unit]; i++) {
            w += weights[i];
        }
        return w;
    }

    int size() {
        return tokens.size();
    }

    boolean isSingleLetter(int unit) {
        return unitFeatures[unit].token.length() == 1;
    }
}
