package io.sanctionsradar.screening.matching;

import io.sanctionsradar.screening.matching.CandidateIndex.EntryRecord;
import io.sanctionsradar.screening.matching.CandidateIndex.NameRecord;
import io.sanctionsradar.screening.matching.CandidateIndex.PreparedName;
import io.sanctionsradar.screening.matching.Explanation.Adjustment;
import io.sanctionsradar.screening.matching.Explanation.MatchKind;
import io.sanctionsradar.screening.matching.Explanation.TokenMatch;
import io.sanctionsradar.screening.matching.Explanation.WeightedToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Name-matching engine facade: an in-memory index of watchlist names and a scorer.
 *
 * <p>Thread-safety: {@link #screen} may run concurrently with other {@code screen} calls; writes
 * ({@link #upsert}, {@link #remove}, {@link #replaceAll}) must be exclusive (the caller's read-write lock).
 * Per-thread scratch buffers and ICU transliterators are kept in ThreadLocals.
 */
public final class MatchingEngine {

    /** Name and version of the algorithm; changes whenever scores for the same input can change. */
    public static final String ALGORITHM = "sanctions-radar-name-match/1.0";

    /**
     * Score at or above which a name is reported as a hit. Measured on the labelled dev set (CSL 2022, 1,200
     * queries, QualityEvaluation): false positives are 0 from 0.76 up, recall stays at 0.9975 up to 0.78 and
     * falls after 0.80; 0.78 sits inside that plateau, leaving margin on both sides for harder real traffic
     * (two typos, other scripts) and for near-miss non-listed names.
     */
    public static final double DEFAULT_THRESHOLD = 0.78;

    /** Candidates fully scored per query, best partial score first; a bound for pathological all-common queries. */
    static final int MAX_CANDIDATES = 1000;

    private final CandidateIndex index = new CandidateIndex();

    /** Adds the entry, or replaces the entry with the same id. */
    public void upsert(WatchlistEntry entry) {
        index.put(entry, CandidateIndex.prepare(entry));
    }

    public void remove(String entryId) {
        index.remove(entryId);
    }

    /** Rebuilds the index from scratch; names are normalized in parallel, then inserted sequentially. */
    public void replaceAll(Collection<WatchlistEntry> entries) {
        List<WatchlistEntry> list = new ArrayList<>(entries);
        List<List<PreparedName>> prepared = list.parallelStream().map(CandidateIndex::prepare).toList();
        index.clear();
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i), prepared.get(i));
        }
    }

    /** Number of entries. */
    public int size() {
        return index.size();
    }

    /** Number of distinct indexed names (after normalization) across entries. */
    public int nameCount() {
        return index.liveNames();
    }

    /**
     * Best-first matches with score ≥ threshold, at most one per entry (its best name), at most {@code limit}.
     *
     * @param entryFilter entries for which this returns false are skipped (null = all)
     */
    public List<Match> screen(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        QueryPlan plan = plan(query);
        if (plan == null || limit <= 0) {
            return List.of();
        }
        int[] candidates = candidates(plan, threshold);
        QueryPlan.SimSource sims = indexedSims(plan);
        List<NameRecord> names = new ArrayList<>(candidates.length);
        for (int id : candidates) {
            names.add(index.name(id));
        }
        return rank(plan, names, sims, threshold, limit, entryFilter);
    }

    public List<Match> screen(Query query) {
        return screen(query, DEFAULT_THRESHOLD, 10, null);
    }

    /** Test oracle: scores every indexed name with directly computed token similarities, no blocking. */
    List<Match> screenExhaustively(Query query, double threshold, int limit, Predicate<String> entryFilter) {
        QueryPlan plan = plan(query);
        if (plan == null || limit <= 0) {
            return List.of();
        }
        List<NameRecord> names = new ArrayList<>();
        for (int id = 0; id < index.nameCapacity(); id++) {
            NameRecord n = index.name(id);
            if (n != null && typeAllowed(plan, n)) {
                names.add(n);
            }
        }
        return rank(plan, names, directSims(plan), threshold, limit, entryFilter);
    }

    /** Normalized form of a name as the engine sees it (for diagnostics and receipts). */
    public static String normalize(String name) {
        return NameNormalizer.normalizedForm(name);
    }

    /** For unit tests in this package: the index behind the facade. */
    CandidateIndex indexForTest() {
        return index;
    }

    // ---------------------------------------------------------------- query pipeline

    private QueryPlan plan(Query query) {
        if (query == null || query.name() == null) {
            return null;
        }
        NameTokens tokens = NameNormalizer.normalize(query.name());
        return tokens.isEmpty() ? null : new QueryPlan(query, tokens, index);
    }

    private static boolean typeAllowed(QueryPlan plan, NameRecord name) {
        return plan.query.type() == null || plan.query.type() == name.entry.entry.type();
    }

    /**
     * Minimum query coverage a name needs to possibly reach the threshold: nameScore ≤ s·qCov + (1 − s) with
     * s ≥ MIN_QUERY_SHARE, and adjustments add at most MAX_BONUS.
     */
    static double requiredQueryCoverage(double threshold) {
        double s = NameScorer.MIN_QUERY_SHARE;
        return (threshold - SecondarySignals.MAX_BONUS - (1 - s)) / s;
    }

    /** Per-thread accumulators indexed by name id (reset after each query via the touched list). */
    private static final class Scratch {
        /** bit i: query token i is hit by some unit in this name; bit 63: name rejected by type */
        long[] covered = new long[0];
        IntList touched = new IntList(1024);

        void ensure(int capacity) {
            if (covered.length < capacity) {
                covered = new long[capacity + 1024];
            }
        }
    }

    private static final long REJECTED = Long.MIN_VALUE;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Candidate names from the postings of the query units' similar vocabulary strings. A name can only reach
     * the threshold if the query tokens it touches carry enough weight (see requiredQueryCoverage), so units
     * are read rarest first and reading stops once the tokens still unread could not lift an unseen name to
     * the threshold: a "Ltd" or "Mohammed" posting list is only read when the query has nothing rarer.
     */
    private int[] candidates(QueryPlan plan, double threshold) {
        int n = Math.min(plan.size(), NameScorer.MAX_TOKENS);
        double need = requiredQueryCoverage(threshold) * plan.totalWeight - 1e-9;
        double slack = 0; // query tokens that can match outside the postings: initials and legal-form mismatches
        for (int i = 0; i < n; i++) {
            if (plan.tokens.classes()[i] == NameTokens.LEGAL_FORM || plan.tokens.tokens()[i].length() == 1) {
                slack += plan.weights[i];
            }
        }
        Integer[] order = new Integer[plan.units];
        double[] unitWeight = new double[plan.units];
        int[] pendingUnits = new int[n]; // units not yet read that cover token i
        for (int u = 0; u < plan.units; u++) {
            order[u] = u;
            unitWeight[u] = plan.unitWeight(u);
            for (int i = plan.unitStart[u]; i < plan.unitStart[u] + plan.unitLength[u] && i < n; i++) {
                pendingUnits[i]++;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(unitWeight[b], unitWeight[a]));
        Scratch s = SCRATCH.get();
        s.ensure(index.nameCapacity());
        IntList touched = s.touched;
        SubjectType type = plan.query.type();
        for (int k = 0; k < plan.units; k++) {
            if (pendingWeight(plan, pendingUnits, 0L) + slack < need) {
                break; // a name first seen from here on cannot reach the threshold
            }
            int u = order[k];
            long unitMask = 0;
            for (int i = plan.unitStart[u]; i < plan.unitStart[u] + plan.unitLength[u] && i < n; i++) {
                unitMask |= 1L << i;
                pendingUnits[i]--;
            }
            boolean single = plan.unitLength[u] == 1;
            for (int vid : plan.unitSims[u].keysArray()) {
                accumulate(index.tokenPostings(vid), unitMask, type, s);
                if (single) {
                    accumulate(index.compoundPostings(vid), unitMask, type, s);
                }
            }
        }
        int kept = 0;
        int[] ids = new int[touched.size()];
        float[] scores = new float[touched.size()];
        for (int i = 0; i < touched.size(); i++) {
            int id = touched.get(i);
            long mask = s.covered[id];
            s.covered[id] = 0;
            if (mask == REJECTED) {
                continue;
            }
            double hit = 0;
            for (int t = 0; t < n; t++) {
                if ((mask & 1L << t) != 0) {
                    hit += plan.weights[t];
                }
            }
            if (hit + pendingWeight(plan, pendingUnits, mask) + slack >= need) {
                ids[kept] = id;
                scores[kept++] = (float) hit;
            }
        }
        touched.clear();
        return topByScore(ids, scores, kept, MAX_CANDIDATES);
    }

    /** Weight of the tokens outside mask that some unread unit could still cover. */
    private static double pendingWeight(QueryPlan plan, int[] pendingUnits, long mask) {
        double w = 0;
        for (int i = 0; i < pendingUnits.length; i++) {
            if (pendingUnits[i] > 0 && (mask & 1L << i) == 0) {
                w += plan.weights[i];
            }
        }
        return w;
    }

    private void accumulate(IntList postings, long unitMask, SubjectType type, Scratch s) {
        long[] covered = s.covered;
        for (int i = 0; i < postings.size(); i++) {
            int id = postings.get(i);
            long mask = covered[id];
            if (mask == 0) {
                s.touched.add(id);
                if (type != null && index.name(id).entry.entry.type() != type) {
                    covered[id] = REJECTED;
                    continue;
                }
            } else if (mask == REJECTED) {
                continue;
            }
            covered[id] = mask | unitMask;
        }
    }

    private static int[] topByScore(int[] ids, float[] scores, int n, int max) {
        if (n <= max) {
            return java.util.Arrays.copyOf(ids, n);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = ids[order[i]];
        }
        return out;
    }

    private QueryPlan.SimSource indexedSims(QueryPlan plan) {
        if (!plan.hasSingleLetter) {
            return plan::indexedCodes;
        }
        // initials ("J" for "John") are not blocked on: computed directly for single-letter units
        Map<Integer, int[]> cache = new HashMap<>();
        return vid -> cache.computeIfAbsent(vid, v -> {
            int[] known = plan.indexedCodes(v);
            int[] codes = known == null ? new int[plan.units] : known.clone();
            boolean any = known != null;
            for (int u = 0; u < plan.units; u++) {
                if (plan.isSingleLetter(u)) {
                    codes[u] = directCode(plan, u, v);
                    any |= codes[u] != 0;
                }
            }
            return any ? codes : null;
        });
    }

    private QueryPlan.SimSource directSims(QueryPlan plan) {
        Map<Integer, int[]> cache = new HashMap<>();
        return vid -> cache.computeIfAbsent(vid, v -> {
            int[] codes = new int[plan.units];
            boolean any = false;
            for (int u = 0; u < plan.units; u++) {
                codes[u] = directCode(plan, u, v);
                any |= codes[u] != 0;
            }
            return any ? codes : null;
        });
    }

    private int directCode(QueryPlan plan, int unit, int vid) {
        TokenFeatures q = plan.unitFeatures[unit];
        TokenFeatures e = index.features(vid);
        boolean exactOnly = plan.unitLength[unit] == 1 && plan.tokens.classes()[plan.unitStart[unit]] != NameTokens.WORD;
        if (exactOnly) {
            return q.token.equals(e.token) ? SimCode.of(TokenSimilarity.Result.EXACT) : 0;
        }
        return SimCode.of(TokenSimilarity.compare(q, e, plan.tokens.abjad()));
    }

    private List<Match> rank(QueryPlan plan, List<NameRecord> names, QueryPlan.SimSource sims,
                             double threshold, int limit, Predicate<String> entryFilter) {
        Map<EntryRecord, NameScorer.Alignment> best = new IdentityHashMap<>();
        Map<EntryRecord, Boolean> allowed = new IdentityHashMap<>();
        for (NameRecord name : names) {
            if (!typeAllowed(plan, name)) {
                continue;
            }
            EntryRecord entry = name.entry;
            if (entryFilter != null && !allowed.computeIfAbsent(entry, e -> entryFilter.test(e.entry.entryId()))) {
                continue;
            }
            NameScorer.Alignment a = NameScorer.align(plan, name, sims, index.stats);
            NameScorer.Alignment current = best.get(entry);
            if (current == null || preferred(a, current)) {
                best.put(entry, a);
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<EntryRecord, NameScorer.Alignment> e : best.entrySet()) {
            NameScorer.Alignment a = e.getValue();
            if (a.nameScore + SecondarySignals.MAX_BONUS < threshold) {
                continue;
            }
            List<Adjustment> adjustments = SecondarySignals.adjustments(plan, e.getKey().entry, a.name.name.kind());
            double score = a.nameScore;
            for (Adjustment adj : adjustments) {
                score += adj.amount();
            }
            score = NameScorer.round(Math.max(0, Math.min(1, score)));
            if (score >= threshold) {
                scored.add(new Scored(a, adjustments, score));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingDouble((Scored x) -> x.alignment.nameScore).reversed())
                .thenComparing(x -> x.alignment.name.entry.entry.entryId()));
        List<Match> out = new ArrayList<>(Math.min(limit, scored.size()));
        for (int i = 0; i < scored.size() && i < limit; i++) {
            Scored x = scored.get(i);
            out.add(new Match(x.alignment.name.entry.entry.entryId(), x.alignment.name.name.name(), x.score,
                    explain(plan, x)));
        }
        return out;
    }

    private static boolean preferred(NameScorer.Alignment a, NameScorer.Alignment b) {
        double sa = a.nameScore + (a.name.name.kind() == NameKind.WEAK ? SecondarySignals.WEAK_ALIAS : 0);
        double sb = b.nameScore + (b.name.name.kind() == NameKind.WEAK ? SecondarySignals.WEAK_ALIAS : 0);
        return sa > sb || sa == sb && a.name.id < b.name.id;
    }

    private record Scored(NameScorer.Alignment alignment, List<Adjustment> adjustments, double score) {
    }

    private Explanation explain(QueryPlan plan, Scored x) {
        NameScorer.Alignment a = x.alignment;
        List<TokenMatch> matches = NameScorer.tokenMatches(plan, a);
        List<WeightedToken> unmatchedQuery = new ArrayList<>();
        for (int i = 0; i < a.querySims.length; i++) {
            if (a.querySims[i] == 0f) {
                unmatchedQuery.add(new WeightedToken(plan.tokens.tokens()[i], NameScorer.round(plan.weights[i])));
            }
        }
        List<WeightedToken> unmatchedEntry = new ArrayList<>();
        for (int j = 0; j < a.entrySims.length; j++) {
            if (a.entrySims[j] == 0f) {
                unmatchedEntry.add(new WeightedToken(a.name.tokens.tokens()[j], NameScorer.round(a.entryWeights[j])));
            }
        }
        return new Explanation(summary(plan, x, matches, unmatchedQuery, unmatchedEntry), NameScorer.round(a.nameScore),
                NameScorer.round(a.queryCoverage), NameScorer.round(a.entryCoverage), List.copyOf(matches),
                List.copyOf(unmatchedQuery), List.copyOf(unmatchedEntry), List.copyOf(x.adjustments));
    }

    private static String summary(QueryPlan plan, Scored x, List<TokenMatch> matches,
                                  List<WeightedToken> unmatchedQuery, List<WeightedToken> unmatchedEntry) {
        Map<MatchKind, Integer> kinds = new EnumMap<>(MatchKind.class);
        for (TokenMatch m : matches) {
            kinds.merge(m.kind(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "score %.2f: \"%s\" vs \"%s\" (%s); name %.2f", x.score, plan.query.name(),
                x.alignment.name.name.name(), x.alignment.name.name.kind(), x.alignment.nameScore));
        StringBuilder k = new StringBuilder();
        kinds.forEach((kind, n) -> k.append(k.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(kind.name().toLowerCase(Locale.ROOT)));
        b.append(", tokens ").append(k.length() == 0 ? "none" : k);
        if (!unmatchedQuery.isEmpty()) {
            b.append(", query-only ").append(unmatchedQuery.stream().map(WeightedToken::token).toList());
        }
        if (!unmatchedEntry.isEmpty()) {
            b.append(", entry-only ").append(unmatchedEntry.stream().map(WeightedToken::token).toList());
        }
        for (Adjustment adj : x.adjustments) {
            b.append(String.format(Locale.ROOT, "; %s %+.2f", adj.signal(), adj.amount()));
        }
        return b.toString();
    }
}
