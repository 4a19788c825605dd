package io.sanctionsradar.matching.normalize;

import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.tuning.Tuning;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Precomputed keys of one token, so that token comparison never re-derives them:
 * variant group, romanization fold key, Double Metaphone codes and consonant skeleton.
 */
public final class TokenFeatures {

    /**
     * Shared encoder: configured once here, then only read (encode keeps no per-call state), so concurrent
     * use is safe. Codes are 8 long because the default 4 equates "Christopherjackson" with "Cruzita".
     */
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    static {
        METAPHONE.setMaxCodeLen(Tuning.METAPHONE_CODE_LENGTH);
    }

    public final String token;
    public final String group;
    public final String fold;
    public final String metaphone;
    public final String metaphoneAlt;
    public final String skeleton;
    /** The skeleton with h read alone where the skeleton reads a digraph, or null when it is the same. */
    public final String skeletonLiteral;
    /** A pinyin syllable: it meets another syllable only exactly or as a variant (see {@link Pinyin}). */
    public final boolean pinyinSyllable;

    public TokenFeatures(String token) {
        this(token, true);
    }

    /**
     * A joined query form ("hik"+"vision"): matched by spelling only (see {@link NameScorer#spelledAlike}), so it
     * needs no phonetic code, the costliest key and, for a form that is rarely seen twice, one never reused.
     */
    public static TokenFeatures ofJoinedForm(String joined) {
        return new TokenFeatures(joined, false);
    }

    private TokenFeatures(String token, boolean phonetic) {
        this.token = token;
        this.group = NameVariants.group(token);
        this.fold = NameVariants.foldKey(token);
        if (phonetic && token.length() >= Tuning.MIN_PHONETIC_LENGTH && !isNumeric(token)) {
            String p = METAPHONE.doubleMetaphone(token, false);
            String a = METAPHONE.doubleMetaphone(token, true);
            this.metaphone = p == null || p.isEmpty() ? null : p;
            this.metaphoneAlt = a == null || a.isEmpty() || a.equals(p) ? null : a;
        } else {
            this.metaphone = null;
            this.metaphoneAlt = null;
        }
        this.skeleton = ConsonantSkeleton.key(token);
        this.skeletonLiteral = ConsonantSkeleton.literalKey(token);
        this.pinyinSyllable = Pinyin.isSyllable(token);
    }

    static boolean isNumeric(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
