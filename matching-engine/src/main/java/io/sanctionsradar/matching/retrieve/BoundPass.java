package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;

import static io.sanctionsradar.matching.retrieve.TokenMasks.entryWeightOf;
import static io.sanctionsradar.matching.retrieve.TokenMasks.legalFormTokens;
import static io.sanctionsradar.matching.retrieve.TokenMasks.weightOf;

/**
 * Bounds the names a search touched, after its postings are read: first from their marks (the query tokens in
 * reach, their credits), then, for those that pass, from their own tokens ({@link NameBounds}); only names whose
 * bound reaches the floor are kept. {@link #run} bounds a range of the touched set; two threads may run disjoint
 * ranges into disjoint slices of the same {@link TouchedNames} (the pass is bound by memory, not arithmetic).
 */
final class BoundPass {

    /** Names whose bound reaches the floor, in name id order; how many names needed their tokens for it. */
    record Bounded(int[] ids, float[] bounds, int count, int exactBounds) {
        Bounded append(Bounded other) {
            int[] i = Arrays.copyOf(ids, count + other.count);
            float[] b = Arrays.copyOf(bounds, count + other.count);
            System.arraycopy(other.ids, 0, i, count, other.count);
            System.arraycopy(other.bounds, 0, b, count, other.count);
            return new Bounded(i, b, count + other.count, exactBounds + other.exactBounds);
        }
    }

    private final CandidateIndex index;
    private final NameBounds nameBounds;
    private final QueryPlan plan;
    private final TouchedNames s;
    private final NameWeights totals;
    /** query tokens some list still unread, or a match outside the postings, may give any name */
    private final long unread;
    /** query initials that may abbreviate a word outside the lists read (at most INITIAL_SIM) */
    private final long abbreviating;
    /** whether the credits bound a name's entry side (see {@link NameBounds#creditBound}) */
    private final boolean byCredit;
    private final double floor;

    BoundPass(CandidateIndex index, NameBounds nameBounds, QueryPlan plan, TouchedNames s, NameWeights totals,
              long unread, long abbreviating, boolean byCredit, double floor) {
        this.index = index;
        this.nameBounds = nameBounds;
        this.plan = plan;
        this.s = s;
        this.totals = totals;
        this.unread = unread;
        this.abbreviating = abbreviating;
        this.byCredit = byCredit;
        this.floor = floor;
    }

    /**
     * Bounds the touched names of the words [fromWord, toWord) of the touched set, clearing their marks, gathered
     * from slot {@code slice} of the dense arrays on.
     */
    Bounded run(int fromWord, int toWord, int slice) {
        int end = gather(fromWord, toWord, slice);
        int passed = passByMarks(slice, end);
        return boundByTokens(slice, passed);
    }

    /**
     * Gathers the touched names' marks into the dense arrays in a loop with nothing else in it, so that their
     * scattered loads overlap instead of waiting one by one behind each name's bound; answers the end slot.
     */
    private int gather(int fromWord, int toWord, int slice) {
        long[] covered = s.covered;
        long[] touched = s.touched;
        float[] credit = s.credit;
        int[] ids = s.gatheredIds;
        long[] masks = s.gatheredMasks;
        float[] credits = s.gatheredCredits;
        int end = slice;
        for (int w = fromWord; w < toWord; w++) {
            long bits = touched[w];
            if (bits == 0) {
                continue;
            }
            touched[w] = 0;
            for (; bits != 0; bits &= bits - 1) {
                int id = w << 6 | Long.numberOfTrailingZeros(bits);
                ids[end] = id;
                masks[end] = covered[id];
                credits[2 * end] = credit[2 * id];
                credits[2 * end + 1] = credit[2 * id + 1];
                covered[id] = 0;
                credit[2 * id] = 0f;
                credit[2 * id + 1] = 0f;
                end++;
            }
        }
        return end;
    }

    /**
     * Keeps the gathered names whose bound from their marks reaches the floor, moved to the first slots with their
     * entry totals and query reaches; answers the end of those.
     */
    private int passByMarks(int slice, int end) {
        int[] ids = s.gatheredIds;
        long[] masks = s.gatheredMasks;
        float[] credits = s.gatheredCredits;
        float[] entryTotals = s.gatheredTotals;
        for (int k = slice; k < end; k++) {
            entryTotals[k] = masks[k] == TouchedNames.REJECTED ? 0f : (float) totals.of(ids[k]); // stored as a float: exact
        }
        // query legal forms may half match a name's legal forms outside the postings (see NameScorer)
        double legalFormReach = plan.hasLegalForm ? weightOf(plan, legalFormTokens(plan)) : 0;
        double[] reaches = s.gatheredReaches;
        int passed = slice;
        for (int k = slice; k < end; k++) {
            long mask = masks[k];
            if (mask == TouchedNames.REJECTED) {
                continue;
            }
            int id = ids[k];
            double queryReach = queryReach(mask, credits[2 * k + 1], legalFormReach);
            if (passes(id, mask, queryReach, entryTotals[k], credits[2 * k])) {
                ids[passed] = id; // passed ≤ k: these slots were read already
                entryTotals[passed] = entryTotals[k];
                reaches[passed++] = queryReach;
            }
        }
        return passed;
    }

    /** The query weight a name with these marks may have explained. */
    private double queryReach(long mask, float queryCredit, double legalFormReach) {
        long reach = (mask & ~TouchedNames.SPLIT) | unread;
        if ((mask & TouchedNames.SPLIT) != 0) {
            return weightOf(plan, reach); // a split pair is outside the credits
        } else if (byCredit) {
            return Math.min(weightOf(plan, reach), queryCredit + legalFormReach + Tuning.CREDIT_SLACK);
        } else {
            long weak = abbreviating & ~mask; // initials this name's postings did not cover: at most INITIAL_SIM
            return weightOf(plan, reach & ~weak) + Tuning.INITIAL_SIM * weightOf(plan, weak);
        }
    }

    /** Whether a name's bounds from its marks reach the floor (a name reached through a split spelling always). */
    private boolean passes(int id, long mask, double queryReach, double entryTotal, float entryCredit) {
        if ((mask & TouchedNames.SPLIT) != 0) {
            return true;
        }
        long reach = (mask & ~TouchedNames.SPLIT) | unread;
        if (NameBounds.nameBound(plan, queryReach, entryWeightOf(plan, reach), entryTotal) < floor) {
            return false;
        }
        // no need to load the name's tokens when its bound below could not reach the floor either
        return !(byCredit && !index.repeatsToken(id)
                && NameBounds.creditBound(plan, queryReach, entryCredit + nameBounds.legalFormCredit(plan, id),
                entryTotal) + Tuning.CREDIT_SLACK < floor);
    }

    /** Bounds the names that passed from their tokens, their references gathered first too; keeps those reaching. */
    private Bounded boundByTokens(int slice, int passed) {
        int[] ids = s.gatheredIds;
        float[] entryTotals = s.gatheredTotals;
        double[] reaches = s.gatheredReaches;
        int[][] data = s.gatheredTokens;
        for (int k = slice; k < passed; k++) {
            data[k] = index.boundData(ids[k]);
        }
        // per entry token: best similarity anything in the query could give it (one per thread bounding)
        float[] entrySim = new float[NameTokens.MAX_TOKENS];
        int kept = 0;
        int[] keptIds = new int[passed - slice];
        float[] bounds = new float[passed - slice];
        for (int k = slice; k < passed; k++) {
            double bound = nameBounds.upperBound(plan, data[k], reaches[k], entryTotals[k], entrySim);
            data[k] = null; // the scratch outlives the index's arrays
            if (bound >= floor) {
                keptIds[kept] = ids[k];
                bounds[kept++] = (float) Math.min(2.0, bound + Tuning.FLOAT_BOUND_SLACK); // float rounding must not undercut
            }
        }
        return new Bounded(keptIds, bounds, kept, passed - slice);
    }

    /** Candidates sorted by descending bound, at most max of them. */
    static Candidates topByBound(Bounded kept, int max) {
        int[] ids = kept.ids;
        float[] bounds = kept.bounds;
        int n = kept.count;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // bounds are non-negative, so their float bits order like the values; ties by name id
            keyed[i] = (long) (Integer.MAX_VALUE - Float.floatToIntBits(bounds[i])) << 32 | ids[i];
        }
        Arrays.sort(keyed);
        int count = Math.min(n, max);
        int[] outIds = new int[count];
        float[] outBounds = new float[count];
        for (int i = 0; i < count; i++) {
            outIds[i] = (int) keyed[i];
            outBounds[i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keyed[i] >>> 32));
        }
        return new Candidates(outIds, outBounds, count, kept.exactBounds);
    }
}
