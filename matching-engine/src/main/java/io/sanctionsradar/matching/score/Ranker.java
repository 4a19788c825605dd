package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.Adjustment;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.EntryRecord;
import io.sanctionsradar.matching.index.NameRecord;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Scores candidates in order of descending bound (when bounds are given) and stops once the next bound cannot
 * reach the threshold or beat the limit-th best entry found so far; exhaustive otherwise. Answers the best name of
 * each entry reaching the threshold, best first, at most limit of them. One ranker per query.
 */
public final class Ranker {

    private final QueryPlan plan;
    private final QueryPlan.SimSource sims;
    private final TokenStatistics stats;
    private final double threshold;
    private final int limit;
    private final Predicate<String> entryFilter;
    private final Map<EntryRecord, RankedEntry> best = new IdentityHashMap<>();
    private final Map<EntryRecord, Boolean> allowed;
    private final double[] finals;
    /** entries whose best final score reaches the threshold */
    private int reaching;
    /** limit-th best final score once {@code reaching} ≥ limit */
    private double kth = Double.NEGATIVE_INFINITY;
    private boolean kthStale;

    private Ranker(QueryPlan plan, QueryPlan.SimSource sims, TokenStatistics stats, double threshold, int limit,
                   Predicate<String> entryFilter, int count) {
        this.plan = plan;
        this.sims = sims;
        this.stats = stats;
        this.threshold = threshold;
        this.limit = limit;
        this.entryFilter = entryFilter;
        this.allowed = entryFilter == null ? null : new IdentityHashMap<>();
        this.finals = new double[Math.min(count, 64)];
    }

    /** The ranked entries of these candidate names (bounds null: score them all). */
    public static List<RankedEntry> rank(CandidateIndex index, QueryPlan plan, int[] ids, float[] bounds, int count,
                                         QueryPlan.SimSource sims, double threshold, int limit,
                                         Predicate<String> entryFilter) {
        Ranker r = new Ranker(plan, sims, index.stats, threshold, limit, entryFilter, count);
        for (int c = 0; c < count; c++) {
            if (bounds != null && r.outOfReach(bounds[c])) {
                break;
            }
            r.consider(index.name(ids[c]));
        }
        return r.ranked();
    }

    /** Whether a name of this bound, and every later one, can neither reach the threshold nor enter the top. */
    private boolean outOfReach(float bound) {
        double reach = bound + plan.maxBonus + Tuning.ROUNDING;
        if (reach < threshold) {
            return true;
        }
        if (reaching >= limit) {
            if (kthStale) {
                kth = kthBest();
                kthStale = false;
            }
            return reach < kth; // cannot enter the top `limit`, not even on a tie
        }
        return false;
    }

    /** Scores a name; keeps it when it is its entry's best so far. */
    private void consider(NameRecord name) {
        EntryRecord entry = name.entry;
        if (allowed != null && !allowed.computeIfAbsent(entry, e -> entryFilter.test(e.entry.entryId()))) {
            return;
        }
        double nameScore = NameScorer.score(plan, name, sims, stats);
        RankedEntry current = best.get(entry);
        if (current != null && !preferred(nameScore, name, current.nameScore, current.name)) {
            return;
        }
        if (current == null) {
            current = new RankedEntry();
            best.put(entry, current);
        }
        boolean reachedBefore = current.score >= threshold;
        current.name = name;
        current.nameScore = nameScore;
        current.score = Double.NaN;
        if (nameScore + plan.maxBonus + Tuning.ROUNDING >= threshold) {
            finalScore(current);
            if (current.score >= threshold) {
                reaching += reachedBefore ? 0 : 1;
                kthStale = true;
            }
        }
    }

    /** The entries reaching the threshold, best first (then best name score, then entry id), at most limit. */
    private List<RankedEntry> ranked() {
        List<RankedEntry> scored = new ArrayList<>();
        for (RankedEntry b : best.values()) {
            if (Double.isNaN(b.score) && b.nameScore + plan.maxBonus + Tuning.ROUNDING >= threshold) {
                finalScore(b);
            }
            if (b.score >= threshold) {
                scored.add(b);
            }
        }
        scored.sort(Comparator.comparingDouble((RankedEntry x) -> x.score).reversed()
                .thenComparing(Comparator.comparingDouble((RankedEntry x) -> x.nameScore).reversed())
                .thenComparing(x -> x.name.entry.entry.entryId()));
        return scored.subList(0, Math.min(limit, scored.size()));
    }

    private void finalScore(RankedEntry b) {
        b.adjustments = SecondarySignals.adjustments(plan, b.name.entry.entry, b.name.name.kind());
        double score = b.nameScore;
        for (Adjustment adj : b.adjustments) {
            score += adj.amount();
        }
        b.score = NameScorer.round(Math.max(0, Math.min(1, score)));
    }

    /** The limit-th best final score among entries reaching the threshold. */
    private double kthBest() {
        double[] f = finals.length >= best.size() ? finals : new double[best.size()];
        int n = 0;
        for (RankedEntry b : best.values()) {
            if (b.score >= threshold) {
                f[n++] = b.score;
            }
        }
        Arrays.sort(f, 0, n);
        return n >= limit ? f[n - limit] : Double.NEGATIVE_INFINITY;
    }

    private static boolean preferred(double scoreA, NameRecord a, double scoreB, NameRecord b) {
        double sa = scoreA + SecondarySignals.nameKindAdjustment(a.name.kind());
        double sb = scoreB + SecondarySignals.nameKindAdjustment(b.name.kind());
        return sa > sb || sa == sb && a.id < b.id;
    }
}
