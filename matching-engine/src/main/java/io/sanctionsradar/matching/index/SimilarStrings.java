package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.normalize.Reusable;
import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.score.EditDistance;
import io.sanctionsradar.matching.score.NameScorer;
import io.sanctionsradar.matching.score.SimCode;
import io.sanctionsradar.matching.score.TokenSimilarity;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the vocabulary strings similar to a query string through the blocking keys of the {@link Vocabulary}, with
 * their similarity codes, and caches the lookups of recent query strings.
 */
final class SimilarStrings {

    private final Vocabulary vocab;

    SimilarStrings(Vocabulary vocab) {
        this.vocab = vocab;
    }

    /**
     * Lookups of recent query strings: names repeat their words ("Mohammed", "Trading", "Ltd"), and finding
     * the similar vocabulary of a word is the costliest step of a query. Results only depend on the
     * vocabulary, which only grows between clears, so the cache is dropped whenever a new string is interned
     * (writes are exclusive, so no read can race the drop); it is bounded by dropping it when full.
     */
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();
    /**
     * Joined forms apart: two adjacent words of a name are often seen once ("Jamal Haddad"), and a million
     * monitored parties would otherwise flush the words, which repeat, out of {@link #lookups} every few seconds.
     */
    private final ConcurrentHashMap<String, Lookup> joinedLookups = new ConcurrentHashMap<>();

    /** {@link #similar(TokenFeatures, boolean, boolean)} of a query token, through the cache. */
    Lookup similar(String token, boolean abjad, boolean exactOnly) {
        String key = wordKey(token, abjad, exactOnly);
        Lookup l = lookups.get(key);
        if (l == null) {
            TokenFeatures f = new TokenFeatures(token);
            l = remember(lookups, key, new Lookup(f, similar(f, abjad, exactOnly)));
        }
        return l;
    }

    /** {@link #similarSpelling(TokenFeatures, boolean)} of a joined query form, through the cache. */
    Lookup similarSpelling(String joined, boolean abjad) {
        String key = joinedKey(joined, abjad);
        Lookup l = joinedLookups.get(key);
        if (l == null) {
            TokenFeatures f = TokenFeatures.ofJoinedForm(joined);
            l = remember(joinedLookups, key, new Lookup(f, similarSpelling(f, abjad)));
        }
        return l;
    }

    private static String wordKey(String token, boolean abjad, boolean exactOnly) {
        return (exactOnly ? "=" : abjad ? "~" : "-").concat(token);
    }

    private static String joinedKey(String joined, boolean abjad) {
        return (abjad ? "J" : "j").concat(joined);
    }

    private static Lookup remember(Map<String, Lookup> cache, String key, Lookup l) {
        if (Tuning.LOOKUP_CACHE_SIZE > 0) {
            if (cache.size() >= Tuning.LOOKUP_CACHE_SIZE) {
                cache.clear();
            }
            cache.put(key, l);
        }
        return l;
    }

    /**
     * All vocabulary strings similar to q (any rule of {@link TokenSimilarity}), with their similarity codes.
     * Blocking keys make this exhaustive: exact, variant group, fold key, metaphone, skeleton and a deletion
     * neighbourhood that cannot miss a single-token string within the tolerated edit distance (joined forms are
     * only reached through the exact keys, matching what the scorer accepts for them).
     */
    SimMap similar(TokenFeatures q, boolean abjad, boolean exactOnly) {
        SimMap out = new SimMap(32);
        int exact = vocab.id(q.token);
        if (exact >= 0) {
            out.put(exact, SimCode.of(TokenSimilarity.Result.EXACT));
        }
        if (exactOnly) {
            return out;
        }
        if (q.token.length() > 1) {
            consider(q, abjad, vocab.id(q.token.substring(0, 1)), out);
        }
        if (q.group != null) {
            considerAll(q, abjad, vocab.byGroup.get(q.group), out);
        }
        considerAll(q, abjad, vocab.byFold.get(q.fold), out);
        if (q.metaphone != null) {
            considerAll(q, abjad, vocab.byMetaphone.get(q.metaphone), out);
            if (q.metaphoneAlt != null) {
                considerAll(q, abjad, vocab.byMetaphone.get(q.metaphoneAlt), out);
            }
        }
        considerSkeleton(q, abjad, out);
        if (q.token.length() >= Tuning.MIN_FUZZY_LENGTH - 1) {
            fuzzyCandidates(q, abjad, out);
        }
        return out;
    }

    /**
     * Vocabulary strings spelled alike (exact, listed variant, romanization fold, abjad skeleton): what a
     * joined query form ("hik"+"vision") may match; no typo tolerance on top of a join.
     */
    SimMap similarSpelling(TokenFeatures q, boolean abjad) {
        SimMap out = new SimMap(8);
        int exact = vocab.id(q.token);
        if (exact >= 0) {
            out.put(exact, SimCode.of(TokenSimilarity.Result.EXACT));
        }
        if (q.group != null) {
            considerAll(q, abjad, vocab.byGroup.get(q.group), out);
        }
        considerAll(q, abjad, vocab.byFold.get(q.fold), out);
        considerSkeleton(q, abjad, out);
        SimMap alike = new SimMap(out.size());
        out.forEach((id, code) -> {
            if (NameScorer.spelledAlike(code) != 0) {
                alike.put(id, code);
            }
        });
        return alike;
    }

    /** An abjad query word reaches every string of its skeleton, a Latin one the abjad-born strings only. */
    private void considerSkeleton(TokenFeatures q, boolean abjad, SimMap out) {
        if (!q.skeleton.isEmpty()) {
            considerAll(q, abjad, (abjad ? vocab.bySkeleton : vocab.byAbjadSkeleton).get(q.skeleton), out);
        }
        if (abjad && q.skeletonLiteral != null) {
            considerAll(q, abjad, vocab.bySkeleton.get(q.skeletonLiteral), out); // its h read alone
        }
    }

    private void considerAll(TokenFeatures q, boolean abjad, IntList ids, SimMap out) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            consider(q, abjad, ids.get(i), out);
        }
    }

    private void consider(TokenFeatures q, boolean abjad, int id, SimMap out) {
        if (id < 0 || out.containsKey(id)) {
            return;
        }
        int code = SimCode.of(TokenSimilarity.compare(q, vocab.features[id], abjad, vocab.abjadBorn[id]));
        if (code != 0) {
            out.put(id, code);
        }
    }

    /** Visited marks over the vocabulary, one set per running lookup (reads never resize shared state). */
    private static final class Marks {
        int[] seen = new int[0];
        int stamp;
    }

    private final Reusable<Marks> marksInUse = new Reusable<>(Marks::new);

    private void fuzzyCandidates(TokenFeatures q, boolean abjad, SimMap out) {
        Marks marks = marksInUse.take();
        if (marks.seen.length < vocab.size) {
            marks.seen = new int[vocab.size + 1024];
            marks.stamp = 0;
        }
        if (++marks.stamp == 0) { // wrapped: old marks could collide with the new stamp
            Arrays.fill(marks.seen, 0);
            marks.stamp = 1;
        }
        int stamp = marks.stamp;
        int[] seen = marks.seen;
        for (long key : DeletionIndex.keys(q.token, DeletionIndex.budget(q.token.length()))) {
            int v = vocab.byDeletion.find(key);
            if (v == DeletionIndex.ABSENT) {
                continue;
            }
            if (v >= 0) {
                verify(q, abjad, v, seen, stamp, out);
            } else {
                IntList l = vocab.byDeletion.list(v);
                for (int i = 0; i < l.size(); i++) {
                    verify(q, abjad, l.get(i), seen, stamp, out);
                }
            }
        }
        marksInUse.give(marks);
    }

    private void verify(TokenFeatures q, boolean abjad, int id, int[] seen, int stamp, SimMap out) {
        if (seen[id] == stamp) {
            return;
        }
        seen[id] = stamp;
        if (!out.containsKey(id) && withinEdits(q.token, vocab.features[id].token)) {
            consider(q, abjad, id, out);
        }
    }

    /**
     * Strings reached only through deletion keys can match by spelling distance alone (every other rule has its
     * own exact key, already read), so the distance is checked before the full comparison. This is the edit
     * rule the deletion index must never miss a pair of (DeletionIndexTest).
     */
    static boolean withinEdits(String q, String e) {
        int k = TokenSimilarity.maxEdits(Math.max(q.length(), e.length()));
        return k > 0 && EditDistance.damerauLevenshtein(q, e, k) <= k;
    }

    /** Drops the cached lookups: a new string may be similar to a cached query string. */
    void forget() {
        if (!lookups.isEmpty() || !joinedLookups.isEmpty()) {
            lookups.clear();
            joinedLookups.clear();
        }
    }
}
