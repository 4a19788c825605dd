package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.MatchKind;
import io.sanctionsradar.matching.normalize.ConsonantSkeleton;
import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.tuning.Tuning;

/**
 * Similarity of two word tokens in [0, 1] with the kind of evidence. The first matching rule wins, so the
 * ladder below is also the calibration: exact 1.0 > listed variant > romanization variant > spelling distance
 * (one edit in five letters = 0.8) > consonant skeleton (one side written in an abjad) > phonetic code.
 */
public final class TokenSimilarity {

    private TokenSimilarity() {
    }

    /** Edits tolerated for a token of this length: none below MIN_FUZZY_LENGTH, 1 up to 7 letters, then 2. */
    public static int maxEdits(int length) {
        if (length < Tuning.MIN_FUZZY_LENGTH) {
            return 0;
        }
        return length < Tuning.TWO_EDITS_FROM_LENGTH ? 1 : 2;
    }

    /** Result holder: similarity and kind; a new instance per call keeps this allocation-light and thread-safe. */
    public record Result(float sim, MatchKind kind) {
        static final Result NONE = new Result(0f, null);
        public static final Result EXACT = new Result(1f, MatchKind.EXACT);
    }

    /**
     * Similarity of query token q with indexed string e; the consonant skeleton counts when one side was written
     * in an abjad (the query, or some listed name holding e), with the vowels that side writes found in the other.
     */
    public static Result compare(TokenFeatures q, TokenFeatures e, boolean abjadQuery, boolean abjadEntry) {
        if (q.token.equals(e.token)) {
            return Result.EXACT;
        }
        int lq = q.token.length();
        int le = e.token.length();
        if (lq == 1 || le == 1) {
            boolean initial = lq != le && (lq == 1 ? e.token.charAt(0) == q.token.charAt(0) : q.token.charAt(0) == e.token.charAt(0))
                    && Character.isLetter(q.token.charAt(0));
            return initial ? new Result(Tuning.INITIAL_SIM, MatchKind.INITIAL) : Result.NONE;
        }
        if (q.group != null && q.group.equals(e.group)) {
            return new Result(Tuning.VARIANT_SIM, MatchKind.VARIANT);
        }
        if (q.fold.length() >= Tuning.MIN_FOLD_LENGTH && q.fold.equals(e.fold)) {
            return new Result(Tuning.FOLD_SIM, MatchKind.TRANSLITERATED);
        }
        if (q.pinyinSyllable && e.pinyinSyllable) {
            return Result.NONE; // two different syllables are two different characters, however alike (Pinyin)
        }
        float best = 0f;
        MatchKind kind = null;
        int maxLen = Math.max(lq, le);
        int k = maxEdits(maxLen);
        if (Math.min(lq, le) >= Tuning.MIN_FUZZY_LENGTH - 1 && Math.abs(lq - le) <= k) {
            int d = EditDistance.damerauLevenshtein(q.token, e.token, k);
            if (d <= k) {
                float s = 1f - (float) d / maxLen;
                if (s >= Tuning.MIN_FUZZY_SIM) {
                    best = s;
                    kind = MatchKind.FUZZY;
                }
            }
        }
        float skeleton = abjadQuery || abjadEntry ? skeletonSim(abjadQuery ? q : e, abjadQuery ? e : q) : 0f;
        if (best < skeleton) {
            best = skeleton;
            kind = MatchKind.TRANSLITERATED;
        }
        if (best < Tuning.PHONETIC_SIM && 4 * Math.min(lq, le) >= Tuning.PHONETIC_LENGTH_QUARTERS * maxLen && phoneticEqual(q, e)) {
            best = Tuning.PHONETIC_SIM;
            kind = MatchKind.PHONETIC;
        }
        return kind == null ? Result.NONE : new Result(best, kind);
    }

    /**
     * Skeleton similarity of a word written in an abjad with a Latin one: the same skeleton (the abjad word's h read
     * as in a digraph or alone), and the vowels the abjad side writes in the Latin spelling; a one-consonant word
     * ("adi" / "Uday", "dya" / "Zia") needs vowels in the same gaps on both sides, as a single consonant says little.
     */
    private static float skeletonSim(TokenFeatures abjad, TokenFeatures latin) {
        boolean digraphs = abjad.skeleton.equals(latin.skeleton);
        if (latin.skeleton.isEmpty() || !digraphs && !latin.skeleton.equals(abjad.skeletonLiteral)
                || !ConsonantSkeleton.vowelsAgree(abjad.token, latin.token, digraphs)
                || latin.skeleton.length() == 1 && !ConsonantSkeleton.vowelsAgree(latin.token, abjad.token)) {
            return 0f;
        }
        return latin.skeleton.length() >= Tuning.LONG_SKELETON_CLASSES ? Tuning.LONG_SKELETON_SIM : Tuning.SKELETON_SIM;
    }

    public static boolean phoneticEqual(TokenFeatures q, TokenFeatures e) {
        if (q.metaphone == null || e.metaphone == null) {
            return false;
        }
        return q.metaphone.equals(e.metaphone) || q.metaphone.equals(e.metaphoneAlt)
                || (q.metaphoneAlt != null && (q.metaphoneAlt.equals(e.metaphone) || q.metaphoneAlt.equals(e.metaphoneAlt)));
    }
}
