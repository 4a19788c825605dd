package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.SimCode;
import io.sanctionsradar.matching.score.TokenSimilarity;
import io.sanctionsradar.matching.tuning.Tuning;

/**
 * Answers a query word's lookup for a few known vocabulary strings (the strings of the names to be checked) by
 * comparing it with each, on the keys {@link KnownStrings} holds as ints, instead of searching the vocabulary.
 */
final class AmongKnownStrings {

    private final Vocabulary vocab;

    AmongKnownStrings(Vocabulary vocab) {
        this.vocab = vocab;
    }

    static final int KEYS = 8;
    private static final int GROUP = 1;
    private static final int PHONETIC = 2;

    KnownStrings of(int[] distinctIds) {
        int[] keys = new int[distinctIds.length * KEYS];
        for (int i = 0; i < distinctIds.length; i++) {
            TokenFeatures e = vocab.features[distinctIds[i]];
            int k = i * KEYS;
            keys[k] = e.token.hashCode();
            keys[k + 1] = e.group == null ? 0 : e.group.hashCode();
            keys[k + 2] = e.fold.hashCode();
            keys[k + 3] = e.skeleton.hashCode();
            keys[k + 4] = e.metaphone == null ? 0 : e.metaphone.hashCode();
            keys[k + 5] = e.metaphoneAlt == null ? 0 : e.metaphoneAlt.hashCode();
            keys[k + 6] = e.token.length();
            // not whether it is deletion-indexed: a joined form listed later as a word becomes so (read live)
            keys[k + 7] = (e.group != null ? GROUP : 0) | (e.metaphone != null ? PHONETIC : 0)
                    | e.token.charAt(0) << 16;
        }
        return new KnownStrings(distinctIds, keys);
    }

    /**
     * {@link SimilarStrings#similar(String, boolean, boolean)} of a word of two letters or more, answered for these vocabulary
     * strings only (distinct): what that lookup would find of them, each tested against the same keys instead of
     * searching the vocabulary. Checking a party against one listing needs a few dozen strings, which every party
     * checked against it compares its words with (kept with the entry); a cached lookup of the word, which holds its
     * similar strings in the whole vocabulary (hundreds for "Muhammad"), is not consulted: probing it for each of
     * the listing's strings costs more than comparing.
     */
    Lookup similarAmong(String token, boolean abjad, KnownStrings strings) {
        int id = vocab.id(token); // a word in the vocabulary has its features there: no phonetic code to derive
        return compared(id >= 0 ? vocab.features[id] : new TokenFeatures(token), abjad, strings, false);
    }

    /** {@link SimilarStrings#similarSpelling(String, boolean)} answered for these vocabulary strings only, as above. */
    Lookup similarSpellingAmong(String joined, boolean abjad, KnownStrings strings) {
        return compared(TokenFeatures.ofJoinedForm(joined), abjad, strings, true);
    }

    /** The strings a word's lookup would reach by its keys, with their codes; spelled alike only for a joined form. */
    private Lookup compared(TokenFeatures q, boolean abjad, KnownStrings strings, boolean joined) {
        SimMap out = new SimMap(8);
        WordKeys keys = new WordKeys(q, abjad);
        int[] ids = strings.ids();
        int[] k = strings.keys();
        for (int i = 0; i < ids.length; i++) {
            if (joined ? keys.spelledKey(k, i * KEYS, vocab, ids[i]) : reachable(keys, k, i * KEYS, ids[i])) {
                TokenFeatures e = vocab.features[ids[i]];
                int code = SimCode.of(TokenSimilarity.compare(q, e, abjad, vocab.abjadBorn[ids[i]]));
                code = joined ? NameScorer.spelledAlike(code) : code;
                if (code != 0) {
                    out.put(ids[i], code);
                }
            }
        }
        return new Lookup(q, out);
    }

    /**
     * True when {@link SimilarStrings#similar(TokenFeatures, boolean, boolean)} of a word of two letters or more reaches this
     * vocabulary string (its keys at {@code at}) through one of its keys; the deletion neighbourhood reaches the
     * deletion-indexed strings within the tolerated edits, and only those (DeletionIndexTest). Ints are compared
     * first, strings only when those agree.
     */
    private boolean reachable(WordKeys q, int[] k, int at, int id) {
        int length = k[at + 6];
        int flags = k[at + 7];
        if (q.spelledKey(k, at, vocab, id)
                || length == 1 && (char) (flags >>> 16) == q.features.token.charAt(0)) {
            return true;
        }
        TokenFeatures f = q.features;
        if (f.metaphone != null && (flags & PHONETIC) != 0 && (q.metaphone == k[at + 4] || q.metaphone == k[at + 5]
                || f.metaphoneAlt != null && (q.metaphoneAlt == k[at + 4] || q.metaphoneAlt == k[at + 5]))
                && TokenSimilarity.phoneticEqual(f, vocab.features[id])) {
            return true;
        }
        int n = f.token.length();
        int edits = TokenSimilarity.maxEdits(Math.max(n, length));
        return n >= Tuning.MIN_FUZZY_LENGTH - 1 && edits > 0 && Math.abs(n - length) <= edits
                && vocab.fuzzyIndexed[id] && SimilarStrings.withinEdits(f.token, vocab.features[id].token);
    }

    /** A word's keys as {@link KnownStrings} holds them, for comparing it with many strings. */
    private static final class WordKeys {
        final TokenFeatures features;
        final boolean abjad;
        final boolean skeletal;
        final int token;
        final int group;
        final int fold;
        final int skeleton;
        final int metaphone;
        final int metaphoneAlt;

        WordKeys(TokenFeatures q, boolean abjad) {
            this.features = q;
            this.abjad = abjad;
            this.skeletal = !q.skeleton.isEmpty();
            token = q.token.hashCode();
            group = q.group == null ? 0 : q.group.hashCode();
            fold = q.fold.hashCode();
            skeleton = q.skeleton.hashCode();
            metaphone = q.metaphone == null ? 0 : q.metaphone.hashCode();
            metaphoneAlt = q.metaphoneAlt == null ? 0 : q.metaphoneAlt.hashCode();
        }

        /**
         * Whether the string with these keys shares a key of {@link SimilarStrings#similarSpelling(TokenFeatures, boolean)} with the
         * word: exact, variant group, fold, abjad skeleton.
         */
        boolean spelledKey(int[] k, int at, Vocabulary vocab, int id) {
            TokenFeatures q = features;
            TokenFeatures[] vocabulary = vocab.features;
            return token == k[at] && q.token.equals(vocabulary[id].token)
                    || q.group != null && (k[at + 7] & GROUP) != 0 && group == k[at + 1]
                    && q.group.equals(vocabulary[id].group)
                    || fold == k[at + 2] && q.fold.equals(vocabulary[id].fold)
                    || skeletal && (abjad || vocab.abjadBorn[id]) && skeleton == k[at + 3]
                    && q.skeleton.equals(vocabulary[id].skeleton)
                    || literalKey(q, vocabulary[id], vocab.abjadBorn[id]);
        }

        /** The abjad side's skeleton with its h read alone: rare enough to compare as strings. */
        private boolean literalKey(TokenFeatures q, TokenFeatures e, boolean abjadBorn) {
            return abjad && q.skeletonLiteral != null && q.skeletonLiteral.equals(e.skeleton)
                    || abjadBorn && e.skeletonLiteral != null && e.skeletonLiteral.equals(q.skeleton);
        }
    }
}
