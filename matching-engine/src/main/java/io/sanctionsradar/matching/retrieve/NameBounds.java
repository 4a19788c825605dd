package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.TokenSimilarity;
import io.sanctionsradar.matching.tuning.Tuning;

/**
 * Upper bounds of a name's score against a query, each looser and cheaper than the next: {@link #nameBound} from
 * the weights the query tokens in reach could explain, {@link #creditBound} from the credits the postings read gave
 * the name, {@link #upperBound} from the name's own tokens. A name is aligned only if all reach the threshold.
 */
final class NameBounds {

    private final CandidateIndex index;

    NameBounds(CandidateIndex index) {
        this.index = index;
    }

    /**
     * An upper bound of the name score of this name against the query, from precomputed lookups only:
     * the query side counts every token some unit may cover (queryReach: similarity 1, an initial that can only
     * abbreviate a word of the name {@link TokenSimilarity#INITIAL_SIM}), the entry side counts each token at the
     * best similarity any query unit has with it (or with a joined form it is part of), a word a query initial may
     * abbreviate at INITIAL_SIM and legal forms at their most generous; the share is the one of the two totals
     * (the entry's from {@link NameWeights}, rounded down).
     */
    double upperBound(QueryPlan plan, int[] d, double queryReach, double eTotal, float[] entrySim) {
        int m = d.length >> 2;
        for (int j = 0; j < m; j++) {
            entrySim[j] = plan.maxIndexedSim(d[4 * j]);
        }
        for (int j = 0; j < m; j++) {
            int pair = d[4 * j + 1];
            if (pair >= 0) {
                float c = plan.maxIndexedSim(pair);
                entrySim[j] = Math.max(entrySim[j], c);
                entrySim[j + 1] = Math.max(entrySim[j + 1], c);
            }
            int triple = d[4 * j + 2];
            if (triple >= 0) {
                float c = plan.maxIndexedSim(triple);
                for (int k = j; k < j + 3; k++) {
                    entrySim[k] = Math.max(entrySim[k], c);
                }
            }
        }
        double eWeighted = 0;
        for (int j = 0; j < m; j++) {
            float sim = entrySim[j];
            int meta = d[4 * j + 3];
            byte cls = (byte) meta;
            int tid = d[4 * j];
            if (plan.hasLegalForm && cls == NameTokens.LEGAL_FORM) {
                sim = Math.max(sim, Tuning.LEGAL_FORM_MISMATCH_SIM);
            }
            if (plan.hasSingleLetter && plan.hasInitial((char) (meta >>> 8))) {
                // the letter itself is among the initial's indexed similar strings; a longer word it abbreviates
                sim = Math.max(sim, Tuning.INITIAL_SIM);
            }
            if (sim > 0) { // most tokens of a name turned away here match nothing: skip their weight lookup
                eWeighted += NameScorer.entryWeight(cls, tid, index.stats, plan.weightByDf) * sim;
            }
        }
        double qTotal = plan.totalWeight;
        double share = plan.share(qTotal, eTotal);
        double qCov = qTotal > 0 ? Math.min(1.0, queryReach / qTotal) : 0;
        double eCov = eTotal > 0 ? eWeighted / eTotal : 0;
        return share * qCov + (1 - share) * eCov;
    }

    /**
     * Best name score of a name of total token weight E (not reached through a split spelling) whose
     * alignment can only use query tokens of weight A, which could explain entry weight W at most:
     * share·min(1, A/Q) + (1 − share)·min(1, W/E), share = clamp(Q/(Q+E)). It turns away the names that carry
     * much more weight than the query can explain without reading their tokens; most touched names end here.
     */
    static double nameBound(QueryPlan plan, double a, double w, double entryTotal) {
        double q = plan.totalWeight;
        if (q <= 0 || w <= 0 || entryTotal <= 0) {
            return 0;
        }
        double share = plan.share(q, entryTotal);
        return share * Math.min(1.0, a / q) + (1 - share) * Math.min(1.0, w / entryTotal);
    }

    /**
     * The bound of {@link #upperBound} without the name's tokens: its entry side, the best similarity of each
     * entry token times its weight, is at most the name's credit, the sum over the similar strings whose postings
     * held the name of their weight (at least a class weight) times their best similarity. That holds when the
     * postings of every unit were read for the names touched (credits of the unread units included), the query
     * has no initial, the name repeats no token (postings hold it once), and no joined form of it is similar to a
     * joined query unit (see {@link CandidateSearch#uncreditJoinedForms}); a query legal form adds {@link #legalFormCredit}.
     */
    static double creditBound(QueryPlan plan, double queryReach, double credit, double eTotal) {
        double qTotal = plan.totalWeight;
        double share = plan.share(qTotal, eTotal);
        double qCov = qTotal > 0 ? Math.min(1.0, queryReach / qTotal) : 0;
        double eCov = eTotal > 0 ? credit / eTotal : 0;
        return share * qCov + (1 - share) * eCov;
    }

    /**
     * What a query legal form may explain of a name's legal forms outside the postings: any two legal forms half
     * match (see {@link #upperBound}), at their class weight.
     */
    double legalFormCredit(QueryPlan plan, int id) {
        return plan.hasLegalForm
                ? index.legalForms(id) * Tuning.LEGAL_FORM_WEIGHT * Tuning.LEGAL_FORM_MISMATCH_SIM : 0;
    }
}
