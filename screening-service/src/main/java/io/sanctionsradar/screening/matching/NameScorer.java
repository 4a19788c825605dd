package io.sanctionsradar.screening.matching;

import io.sanctionsradar.screening.matching.CandidateIndex.NameRecord;
import io.sanctionsradar.screening.matching.Explanation.MatchKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores one query against one indexed name: an order-independent, one-to-one greedy alignment of tokens
 * (single tokens, or two or three adjacent tokens against one for joined/split spellings), then
 * nameScore = share * queryCoverage + (1 - share) * entryCoverage, where each coverage is the
 * rarity-weighted share of that side's tokens explained by the other side, times the token similarity.
 */
final class NameScorer {

    /**
     * The two coverages are mixed in proportion to each side's total weight (a weighted Dice coefficient), so
     * a query of common words ("Trading International Company") cannot carry a name with a rare word it
     * lacks; the share is clamped so that the query side always counts at least half (an unexplained query
     * word is evidence against the match, an entry word the query omits is only missing evidence) and at
     * most MAX_QUERY_SHARE (a long query still has to explain the entry).
     */
    static final double MIN_QUERY_SHARE = 0.45;
    static final double MAX_QUERY_SHARE = 0.75;
    /** Two different legal forms (Ltd vs LLC) still say "this is a company". */
    static final float LEGAL_FORM_MISMATCH_SIM = 0.5f;
    /** Longer names are truncated for alignment (bit masks); no listed name comes close. */
    static final int MAX_TOKENS = 63;

    /** Result of aligning a query with one name. */
    static final class Alignment {
        final NameRecord name;
        double nameScore;
        double queryCoverage;
        double entryCoverage;
        long[] pairs;
        int pairCount;
        double[] entryWeights;
        float[] querySims;
        float[] entrySims;

        Alignment(NameRecord name) {
            this.name = name;
        }
    }

    private NameScorer() {
    }

    /** Per-thread buffers: scoring a candidate allocates nothing unless its details are asked for. */
    private static final class Work {
        long[] pairs = new long[64];
        final float[] qSim = new float[MAX_TOKENS];
        final float[] eSim = new float[MAX_TOKENS];
        final double[] eWeights = new double[MAX_TOKENS];
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /** Name score only (no explanation data), allocation-free: the path every candidate takes. */
    static double score(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims, TokenStatistics stats) {
        return run(plan, name, sims, stats, WORK.get(), null);
    }

    /** Full alignment with the token pairs and weights an explanation needs. */
    static Alignment align(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims,
                           TokenStatistics stats) {
        Alignment a = new Alignment(name);
        run(plan, name, sims, stats, WORK.get(), a);
        return a;
    }

    private static double run(QueryPlan plan, NameRecord name, QueryPlan.SimSource sims, TokenStatistics stats,
                              Work w, Alignment detail) {
        NameTokens e = name.tokens;
        int n = Math.min(plan.size(), MAX_TOKENS);
        int m = Math.min(e.size(), MAX_TOKENS);
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
                        pairs = add(w, pairs, count++, pack(SimCode.of(LEGAL_FORM_MISMATCH_SIM, MatchKind.LEGAL_FORM),
                                i, 1, j, 1, plan.weights[i]));
                    }
                }
            }
        }
        Arrays.sort(pairs, 0, count);
        long qUsed = 0;
        long eUsed = 0;
        float[] qSim = w.qSim;
        float[] eSim = w.eSim;
        Arrays.fill(qSim, 0, n, 0f);
        Arrays.fill(eSim, 0, m, 0f);
        long[] accepted = detail == null ? null : new long[Math.min(count, Math.max(n, m))];
        int acceptedCount = 0;
        for (int p = count - 1; p >= 0; p--) { // descending similarity
            long pair = pairs[p];
            int qs = qStart(pair);
            int es = eStart(pair);
            long qMask = ((1L << qLength(pair)) - 1) << qs;
            long eMask = ((1L << eLength(pair)) - 1) << es;
            if ((qUsed & qMask) != 0 || (eUsed & eMask) != 0) {
                continue;
            }
            qUsed |= qMask;
            eUsed |= eMask;
            float s = (float) SimCode.sim(code(pair));
            for (int i = qs; i < qs + qLength(pair); i++) {
                qSim[i] = s;
            }
            for (int j = es; j < es + eLength(pair); j++) {
                eSim[j] = s;
            }
            if (detail != null) {
                if (acceptedCount == accepted.length) {
                    accepted = Arrays.copyOf(accepted, acceptedCount * 2 + 1);
                }
                accepted[acceptedCount++] = pair;
            }
        }
        double qWeighted = 0;
        double qTotal = 0;
        boolean allExact = true;
        for (int i = 0; i < n; i++) {
            qWeighted += plan.weights[i] * qSim[i];
            qTotal += plan.weights[i];
            allExact &= qSim[i] == 1f;
        }
        double[] eWeights = w.eWeights;
        double eWeighted = 0;
        double eTotal = 0;
        for (int j = 0; j < m; j++) {
            eWeights[j] = entryWeight(ec[j], name.tokenIds[j], stats, plan.weightByDf);
            eWeighted += eWeights[j] * eSim[j];
            eTotal += eWeights[j];
            allExact &= eSim[j] == 1f;
        }
        double queryCoverage = qTotal > 0 ? qWeighted / qTotal : 0;
        double entryCoverage = eTotal > 0 ? eWeighted / eTotal : 0;
        double share = share(qTotal, eTotal);
        double nameScore = allExact ? 1.0 : Math.min(1.0, share * queryCoverage + (1 - share) * entryCoverage);
        if (detail != null) {
            detail.queryCoverage = queryCoverage;
            detail.entryCoverage = entryCoverage;
            detail.nameScore = nameScore;
            detail.pairs = accepted;
            detail.pairCount = acceptedCount;
            detail.entryWeights = Arrays.copyOf(eWeights, m);
            detail.querySims = Arrays.copyOf(qSim, n);
            detail.entrySims = Arrays.copyOf(eSim, m);
        }
        return nameScore;
    }

    /** Weight of the query side in the score, from both sides' total token weights (see MIN_QUERY_SHARE). */
    static double share(double queryTotal, double entryTotal) {
        return Math.max(MIN_QUERY_SHARE, Math.min(MAX_QUERY_SHARE, queryTotal / (queryTotal + entryTotal)));
    }

    /**
     * Words written together on one side and apart on the other only count when spelled alike (exact,
     * listed variant, romanization variant): a typo on top of a split is too weak, and the index does not
     * block on it.
     */
    static int spelledAlike(int code) {
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
    static double entryWeight(byte cls, int tokenId, TokenStatistics stats, double[] byDf) {
        return cls == NameTokens.LEGAL_FORM ? TokenStatistics.LEGAL_FORM_WEIGHT
                : cls == NameTokens.TITLE ? TokenStatistics.TITLE_WEIGHT : stats.weightOf(tokenId, byDf);
    }

    /** Token-level part of the explanation. */
    static List<Explanation.TokenMatch> tokenMatches(QueryPlan plan, Alignment a) {
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

    static double round(double v) {
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
