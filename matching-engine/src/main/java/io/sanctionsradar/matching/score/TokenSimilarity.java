package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.Explanation.MatchKind;
import io.sanctionsradar.matching.normalize.TokenFeatures;

/**
 * Similarity of two word tokens in [0, 1] with the kind of evidence. The first matching rule wins, so the
 * ladder below is also the calibration: exact 1.0 > listed variant > romanization variant > spelling distance
 * (one edit in five letters = 0.8) > phonetic code > consonant skeleton.
 */
public final class TokenSimilarity {

    /** Known given-name equivalents are near-certain but not identical. */
    static final float VARIANT_SIM = 0.95f;
    /** Same fold key: the same word in two romanization schemes (Yevgeniy/Evgenij). */
    static final float FOLD_SIM = 0.93f;
    /** Consonant skeleton equality: strong only for a vowel-less Arabic/Hebrew rendering. */
    static final float SKELETON_SIM = 0.85f;
    /**
     * Same Double Metaphone code: sounds alike, but codes are coarse ("Thierry Mehta" / "Matteo Taerri"),
     * so a name matched only phonetically stays below the default threshold.
     */
    static final float PHONETIC_SIM = 0.75f;
    /** Below this a spelling match is noise (two edits in a six-letter word). */
    static final float MIN_FUZZY_SIM = 0.70f;
    /** A single letter against a word it could abbreviate ("J" / "John"): weak evidence. */
    public static final float INITIAL_SIM = 0.60f;
    /**
     * Shortest token that may match by spelling distance: one edit in three letters is a different word
     * (but a three-letter token may be a four-letter one with a letter dropped: "Olg" / "Oleg").
     */
    public static final int MIN_FUZZY_LENGTH = 4;

    private TokenSimilarity() {
    }

    /** Edits tolerated for a token of this length: 1 up to 7 letters, then 2 (typos in two places). */
    public static int maxEdits(int length) {
        if (length < MIN_FUZZY_LENGTH) {
            return 0;
        }
        return length < 8 ? 1 : 2;
    }

    /** Result holder: similarity and kind; a new instance per call keeps this allocation-light and thread-safe. */
    public record Result(float sim, MatchKind kind) {
        static final Result NONE = new Result(0f, null);
        public static final Result EXACT = new Result(1f, MatchKind.EXACT);
    }

    public static Result compare(TokenFeatures q, TokenFeatures e, boolean abjadQuery) {
        if (q.token.equals(e.token)) {
            return Result.EXACT;
        }
        int lq = q.token.length();
        int le = e.token.length();
        if (lq == 1 || le == 1) {
            boolean initial = lq != le && (lq == 1 ? e.token.charAt(0) == q.token.charAt(0) : q.token.charAt(0) == e.token.charAt(0))
                    && Character.isLetter(q.token.charAt(0));
            return initial ? new Result(INITIAL_SIM, MatchKind.INITIAL) : Result.NONE;
        }
        if (q.group != null && q.group.equals(e.group)) {
            return new Result(VARIANT_SIM, MatchKind.VARIANT);
        }
        if (q.fold.length() >= 3 && q.fold.equals(e.fold)) {
            return new Result(FOLD_SIM, MatchKind.TRANSLITERATED);
        }
        float best = 0f;
        MatchKind kind = null;
        int maxLen = Math.max(lq, le);
        int k = maxEdits(maxLen);
        if (Math.min(lq, le) >= MIN_FUZZY_LENGTH - 1 && Math.abs(lq - le) <= k) {
            int d = EditDistance.damerauLevenshtein(q.token, e.token, k);
            if (d <= k) {
                float s = 1f - (float) d / maxLen;
                if (s >= MIN_FUZZY_SIM) {
                    best = s;
                    kind = MatchKind.FUZZY;
                }
            }
        }
        if (best < SKELETON_SIM && abjadQuery && q.skeleton.length() >= 2 && q.skeleton.equals(e.skeleton)) {
            best = SKELETON_SIM;
            kind = MatchKind.TRANSLITERATED;
        }
        if (best < PHONETIC_SIM && 4 * Math.min(lq, le) >= 3 * maxLen && phoneticEqual(q, e)) {
            best = PHONETIC_SIM;
            kind = MatchKind.PHONETIC;
        }
        return kind == null ? Result.NONE : new Result(best, kind);
    }

    public static boolean phoneticEqual(TokenFeatures q, TokenFeatures e) {
        if (q.metaphone == null || e.metaphone == null) {
            return false;
        }
        return q.metaphone.equals(e.metaphone) || q.metaphone.equals(e.metaphoneAlt)
                || (q.metaphoneAlt != null && (q.metaphoneAlt.equals(e.metaphone) || q.metaphoneAlt.equals(e.metaphoneAlt)));
    }
}
