package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.IntList;

/**
 * The names a search's postings touched, with what the postings said of each: one set per running query, taken
 * from and given back to a pool, every mark cleared by the bound pass that reads it.
 *
 * <p>Layout, for speed (a common word touches tens of thousands of names): the per-name arrays are indexed by name
 * id, so reading postings writes each name's marks in place. {@code covered[id]} holds one bit per query token the
 * name's postings hit (bit 62 {@link #SPLIT}; the whole word {@link #REJECTED} when its type is turned away);
 * {@code touched} one bit per name id, read back in id order, which is memory order of the other arrays;
 * {@code credit} two floats per name side by side (one cache line): at 2·id the entry weight the postings read
 * could explain at most, at 2·id + 1 the query weight. The {@code gathered} arrays hold the touched names densely,
 * slot k for the k-th name gathered (credits again at 2·k and 2·k + 1), one slice per bounding thread.
 */
final class TouchedNames {

    /** {@code covered} of a name whose entry has another subject type than the query's. */
    static final long REJECTED = Long.MIN_VALUE;
    /** Bit set on names reached through a split (joined-on-the-list) spelling: their entry side is unbounded. */
    static final long SPLIT = 1L << 62;

    long[] covered = new long[0];
    long[] touched = new long[0];
    int touchedCount;
    float[] credit = new float[0];
    int[] gatheredIds = new int[0];
    long[] gatheredMasks = new long[0];
    float[] gatheredCredits = new float[0];
    float[] gatheredTotals = new float[0];
    double[] gatheredReaches = new double[0];
    int[][] gatheredTokens = new int[0][];

    void ensure(int capacity) {
        if (covered.length < capacity) {
            covered = new long[capacity + 1024];
            touched = new long[(covered.length >> 6) + 1];
            credit = new float[2 * covered.length];
        }
    }

    void ensureGathered(int touchedNames) {
        if (gatheredIds.length < touchedNames) {
            int n = touchedNames + touchedNames / 4;
            gatheredIds = new int[n];
            gatheredMasks = new long[n];
            gatheredCredits = new float[2 * n];
            gatheredTotals = new float[n];
            gatheredReaches = new double[n];
            gatheredTokens = new int[n][];
        }
    }

    /** Marks the names of these postings as covering the unit's tokens, crediting them; turns other types away. */
    void accumulate(IntList postings, long unitMask, float credit, float queryCredit, SubjectType type,
                    CandidateIndex index) {
        long[] covered = this.covered;
        float[] credits = this.credit;
        for (int i = 0; i < postings.size(); i++) {
            int id = postings.get(i);
            long mask = covered[id];
            if (mask == 0) {
                touched[id >>> 6] |= 1L << id;
                touchedCount++;
                if (index.otherType(id, type)) {
                    covered[id] = REJECTED;
                    continue;
                }
            } else if (mask == REJECTED) {
                continue;
            }
            covered[id] = mask | unitMask;
            credits[2 * id] += credit;
            credits[2 * id + 1] += queryCredit;
        }
    }

    /** Adds the credits to the names of these postings already touched (and not rejected by type). */
    void creditTouched(IntList postings, float credit, float queryCredit) {
        long[] covered = this.covered;
        float[] credits = this.credit;
        for (int i = 0; i < postings.size(); i++) {
            int id = postings.get(i);
            long mask = covered[id];
            if (mask != 0 && mask != REJECTED) {
                credits[2 * id] += credit;
                credits[2 * id + 1] += queryCredit;
            }
        }
    }
}
