package io.sanctionsradar.matching.retrieve;

import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.KnownStrings;
import io.sanctionsradar.matching.index.Lookup;
import io.sanctionsradar.matching.index.SimMap;
import io.sanctionsradar.matching.index.TokenStatistics;
import io.sanctionsradar.matching.normalize.NameTokens;
import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.SecondarySignals;
import io.sanctionsradar.matching.tuning.Tuning;

/**
 * A query prepared for scoring: its tokens, "units" (each token, plus each adjacent pair and each triple
 * around a short particle joined, for joined-word matching) with their similar vocabulary strings, and the
 * rarity weight of every token.
 */
public final class QueryPlan {

    /**
     * Similarity codes of every query unit against one vocabulary string (index = unit, 0 = no match), or
     * null when no unit matches it: one lookup per entry token instead of one per (unit, token) pair.
     */
    public interface SimSource {
        int[] codes(int vocabularyId);
    }

    public final Query query;
    public final NameTokens tokens;
    public final int units;
    public final int[] unitStart;
    public final int[] unitLength;
    public final TokenFeatures[] unitFeatures;
    /** Per unit: its similar vocabulary strings (in a plan for known strings, those of them at least). */
    public final SimMap[] unitSims;
    public final double[] weights;
    public final double totalWeight;
    public final boolean hasLegalForm;
    /**
     * The query is one distinctive word: a brand or surname few listed entries carry
     * ("Hikvision"). Its coverage of the query then decides, so every name carrying it matches, shorter names first.
     */
    public final boolean distinctiveAlone;
    /** A word of the query was cut in two listed words ("VladimirPutin" read as "vladimir putin"). */
    public final boolean gluedWordsCut;
    /** Per unit: the query tokens (of the first MAX_TOKENS) it covers. */
    public final long[] unitTokens;
    /** Sum of the weights of the query tokens each unit covers. */
    public final double[] unitWeights;
    /** Largest positive adjustment this query can earn ({@link SecondarySignals#maxBonus}). */
    public final double maxBonus;
    /** The vocabulary strings similar to some unit, with what the units say of each. */
    private final SimilarRows rows;
    public final boolean hasSingleLetter;
    /**
     * Per query token: the heaviest entry token any unit covering it could be aligned with (its similar
     * vocabulary strings; any token for an initial; a legal form for a legal form). Bounds how much of an
     * entry name the query can explain, before the name is looked at. Null in a plan for known strings only.
     */
    public final double[] tokenEntryWeight;
    /** bit c - 'a': the query has the single letter c (an initial that may stand for any word) */
    final int initials;
    /** {@link TokenStatistics#weightsByFrequency()} when the plan was made */
    public final double[] weightByDf;
    /** A search of the monitoring book with a listed name: its names are the side a forward check screens. */
    private final ScreeningDirection direction;

    /**
     * @param gluedWordsCut whether tokens holds a glued word of the query cut in two (see GluedWords)
     * @param rows        a zeroed array at least as long as the vocabulary, this plan's lookup from vocabulary id to
     *                    row (an array read instead of a hash probe per entry token); {@link #release} zeroes it again
     * @param onlyStrings the vocabulary strings of the names to be scored when they are known, each once (checking a
     *                    few entries: rows for these only, each compared with the query's words instead of looking the
     *                    words up in the whole vocabulary, and no {@link #tokenEntryWeight}); null for a search
     * @param direction   whether the query or the indexed names are the screened side (see {@link #share})
     */
    public QueryPlan(Query query, NameTokens tokens, boolean gluedWordsCut, CandidateIndex index, int[] rows,
                     KnownStrings onlyStrings, ScreeningDirection direction) {
        this.query = query;
        this.gluedWordsCut = gluedWordsCut;
        this.direction = direction;
        this.tokens = tokens;
        int n = tokens.size();
        units = n + joinedUnits(tokens);
        unitStart = new int[units];
        unitLength = new int[units];
        unitFeatures = new TokenFeatures[units];
        unitSims = new SimMap[units];
        lookUpUnits(index, onlyStrings);
        hasLegalForm = hasClass(NameTokens.LEGAL_FORM);
        TokenStatistics stats = index.stats;
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = weight(i, index, stats);
        }
        totalWeight = sum(weights);
        distinctiveAlone = direction == ScreeningDirection.FORWARD && isDistinctiveAlone(tokens, index);
        unitWeights = unitWeights();
        maxBonus = SecondarySignals.maxBonus(query);
        unitTokens = unitTokens();
        this.rows = SimilarRows.of(rows, unitSims, unitTokens, unitWeights, onlyStrings);
        hasSingleLetter = hasSingleLetterUnit();
        weightByDf = stats.weightsByFrequency();
        if (onlyStrings == null) {
            this.rows.weighEntries(stats, weightByDf);
            tokenEntryWeight = tokenEntryWeights(stats);
        } else {
            tokenEntryWeight = null;
        }
        initials = initialLetters();
    }

    /** Joined units of the tokens: a pair where a token joins the next, a triple around a short particle. */
    private static int joinedUnits(NameTokens tokens) {
        int compounds = 0;
        for (int i = 0; i < tokens.size(); i++) {
            compounds += (tokens.joinsNext()[i] ? 1 : 0) + (tokens.joinsThree(i) ? 1 : 0);
        }
        return compounds;
    }

    /**
     * Looks each unit up, token by token (each token, then the pair and the triple it starts): in the whole
     * vocabulary for a search, among the given strings for a check (a word not listed needs its whole lookup
     * anyway, for its weight).
     */
    private void lookUpUnits(CandidateIndex index, KnownStrings onlyStrings) {
        int u = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            unitStart[i] = i;
            unitLength[i] = 1;
            boolean exactOnly = exactOnly(i);
            String token = tokens.tokens()[i];
            boolean whole = onlyStrings == null || exactOnly || token.length() < 2 || listedId(token, index) < 0;
            Lookup single = whole ? index.similar(token, tokens.abjad(), exactOnly)
                    : index.similarAmong(token, tokens.abjad(), onlyStrings);
            unitFeatures[i] = single.features();
            unitSims[i] = single.sims();
            for (int span = 2; span <= 3; span++) {
                if (span == 2 ? tokens.joinsNext()[i] : tokens.joinsThree(i)) {
                    unitStart[u] = i;
                    unitLength[u] = span;
                    String form = span == 2 ? tokens.compound(i) : tokens.triple(i);
                    Lookup joined = onlyStrings == null ? index.similarSpelling(form, tokens.abjad())
                            : index.similarSpellingAmong(form, tokens.abjad(), onlyStrings);
                    unitFeatures[u] = joined.features();
                    unitSims[u] = joined.sims();
                    u++;
                }
            }
        }
    }

    private boolean hasClass(byte cls) {
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            any |= tokens.classes()[i] == cls;
        }
        return any;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private double[] unitWeights() {
        double[] w = new double[units];
        for (int k = 0; k < units; k++) {
            for (int i = unitStart[k]; i < unitStart[k] + unitLength[k]; i++) {
                w[k] += weights[i];
            }
        }
        return w;
    }

    private long[] unitTokens() {
        long[] t = new long[units];
        for (int k = 0; k < units; k++) {
            for (int i = unitStart[k]; i < unitStart[k] + unitLength[k] && i < NameTokens.MAX_TOKENS; i++) {
                t[k] |= 1L << i;
            }
        }
        return t;
    }

    private boolean hasSingleLetterUnit() {
        boolean single = false;
        for (int k = 0; k < units; k++) {
            single |= isSingleLetter(k);
        }
        return single;
    }

    private int initialLetters() {
        int letters = 0;
        for (int i = 0; i < tokens.size(); i++) {
            char c = tokens.tokens()[i].charAt(0);
            if (tokens.tokens()[i].length() == 1 && c >= 'a' && c <= 'z') {
                letters |= 1 << (c - 'a');
            }
        }
        return letters;
    }

    private double[] tokenEntryWeights(TokenStatistics stats) {
        int n = tokens.size();
        double[] heaviestOf = new double[n];
        for (int k = 0; k < units; k++) {
            double heaviest = 0;
            SimMap sims = unitSims[k];
            for (int slot = 0; slot < sims.capacity(); slot++) {
                int vid = sims.keyAt(slot);
                if (vid >= 0) {
                    heaviest = Math.max(heaviest, rows.entryWeight[rows.rowOf(vid)]);
                }
            }
            for (int i = unitStart[k]; i < unitStart[k] + unitLength[k]; i++) {
                heaviestOf[i] = Math.max(heaviestOf[i], heaviest);
            }
        }
        for (int i = 0; i < n; i++) {
            if (tokens.tokens()[i].length() == 1) {
                heaviestOf[i] = stats.unknownWeight(); // an initial may stand for any word
            } else if (tokens.classes()[i] == NameTokens.LEGAL_FORM) {
                heaviestOf[i] = Math.max(heaviestOf[i], TokenStatistics.CLASS_WEIGHT);
            }
        }
        return heaviestOf;
    }

    /** Clears this plan's marks from its lookup and answers the lookup, zeroed; call once the query is answered. */
    public int[] release() {
        return rows.release();
    }

    /** Per-unit codes for a vocabulary string from the index lookups, null if no unit matched it. */
    public int[] indexedCodes(int vocabularyId) {
        int row = rows.rowOf(vocabularyId);
        return row < 0 ? null : rows.codes[row];
    }

    /** Best similarity any query unit has with this vocabulary string by the index lookups (0 = none). */
    public float maxIndexedSim(int vocabularyId) {
        int row = rows.rowOf(vocabularyId);
        return row < 0 ? 0f : rows.maxSim[row];
    }

    /** Number of distinct vocabulary strings similar to some unit: rows are numbered 0 to this − 1. */
    public int similarStrings() {
        return rows.vids.length;
    }

    /** The row of a vocabulary string similar to some unit, −1 if none is. */
    public int similarRow(int vocabularyId) {
        return rows.rowOf(vocabularyId);
    }

    /** The vocabulary string of a row. */
    public int rowVid(int row) {
        return rows.vids[row];
    }

    /** Query tokens (of the first MAX_TOKENS) of the units similar to the string of a row. */
    public long rowTokens(int row) {
        return rows.tokens[row];
    }

    /** The heaviest entry weight the string of a row can have (see {@link SimilarRows}); plans for a search. */
    public double rowEntryWeight(int row) {
        return rows.entryWeight[row];
    }

    /** What the units similar to the string of a row weigh in the query, each times its similarity. */
    public double rowQueryWeight(int row) {
        return rows.queryWeight[row];
    }

    /** Best similarity any unit has with the vocabulary string of this row. */
    public float rowMaxSim(int row) {
        return rows.maxSim[row];
    }

    /**
     * Rarity of query token i: its own document frequency when the list knows it; for an unknown token
     * (usually a typo) the weight of the listed token it most resembles, so a typo neither inflates nor
     * deflates the word's importance; the unknown-token maximum otherwise. Of equally resembling tokens, the
     * commonest (the likelier word meant), then the first in alphabetical order: never the order the names were
     * indexed in, so that the same list gives the same scores however it was loaded.
     */
    private double weight(int i, CandidateIndex index, TokenStatistics stats) {
        byte cls = tokens.classes()[i];
        if (cls == NameTokens.LEGAL_FORM) {
            return Tuning.LEGAL_FORM_WEIGHT;
        }
        if (cls == NameTokens.TITLE) {
            return Tuning.TITLE_WEIGHT;
        }
        int id = listedId(tokens.tokens()[i], index);
        if (id >= 0) {
            return stats.weightOf(id);
        }
        int[] best = {0, -1};
        unitSims[i].forEach((vid, code) -> {
            if (stats.documentFrequency(vid) > 0 && index.features(vid).token.length() > 1
                    && (code >>> 4 > best[0] >>> 4
                    || best[1] >= 0 && code >>> 4 == best[0] >>> 4 && likelierMeant(vid, best[1], index))) {
                best[0] = code;
                best[1] = vid;
            }
        });
        return best[1] >= 0 ? stats.weightOf(best[1]) : stats.unknownWeight();
    }

    /** Of two listed strings resembling a typo alike, whether a is the likelier word meant (see {@link #weight}). */
    private static boolean likelierMeant(int a, int b, CandidateIndex index) {
        int dfA = index.stats.documentFrequency(a);
        int dfB = index.stats.documentFrequency(b);
        return dfA != dfB ? dfA > dfB : index.features(a).token.compareTo(index.features(b).token) < 0;
    }

    public int size() {
        return tokens.size();
    }

    /**
     * The query side's share of a name score (see {@link NameScorer#share}), as its direction weighs the two sides
     * ({@link ScreeningDirection#REVERSE}: the share a forward check of the indexed name would give it).
     */
    public double share(double queryTotal, double entryTotal) {
        // a constant share keeps every bound of NameBounds an upper bound (it is largest where E = W)
        return distinctiveAlone ? Tuning.DISTINCTIVE_ALONE_SHARE : direction.queryShare(queryTotal, entryTotal);
    }

    /**
     * One word, long enough and carried by a few listed entries. Alone: beside a legal form or another word it may be
     * a generic word of a company name ("Ooo Transfer"), and the usual share applies.
     */
    private static boolean isDistinctiveAlone(NameTokens tokens, CandidateIndex index) {
        if (tokens.size() != 1 || tokens.classes()[0] != NameTokens.WORD) {
            return false;
        }
        String word = tokens.tokens()[0];
        if (word.length() < Tuning.DISTINCTIVE_MIN_LENGTH) {
            return false;
        }
        int entries = index.stats.documentFrequency(index.vocabularyId(word));
        return entries >= 1 && entries <= Tuning.DISTINCTIVE_MAX_ENTRIES;
    }

    /** The token's vocabulary id when some listed name holds it (its weight is then its own), -1 otherwise. */
    private static int listedId(String token, CandidateIndex index) {
        int id = index.vocabularyId(token);
        return id >= 0 && index.stats.documentFrequency(id) > 0 ? id : -1;
    }

    /** True when the query has the single letter c as a token (it may stand for any word starting with c). */
    public boolean hasInitial(char c) {
        if (c >= 'a' && c <= 'z') {
            return (initials & 1 << (c - 'a')) != 0;
        }
        for (int u = 0; u < tokens.size(); u++) {
            if (isSingleLetter(u) && unitFeatures[u].token.charAt(0) == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether names are aligned with the query optimally instead of greedily (see
     * {@link ScreeningDirection#alignsOptimally}).
     */
    public boolean optimallyAligned() {
        return direction.alignsOptimally();
    }

    /**
     * Whether a unit only matches its own spelling: a title or legal form of a query, when its direction looks
     * titles up exactly (see {@link ScreeningDirection#looksTitlesUpExactly}).
     */
    public boolean exactOnly(int unit) {
        return unit < tokens.size() && tokens.classes()[unit] != NameTokens.WORD && direction.looksTitlesUpExactly();
    }

    public boolean isSingleLetter(int unit) {
        return unitFeatures[unit].token.length() == 1;
    }
}
