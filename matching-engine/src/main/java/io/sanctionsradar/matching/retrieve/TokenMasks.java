package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.normalize.NameTokens;

/**
 * Sets of query tokens as bit masks (bit i: query token i, of the first {@link NameTokens#MAX_TOKENS}) and the
 * weights they sum to: the retrieval passes combine which tokens a name may still match with one OR per posting.
 */
final class TokenMasks {

    private TokenMasks() {
    }

    /** Query tokens of a single letter (initials, which may abbreviate any word). */
    static long initialTokens(QueryPlan plan) {
        long m = 0;
        for (int i = 0; i < Math.min(plan.size(), NameTokens.MAX_TOKENS); i++) {
            if (plan.tokens.tokens()[i].length() == 1) {
                m |= 1L << i;
            }
        }
        return m;
    }

    /** Query tokens that are legal forms. */
    static long legalFormTokens(QueryPlan plan) {
        long m = 0;
        for (int i = 0; i < Math.min(plan.size(), NameTokens.MAX_TOKENS); i++) {
            if (plan.tokens.classes()[i] == NameTokens.LEGAL_FORM) {
                m |= 1L << i;
            }
        }
        return m;
    }

    /** A: total weight of these query tokens. */
    static double weightOf(QueryPlan plan, long tokens) {
        double a = 0;
        for (long m = tokens; m != 0; m &= m - 1) {
            a += plan.weights[Long.numberOfTrailingZeros(m)];
        }
        return a;
    }

    /** W: the heaviest entry weight these query tokens could explain (see QueryPlan.tokenEntryWeight). */
    static double entryWeightOf(QueryPlan plan, long tokens) {
        double w = 0;
        for (long m = tokens; m != 0; m &= m - 1) {
            w += plan.tokenEntryWeight[Long.numberOfTrailingZeros(m)];
        }
        return w;
    }
}
