package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.IntList;
import io.sanctionsradar.matching.index.SimMap;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.Reusable;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import static io.sanctionsradar.matching.retrieve.TokenMasks.initialTokens;
import static io.sanctionsradar.matching.retrieve.TokenMasks.legalFormTokens;
import static io.sanctionsradar.matching.retrieve.TokenMasks.weightOf;

/**
 * Finds the names worth scoring for a query, best upper bound first, without looking at most names: it reads the
 * postings of the query units' similar vocabulary strings in {@link ReadingOrder}, stops reading once the lists
 * still unread could not lift an unseen name to the threshold (a "Ltd" or "Mohammed" posting list is only read
 * when the query has nothing rarer), then bounds the names touched ({@link BoundPass}); only names whose bound
 * reaches the threshold are aligned.
 */
public final class CandidateSearch {

    private final CandidateIndex index;
    private final NameBounds nameBounds;
    /** Touched names from which bounding is split between two threads ({@link Tuning#PARALLEL_BOUNDS_FROM}). */
    private final int parallelBoundsFrom;
    private final Reusable<TouchedNames> scratches = new Reusable<>(TouchedNames::new);
    private volatile NameWeights nameWeights;

    public CandidateSearch(CandidateIndex index, int parallelBoundsFrom) {
        this.index = index;
        this.nameBounds = new NameBounds(index);
        this.parallelBoundsFrom = parallelBoundsFrom;
    }

    /** The candidate names of a search, best bound first, at most maxCandidates of them. */
    public Candidates candidates(QueryPlan plan, double threshold, int maxCandidates) {
        int n = Math.min(plan.size(), NameTokens.MAX_TOKENS);
        double floor = threshold - plan.maxBonus - Tuning.ROUNDING;
        long initials = initialTokens(plan);
        long slack = initials | legalFormTokens(plan); // tokens that can match outside the postings
        ReadingOrder reading = new ReadingOrder(plan);
        TouchedNames s = scratches.take();
        s.ensure(index.nameCapacity());
        SubjectType type = plan.query.type();
        readSplitSpellings(plan, n, type, s);
        readPostings(plan, reading, n, floor, initials, slack, type, s);
        long pending = reading.unreadTokens();
        long unread = pending | slack;
        // an initial outside its own postings (the letter itself) and the lists still unread abbreviates a word
        long abbreviating = initials & ~pending;
        // credits bound a name's entry side only if nothing in the query matches outside the postings but legal forms
        boolean byCredit = !plan.hasSingleLetter && plan.size() <= NameTokens.MAX_TOKENS;
        if (byCredit) {
            creditUnread(plan, reading, s);
            uncreditJoinedForms(plan, s);
        }
        BoundPass pass = new BoundPass(index, nameBounds, plan, s, nameWeights(plan), unread, abbreviating,
                byCredit, floor);
        BoundPass.Bounded kept = boundTouched(pass, s);
        scratches.give(s); // every mark cleared by bounding
        return BoundPass.topByBound(kept, maxCandidates);
    }

    /** Split spellings first: few postings, and a name found through one gets the exact bound. */
    private void readSplitSpellings(QueryPlan plan, int n, SubjectType type, TouchedNames s) {
        for (int u = 0; u < Math.min(n, plan.units); u++) {
            SimMap sims = plan.unitSims[u];
            for (int slot = 0; slot < sims.capacity(); slot++) {
                int vid = sims.keyAt(slot);
                if (vid >= 0) {
                    s.accumulate(index.compoundPostings(vid), 1L << plan.unitStart[u] | TouchedNames.SPLIT, 0f, 0f,
                            type, index);
                }
            }
        }
    }

    /** Reads the posting lists unit by unit in reading order, until no name first seen could reach the floor. */
    private void readPostings(QueryPlan plan, ReadingOrder reading, int n, double floor, long initials, long slack,
                              SubjectType type, TouchedNames s) {
        double[] otherMax = new double[n];
        for (int u : reading.unitOrder) {
            if (!readUnit(plan, reading, u, otherMax, floor, initials, slack, type, s)) {
                return; // cannot reach the threshold
            }
        }
    }

    /**
     * Reads a unit's lists, rarest first; false once a name first seen from the next list on, at the entry total
     * where its bound is largest (E = W), could not reach the floor: reading stops there.
     */
    private boolean readUnit(QueryPlan plan, ReadingOrder reading, int u, double[] otherMax, double floor,
                             long initials, long slack, SubjectType type, TouchedNames s) {
        long pending = unreadElsewhere(plan, reading, u, otherMax);
        double reachWeight = weightOf(plan, pending | slack);
        for (int[] rows = reading.unitRows[u]; reading.next[u] < rows.length; reading.next[u]++) {
            int row = rows[reading.next[u]];
            if (reading.read[row]) {
                continue;
            }
            double explainable = explainable(plan, pending | slack, initials, slack, otherMax,
                    plan.unitTokens[u], reading.weight(row));
            if (NameBounds.nameBound(plan, reachWeight, explainable, explainable) < floor) {
                return false;
            }
            reading.read[row] = true;
            s.accumulate(index.tokenPostings(plan.rowVid(row)), plan.rowTokens(row), reading.credit(row),
                    reading.queryCredit(row), type, index);
        }
        return true;
    }

    /**
     * The query tokens of the units with strings unread; fills, per query token, the rarest string unread of the
     * other units covering it (as of now: only loosens).
     */
    private static long unreadElsewhere(QueryPlan plan, ReadingOrder reading, int u, double[] otherMax) {
        Arrays.fill(otherMax, 0);
        long pending = 0;
        for (int v = 0; v < plan.units; v++) {
            double unread = reading.unreadMax(v);
            if (unread > 0) {
                pending |= plan.unitTokens[v];
                for (long m = v == u ? 0 : plan.unitTokens[v]; m != 0; m &= m - 1) {
                    int i = Long.numberOfTrailingZeros(m);
                    otherMax[i] = Math.max(otherMax[i], unread);
                }
            }
        }
        return pending;
    }

    /**
     * The entry weight a name not touched yet may have explained by the query tokens in reach, while the unit being
     * read (covering {@code unitTokens}) has no string rarer than {@code nextWeight} unread: such a name holds no
     * string read so far, so a token it may match explains at most the rarest string unread of a unit covering it.
     * Outside the postings, a legal form half matches a name's legal form, of class weight, and an initial may
     * abbreviate any word.
     */
    private static double explainable(QueryPlan plan, long reach, long initials, long slack, double[] otherMax,
                                      long unitTokens, double nextWeight) {
        double w = 0;
        for (long m = reach; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            long bit = 1L << i;
            if ((initials & bit) != 0) {
                w += plan.tokenEntryWeight[i];
            } else {
                double wi = Math.max(otherMax[i], (unitTokens & bit) != 0 ? nextWeight : 0);
                w += (slack & bit) != 0 ? Math.max(wi, TokenStatistics.CLASS_WEIGHT) : wi;
            }
        }
        return w;
    }

    /** The lists left unread may still hold tokens of the names touched: credits those, touching no new name. */
    private void creditUnread(QueryPlan plan, ReadingOrder reading, TouchedNames s) {
        for (int row = 0; row < reading.read.length; row++) {
            if (!reading.read[row]) {
                s.creditTouched(index.tokenPostings(plan.rowVid(row)), reading.credit(row), reading.queryCredit(row));
            }
        }
    }

    /**
     * Names of which a joined form (two or three tokens written together) is similar to a joined query unit: the
     * exact bound counts that similarity on the name's own tokens, which the credits do not, so their credit
     * is made infinite (their bound is then the exact one). Only touched names are concerned: the others are not
     * bounded at all.
     */
    private void uncreditJoinedForms(QueryPlan plan, TouchedNames s) {
        for (int u = plan.size(); u < plan.units; u++) {
            SimMap sims = plan.unitSims[u];
            for (int slot = 0; slot < sims.capacity(); slot++) {
                int vid = sims.keyAt(slot);
                if (vid >= 0) {
                    IntList postings = index.compoundPostings(vid);
                    for (int i = 0; i < postings.size(); i++) {
                        int id = postings.get(i);
                        if (s.covered[id] != 0) {
                            s.credit[2 * id] = Float.POSITIVE_INFINITY;
                        }
                    }
                }
            }
        }
    }

    /** Bounds every touched name, on two threads (halves of the touched set) from {@link #parallelBoundsFrom}. */
    private BoundPass.Bounded boundTouched(BoundPass pass, TouchedNames s) {
        int words = (index.nameCapacity() + 63) >> 6;
        int count = s.touchedCount;
        s.touchedCount = 0;
        s.ensureGathered(count);
        if (count < parallelBoundsFrom) {
            return pass.run(0, words, 0);
        }
        int half = 0; // the word where half of the touched names lie below
        int seen = 0;
        for (; half < words && seen < count / 2; half++) {
            seen += Long.bitCount(s.touched[half]);
        }
        int split = half;
        int below = seen;
        ForkJoinTask<BoundPass.Bounded> upper = ForkJoinPool.commonPool().submit(() -> pass.run(split, words, below));
        BoundPass.Bounded lower = pass.run(0, split, 0);
        return lower.append(upper.join());
    }

    /**
     * The names of a check, each with its {@link NameBounds#upperBound}, best first: the query side reaches the
     * tokens similar to some string of the name (and the initials and legal forms, which match outside those), the
     * entry side each token at its best similarity.
     */
    public Candidates checkBounds(QueryPlan plan, int[] ids) {
        NameWeights totals = nameWeights(plan);
        long outside = initialTokens(plan) | legalFormTokens(plan);
        float[] entrySim = new float[NameTokens.MAX_TOKENS];
        float[] bounds = new float[ids.length];
        for (int k = 0; k < ids.length; k++) {
            int[] d = index.boundData(ids[k]);
            long reach = outside;
            for (int j = 0; j < d.length; j += 4) { // per token: its string, the pair and the triple it starts, meta
                for (int x = j; x < j + 3; x++) {
                    int row = d[x] < 0 ? -1 : plan.similarRow(d[x]);
                    reach |= row >= 0 ? plan.rowTokens(row) : 0;
                }
            }
            double queryReach = plan.size() > NameTokens.MAX_TOKENS ? plan.totalWeight : weightOf(plan, reach);
            bounds[k] = (float) Math.min(2.0,
                    nameBounds.upperBound(plan, d, queryReach, totals.of(ids[k]), entrySim) + Tuning.FLOAT_BOUND_SLACK);
        }
        return BoundPass.topByBound(new BoundPass.Bounded(ids, bounds, ids.length, 0), ids.length);
    }

    private NameWeights nameWeights(QueryPlan plan) {
        NameWeights w = nameWeights;
        long revision = index.stats.revision();
        if (w == null || w.revision != revision || w.byDf != plan.weightByDf || w.totals.length < index.nameCapacity()) {
            nameWeights = w = new NameWeights(index, revision, plan.weightByDf, index.nameCapacity());
        }
        return w;
    }
}
