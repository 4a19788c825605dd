package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.MatchKind;
import io.sanctionsradar.matching.Explanation;
import io.sanctionsradar.matching.index.NameRecord;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.retrieve.QueryPlan;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores one query against one indexed name: an order-independent, one-to-one greedy alignment of tokens
 * (single tokens, or two or three adjacent tokens against one for joined/split spellings), then
 * nameScore = share * queryCoverage + (1 - share) * entryCoverage, where each coverage is the
 * rarity-weighted share of that side's tokens explained by the other side, times the token similarity.
 */
public final class NameScorer {

    /** Result of aligning a query with one name. */
    public static final class Alignment {
        public final NameRecord name;
        public double nameScore;
        public double queryCoverage;
        public double entryCoverage;
        long[] pairs;
        int pairCount;
        public double[] entryWeights;
        public float[] querySims;
        public float[] entrySims;

        Alignment(NameRecord name) {
            this.name = name;
        }
    }

    private NameScorer() {
    }

    /** Per-thread buffers: scoring a candidate allocates nothing unless its details are asked for. */
    private static final class Work {
        long[] pairs = new long[64];
        final float[] qSim = new float[NameTokens.MAX_TOKENS];
        final float[] eSim = new float[NameTokens.MAX_TOKENS];
        final double[] eWeights = new double[NameTokens.MAX_TOKENS];
        /** the aligned pairs: each takes a token of either side at least, so at most NameTokens.MAX_TOKENS */
        final long[] accepted = new long[NameTokens.MAX_TOKENS];
        // the optimal alignment's search (see #optimal)
        final double[] value = new double[Tuning.MAX_OPTIMAL_PAIRS];
        final int[] order = new int[Tuning.MAX_OPTIMAL_PAIRS];
        final int[] startOf = new int[NameTokens.MAX_TOKENS + 2];
        final int[] fill = new int[NameTokens.MAX_TOKENS + 2];
        final double[] rest = new double[NameTokens.MAX_TOKENS + 1];
        final int[] path = new int[NameTokens.MAX_TOKENS];
        final int[] best = new int[NameTokens.MAX_TOKENS];
        double bestValue;
        int bestCount;
        int steps;
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /** Name score only (no explanation data), allocation-free: the path every candidate takes. */
    public static double score(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims, TokenStatistics stats) {
        return run(plan, name, sims, stats, WORK.get(), null);
    }

    /** Full alignment with the token pairs and weights an explanation needs. */
    public static Alignment align(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims,
                           TokenStatistics stats) {
        Alignment a = new Alignment(name);
        run(plan, name, sims, stats, WORK.get(), a);
        return a;
    }

    private static double run(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims, TokenStatistics stats,
                              Work w, Alignment detail) {
        NameTokens e = name.tokens;
        int n = Math.min(plan.size(), NameTokens.MAX_TOKENS);
        int m = Math.min(e.size(), NameTokens.MAX_TOKENS);
        long[] pairs = w.pairs;
        int count = 0;
        byte[] qc = plan.tokens.classes();
        byte[] ec = e.classes();
        for (int j = 0; j < m; j++) {
            int[] codes = sims.codes(name.tokenIds[j]);
            if (codes != null) {
                for (int u = 0; u < plan.units; u++) {
                    int code = codes[u];
                    if (code == 0) {
                        continue;
                    }
                    int qs = plan.unitStart[u];
                    int ql = plan.unitLength[u];
                    if (ql > 1) {
                        code = SimCode.withKind(spelledAlike(code), MatchKind.JOINED);
                    }
                    if (code != 0 && qs + ql <= n) {
                        pairs = add(w, pairs, count++, pack(code, qs, ql, j, 1, plan.unitWeights[u]));
                    }
                }
            }
            for (int span = 2; span <= 3; span++) {
                int cid = span == 2 ? name.compoundIds[j] : name.tripleIds[j];
                int[] split = cid >= 0 && j + span <= m ? sims.codes(cid) : null;
                if (split != null) {
                    for (int u = 0; u < plan.units; u++) {
                        int code = plan.unitLength[u] == 1 && plan.unitStart[u] < n ? spelledAlike(split[u]) : 0;
                        if (code != 0) {
                            pairs = add(w, pairs, count++, pack(SimCode.withKind(code, MatchKind.SPLIT),
                                    plan.unitStart[u], 1, j, span, plan.weights[plan.unitStart[u]]));
                        }
                    }
                }
            }
        }
        if (plan.hasLegalForm) {
            // two different legal forms still agree that both are companies
            for (int i = 0; i < n; i++) {
                if (qc[i] != NameTokens.LEGAL_FORM) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    if (ec[j] == NameTokens.LEGAL_FORM && !plan.tokens.tokens()[i].equals(e.tokens()[j])) {
                        pairs = add(w, pairs, count++, pack(SimCode.of(Tuning.LEGAL_FORM_MISMATCH_SIM, MatchKind.LEGAL_FORM),
                                i, 1, j, 1, plan.weights[i]));
                    }
                }
            }
        }
        double qTotal = 0;
        for (int i = 0; i < n; i++) {
            qTotal += plan.weights[i];
        }
        double[] eWeights = w.eWeights;
        double eTotal = 0;
        for (int j = 0; j < m; j++) {
            eWeights[j] = entryWeight(ec[j], name.tokenIds[j], stats, plan.weightByDf);
            eTotal += eWeights[j];
        }
        double share = plan.share(qTotal, eTotal);
        Arrays.sort(pairs, 0, count);
        long[] accepted = w.accepted;
        int acceptedCount = 0;
        long qUsed = 0;
        long eUsed = 0;
        for (int p = count - 1; p >= 0; p--) { // descending similarity
            long pair = pairs[p];
            long qMask = mask(qStart(pair), qLength(pair));
            long eMask = mask(eStart(pair), eLength(pair));
            if ((qUsed & qMask) == 0 && (eUsed & eMask) == 0) {
                qUsed |= qMask;
                eUsed |= eMask;
                accepted[acceptedCount++] = pair;
            }
        }
        if (plan.optimallyAligned() && count <= Tuning.MAX_OPTIMAL_PAIRS) {
            acceptedCount = optimal(plan, pairs, count, n, share / qTotal, eWeights, (1 - share) / eTotal, w,
                    acceptedCount);
        }
        float[] qSim = w.qSim;
        float[] eSim = w.eSim;
        Arrays.fill(qSim, 0, n, 0f);
        Arrays.fill(eSim, 0, m, 0f);
        for (int k = 0; k < acceptedCount; k++) {
            long pair = accepted[k];
            float s = (float) SimCode.sim(code(pair));
            Arrays.fill(qSim, qStart(pair), qStart(pair) + qLength(pair), s);
            Arrays.fill(eSim, eStart(pair), eStart(pair) + eLength(pair), s);
        }
        double qWeighted = 0;
        boolean allExact = true;
        for (int i = 0; i < n; i++) {
            qWeighted += plan.weights[i] * qSim[i];
            allExact &= qSim[i] == 1f;
        }
        double eWeighted = 0;
        for (int j = 0; j < m; j++) {
            eWeighted += eWeights[j] * eSim[j];
            allExact &= eSim[j] == 1f;
        }
        double queryCoverage = qTotal > 0 ? qWeighted / qTotal : 0;
        double entryCoverage = eTotal > 0 ? eWeighted / eTotal : 0;
        double nameScore = allExact ? 1.0 : Math.min(1.0, share * queryCoverage + (1 - share) * entryCoverage);
        if (detail != null) {
            detail.queryCoverage = queryCoverage;
            detail.entryCoverage = entryCoverage;
            detail.nameScore = nameScore;
            detail.pairs = Arrays.copyOf(accepted, acceptedCount);
            detail.pairCount = acceptedCount;
            detail.entryWeights = Arrays.copyOf(eWeights, m);
            detail.querySims = Arrays.copyOf(qSim, n);
            detail.entrySims = Arrays.copyOf(eSim, m);
        }
        return nameScore;
    }

    private static long mask(int start, int length) {
        return ((1L << length) - 1) << start;
    }

    /**
     * Replaces the greedy alignment in {@link Work#accepted} by the one-to-one alignment of greatest score, and answers
     * its pair count. The score is a sum over the aligned pairs (each adds its similarity times its tokens' weights
     * over their side's total, times that side's share), so the best set of pairs sharing no token is searched depth
     * first, query token by query token, each token's pairs best first, and cut where the rest cannot beat the best
     * found. Greedy alignment takes the most similar pair first and breaks ties by weight and position, which differ
     * with the direction of the comparison; no one-to-one alignment in either direction scores above this one.
     */
    private static int optimal(QueryPlan plan, long[] pairs, int count, int n, double perQueryWeight,
                               double[] eWeights, double perEntryWeight, Work w, int greedyCount) {
        double[] value = w.value;
        double greedy = 0;
        for (int p = 0; p < count; p++) {
            long pair = pairs[p];
            double q = 0;
            for (int i = qStart(pair); i < qStart(pair) + qLength(pair); i++) {
                q += plan.weights[i];
            }
            double e = 0;
            for (int j = eStart(pair); j < eStart(pair) + eLength(pair); j++) {
                e += eWeights[j];
            }
            value[p] = SimCode.sim(code(pair)) * (q * perQueryWeight + e * perEntryWeight);
        }
        for (int k = 0; k < greedyCount; k++) {
            greedy += value[Arrays.binarySearch(pairs, 0, count, w.accepted[k])];
        }
        // pairs by query start, each start's best first; rest[i]: the most that tokens from i on can add
        int[] order = w.order;
        int[] startOf = w.startOf;
        double[] rest = w.rest;
        Arrays.fill(startOf, 0, n + 2, 0);
        for (int p = 0; p < count; p++) {
            startOf[qStart(pairs[p]) + 1]++;
        }
        for (int i = 0; i <= n; i++) {
            startOf[i + 1] += startOf[i];
        }
        int[] fill = w.fill;
        System.arraycopy(startOf, 0, fill, 0, n + 1);
        for (int p = count - 1; p >= 0; p--) { // ascending similarity order read backwards: best first within a start
            int i = qStart(pairs[p]);
            int at = fill[i]++;
            while (at > startOf[i] && value[order[at - 1]] < value[p]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = p;
        }
        rest[n] = 0;
        for (int i = n - 1; i >= 0; i--) {
            rest[i] = rest[i + 1] + (startOf[i + 1] > startOf[i] ? value[order[startOf[i]]] : 0);
        }
        w.bestValue = greedy + Tuning.OPTIMAL_TIE; // an equal alignment keeps the greedy one, as a forward screening has it
        w.bestCount = -1;
        w.steps = 0;
        search(w, pairs, n, 0, 0L, 0, 0);
        if (w.bestCount < 0) {
            return greedyCount;
        }
        for (int k = 0; k < w.bestCount; k++) {
            w.accepted[k] = pairs[w.best[k]];
        }
        return w.bestCount;
    }

    private static void search(Work w, long[] pairs, int n, int i, long eUsed, double sum, int depth) {
        if (sum > w.bestValue) {
            w.bestValue = sum;
            w.bestCount = depth;
            System.arraycopy(w.path, 0, w.best, 0, depth);
        }
        if (i >= n || sum + w.rest[i] <= w.bestValue || ++w.steps > Tuning.MAX_OPTIMAL_STEPS) {
            return;
        }
        for (int k = w.startOf[i]; k < w.startOf[i + 1]; k++) {
            int p = w.order[k];
            long eMask = mask(eStart(pairs[p]), eLength(pairs[p]));
            if ((eUsed & eMask) == 0) {
                w.path[depth] = p;
                search(w, pairs, n, i + qLength(pairs[p]), eUsed | eMask, sum + w.value[p], depth + 1);
            }
        }
        search(w, pairs, n, i + 1, eUsed, sum, depth);
    }

    /** Weight of the query side in the score, from both sides' total token weights (see {@link Tuning#MIN_QUERY_SHARE}). */
    public static double share(double queryTotal, double entryTotal) {
        return Math.max(Tuning.MIN_QUERY_SHARE, Math.min(Tuning.MAX_QUERY_SHARE, queryTotal / (queryTotal + entryTotal)));
    }

    /**
     * Words written together on one side and apart on the other only count when spelled alike (exact,
     * listed variant, romanization variant): a typo on top of a split is too weak, and the index does not
     * block on it.
     */
    public static int spelledAlike(int code) {
        if (code == 0) {
            return 0;
        }
        MatchKind k = SimCode.kind(code);
        return k == MatchKind.EXACT || k == MatchKind.VARIANT || k == MatchKind.TRANSLITERATED ? code : 0;
    }

    /**
     * Weight of an entry token of class cls: legal forms and titles a fixed low weight, words their rarity
     * (byDf: the {@link TokenStatistics#weightsByFrequency()} table the query was planned with). The scorer,
     * the per-name totals and the candidate bounds all weigh entry tokens through this one rule.
     */
    public static double entryWeight(byte cls, int tokenId, TokenStatistics stats, double[] byDf) {
        return cls == NameTokens.LEGAL_FORM ? Tuning.LEGAL_FORM_WEIGHT
                : cls == NameTokens.TITLE ? Tuning.TITLE_WEIGHT : stats.weightOf(tokenId, byDf);
    }

    /** Token-level part of the explanation. */
    public static List<Explanation.TokenMatch> tokenMatches(QueryPlan plan, Alignment a) {
        List<Explanation.TokenMatch> out = new ArrayList<>();
        String[] q = plan.tokens.tokens();
        String[] e = a.name.tokens.tokens();
        for (int p = 0; p < a.pairCount; p++) {
            long pair = a.pairs[p];
            int qs = qStart(pair);
            int ql = qLength(pair);
            int es = eStart(pair);
            int el = eLength(pair);
            double qw = 0;
            for (int i = qs; i < qs + ql; i++) {
                qw += plan.weights[i];
            }
            double ew = 0;
            for (int j = es; j < es + el; j++) {
                ew += a.entryWeights[j];
            }
            MatchKind kind = SimCode.kind(code(pair));
            if (kind == MatchKind.EXACT && plan.tokens.transliterated()) {
                kind = MatchKind.TRANSLITERATED; // exact only after converting the query's script
            }
            out.add(new Explanation.TokenMatch(List.of(Arrays.copyOfRange(q, qs, qs + ql)),
                    List.of(Arrays.copyOfRange(e, es, es + el)), kind, round(SimCode.sim(code(pair))),
                    round(qw), round(ew)));
        }
        return out;
    }

    public static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    // pair layout, bit 63 down to bit 0:
    //   [63..32] the SimCode (0…0 | sim:14 | kind:4) | [31..24] 0 | [23..16] tiebreak:8 (query weight × 10)
    //   | [15..10] qStart:6 | [9..8] qLen:2 | [7..2] eStart:6 | [1..0] eLen:2
    // so pairs sort by similarity, then kind, then query weight.

    private static long pack(int code, int qs, int ql, int es, int el, double queryWeight) {
        long tiebreak = Math.min(255, Math.round(queryWeight * 10));
        return (long) code << 32 | tiebreak << 16 | (long) qs << 10 | (long) ql << 8 | (long) es << 2 | el;
    }

    private static int code(long pair) {
        return (int) (pair >>> 32);
    }

    private static int qStart(long pair) {
        return (int) (pair >>> 10 & 63);
    }

    private static int qLength(long pair) {
        return (int) (pair >>> 8 & 3);
    }

    private static int eStart(long pair) {
        return (int) (pair >>> 2 & 63);
    }

    private static int eLength(long pair) {
        return (int) (pair & 3);
    }

    private static long[] add(Work w, long[] arr, int index, long value) {
        if (index == arr.length) {
            arr = Arrays.copyOf(arr, arr.length * 2);
            w.pairs = arr;
        }
        arr[index] = value;
        return arr;
    }
}
