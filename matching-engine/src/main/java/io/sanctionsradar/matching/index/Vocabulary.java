package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.normalize.TokenFeatures;
import io.sanctionsradar.matching.tuning.Tuning;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct normalized strings of the indexed names, each with an id: tokens and joined forms (two or three
 * adjacent tokens written together, for joined/split spellings). Per id, in parallel arrays that grow together:
 * the string's features, the names holding it as a token and as a joined form (postings), and whether it is
 * deletion-indexed. Beside them, the blocking keys that find a query string's similar strings without scanning:
 * variant group, romanization fold key, Double Metaphone code, consonant skeleton and a deletion neighbourhood.
 * Strings are never removed until a rebuild clears everything.
 */
final class Vocabulary {

    final Map<String, Integer> ids = new HashMap<>();
    TokenFeatures[] features = new TokenFeatures[1024];
    IntList[] tokenPostings = new IntList[1024];
    IntList[] compoundPostings = new IntList[1024]; // joined pairs and triples
    boolean[] fuzzyIndexed = new boolean[1024];
    /** Strings of a name written in an abjad: a Latin query word may meet them by consonant skeleton. */
    boolean[] abjadBorn = new boolean[1024];
    int size;

    // blocking keys over the vocabulary
    final Map<String, IntList> byGroup = new HashMap<>();
    final Map<String, IntList> byFold = new HashMap<>();
    final Map<String, IntList> byMetaphone = new HashMap<>();
    final Map<String, IntList> bySkeleton = new HashMap<>();
    /** The abjad-born strings by skeleton: what a Latin query word's skeleton may reach (empty for Latin lists). */
    final Map<String, IntList> byAbjadSkeleton = new HashMap<>();
    /** deletion-neighbourhood keys -> single-token vocabulary ids (typo candidates) */
    final DeletionIndex byDeletion = new DeletionIndex();

    /** Told whenever a lookup made before could now miss a string: a new one, or one newly deletion-indexed. */
    private final Runnable grown;

    Vocabulary(Runnable grown) {
        this.grown = grown;
    }

    int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    int intern(TokenFeatures f) {
        String token = f.token;
        Integer existing = ids.get(token);
        if (existing != null) {
            return existing;
        }
        int id = size++;
        if (id == features.length) {
            int cap = features.length * 2;
            features = Arrays.copyOf(features, cap);
            tokenPostings = Arrays.copyOf(tokenPostings, cap);
            compoundPostings = Arrays.copyOf(compoundPostings, cap);
            fuzzyIndexed = Arrays.copyOf(fuzzyIndexed, cap);
            abjadBorn = Arrays.copyOf(abjadBorn, cap);
        }
        features[id] = f;
        grown.run(); // a cached lookup could miss the new string
        tokenPostings[id] = new IntList(2);
        compoundPostings[id] = new IntList(1);
        ids.put(token, id);
        if (f.group != null) {
            byGroup.computeIfAbsent(f.group, k -> new IntList(2)).add(id);
        }
        byFold.computeIfAbsent(f.fold, k -> new IntList(1)).add(id);
        if (f.metaphone != null) {
            byMetaphone.computeIfAbsent(f.metaphone, k -> new IntList(2)).add(id);
            if (f.metaphoneAlt != null) {
                byMetaphone.computeIfAbsent(f.metaphoneAlt, k -> new IntList(2)).add(id);
            }
        }
        if (!f.skeleton.isEmpty()) {
            bySkeleton.computeIfAbsent(f.skeleton, k -> new IntList(2)).add(id);
        }
        return id;
    }

    /**
     * Deletion-indexes a string once it is used as a single token. Joined forms are left out: they are long
     * and the scorer only accepts exact or variant joined forms. The features only grows, so entries are
     * never removed from this index (a string whose names are gone has empty postings).
     */
    void indexDeletions(int id) {
        if (fuzzyIndexed[id] || features[id].token.length() < Tuning.MIN_FUZZY_LENGTH - 1) {
            return;
        }
        fuzzyIndexed[id] = true;
        byDeletion.add(features[id].token, id);
        grown.run(); // a joined form now used alone: cached lookups could miss it within their edits
    }

    /** Marks a string as written in an abjad by some name, so that Latin query words reach it by skeleton. */
    void markAbjad(int id) {
        if (id < 0 || abjadBorn[id] || features[id].skeleton.isEmpty()) {
            return;
        }
        abjadBorn[id] = true;
        byAbjadSkeleton.computeIfAbsent(features[id].skeleton, k -> new IntList(1)).add(id);
        if (features[id].skeletonLiteral != null) {
            byAbjadSkeleton.computeIfAbsent(features[id].skeletonLiteral, k -> new IntList(1)).add(id);
        }
        grown.run(); // a cached Latin lookup could miss it
    }

    /** Drops every string and key. */
    void clear() {
        ids.clear();
        features = new TokenFeatures[1024];
        tokenPostings = new IntList[1024];
        compoundPostings = new IntList[1024];
        fuzzyIndexed = new boolean[1024];
        abjadBorn = new boolean[1024];
        size = 0;
        byGroup.clear();
        byFold.clear();
        byMetaphone.clear();
        bySkeleton.clear();
        byAbjadSkeleton.clear();
        byDeletion.clear();
    }
}
