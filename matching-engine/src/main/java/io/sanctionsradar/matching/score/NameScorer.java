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

import static io.sanctionsradar.matching.score.AlignedPairs.code;
import static io.sanctionsradar.matching.score.AlignedPairs.eLength;
import static io.sanctionsradar.matching.score.AlignedPairs.eStart;
import static io.sanctionsradar.matching.score.AlignedPairs.mask;
import static io.sanctionsradar.matching.score.AlignedPairs.pack;
import static io.sanctionsradar.matching.score.AlignedPairs.qLength;
import static io.sanctionsradar.matching.score.AlignedPairs.qStart;

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
        /** Both names hold a patronymic and the two were left unmatched ({@link Patronymics}). */
        public boolean patronymicsDiffer;
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
    static final class Work {
        long[] pairs = new long[64];
        final float[] qSim = new float[NameTokens.MAX_TOKENS];
        final float[] eSim = new float[NameTokens.MAX_TOKENS];
        final double[] eWeights = new double[NameTokens.MAX_TOKENS];
        /** the aligned pairs: each takes a token of either side at least, so at most NameTokens.MAX_TOKENS */
        final long[] accepted = new long[NameTokens.MAX_TOKENS];
        // the optimal alignment's search (see OptimalAlignment)
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
        int count = similarPairs(plan, name, sims, w, n, m);
        if (plan.hasLegalForm) {
            count = legalFormPairs(plan, e, w, n, m, count);
        }
        long[] pairs = w.pairs;
        byte[] ec = e.classes();
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
        int acceptedCount = greedy(pairs, count, w.accepted);
        if (plan.optimallyAligned() && count <= Tuning.MAX_OPTIMAL_PAIRS) {
            acceptedCount = OptimalAlignment.optimal(plan, pairs, count, n, share / qTotal, eWeights,
                    (1 - share) / eTotal, w, acceptedCount);
        }
        return nameScore(plan, name, w, acceptedCount, n, m, qTotal, eTotal, share, detail);
    }

    /**
     * The pairs of similar strings, into {@link Work#pairs}: each entry token with each unit similar to it (a joined
     * unit only when spelled alike), each joined pair or triple of the entry with each single unit spelled alike.
     */
    private static int similarPairs(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims, Work w, int n, int m) {
        long[] pairs = w.pairs;
        int count = 0;
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
        return count;
    }

    /** Adds the pairs of two different legal forms: they still agree that both are companies. */
    private static int legalFormPairs(QueryPlan plan, NameTokens e, Work w, int n, int m, int count) {
        long[] pairs = w.pairs;
        byte[] qc = plan.tokens.classes();
        byte[] ec = e.classes();
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
        return count;
    }

    /** The greedy alignment into accepted: pairs by descending similarity, each taking tokens still free. */
    private static int greedy(long[] pairs, int count, long[] accepted) {
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
        return acceptedCount;
    }

    /** The name score of the accepted pairs (1 when every token of both sides is matched exactly). */
    private static double nameScore(QueryPlan plan, NameRecord name, Work w, int acceptedCount, int n, int m,
                                    double qTotal, double eTotal, double share, Alignment detail) {
        long[] accepted = w.accepted;
        double[] eWeights = w.eWeights;
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
        // forward only: in reverse the query is a listed name, whose patronymic the party may lack (or be a surname)
        boolean patronymicsDiffer = !allExact && plan.forward() && Patronymics.contradict(plan.tokens, qSim, n, name.entry);
        if (patronymicsDiffer) { // only lowers a score: every candidate bound stays a bound
            nameScore = Math.max(0, nameScore - Tuning.PATRONYMIC_CONFLICT);
        }
        if (detail != null) {
            detail.patronymicsDiffer = patronymicsDiffer;
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

    private static long[] add(Work w, long[] arr, int index, long value) {
        if (index == arr.length) {
            arr = Arrays.copyOf(arr, arr.length * 2);
            w.pairs = arr;
        }
        arr[index] = value;
        return arr;
    }
}
