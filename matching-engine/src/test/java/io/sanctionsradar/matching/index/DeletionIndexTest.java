package io.sanctionsradar.matching.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class DeletionIndexTest {

    @Test
    void findsEveryPairWithinTheToleratedEditDistance() {
        Random random = new Random(42);
        List<String> vocabulary = new ArrayList<>();
        DeletionIndex index = new DeletionIndex();
        for (int id = 0; id < 3000; id++) {
            // a three-letter alphabet makes near pairs (transpositions, doubled letters) frequent
            String word = randomWord(random, 3 + random.nextInt(10));
            vocabulary.add(word);
            index.add(word, id);
        }
        for (int trial = 0; trial < 1500; trial++) {
            String base = vocabulary.get(random.nextInt(vocabulary.size()));
            String query = mutate(random, mutate(random, base));
            if (query.length() < 3) {
                continue;
            }
            Set<Integer> found = new HashSet<>();
            for (long key : DeletionIndex.keys(query, DeletionIndex.budget(query.length()))) {
                int v = index.find(key);
                if (v >= 0) {
                    found.add(v);
                } else if (v != DeletionIndex.ABSENT) {
                    IntList l = index.list(v);
                    for (int i = 0; i < l.size(); i++) {
                        found.add(l.get(i));
                    }
                }
            }
            for (int id = 0; id < vocabulary.size(); id++) {
                String word = vocabulary.get(id);
                if (SimilarStrings.withinEdits(query, word)) { // the engine's own edit rule
                    assertTrue(found.contains(id), query + " / " + word);
                }
            }
        }
    }

    private static String randomWord(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(3)));
        }
        return sb.toString();
    }

    /** One random substitution, insertion, deletion or adjacent swap. */
    private static String mutate(Random random, String s) {
        StringBuilder sb = new StringBuilder(s);
        int p = random.nextInt(s.length());
        switch (random.nextInt(4)) {
            case 0 -> sb.setCharAt(p, (char) ('a' + random.nextInt(4)));
            case 1 -> sb.insert(p, (char) ('a' + random.nextInt(4)));
            case 2 -> sb.deleteCharAt(p);
            default -> {
                if (p + 1 < s.length()) {
                    char c = sb.charAt(p);
                    sb.setCharAt(p, sb.charAt(p + 1));
                    sb.setCharAt(p + 1, c);
                }
            }
        }
        return sb.toString();
    }
}
