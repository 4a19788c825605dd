package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.index.PreparedName;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order in which a rebuild inserts entries, for memory locality of the postings and bounds. */
public final class LocalityOrder {

    private LocalityOrder() {
    }

    /**
     * Entries ordered by their primary name's words, each name's commonest word first: names that share a common word
     * then get neighbouring ids, so that reading its postings and bounding its names walks memory in order instead of
     * at random. In a book of a million parties that is a fifth of the reverse pass (docs/benchmarks.md).
     */
    public static Integer[] of(List<List<PreparedName>> prepared) {
        Map<String, Integer> frequency = new HashMap<>();
        for (List<PreparedName> names : prepared) {
            for (String word : primaryWords(names)) {
                frequency.merge(word, 1, Integer::sum);
            }
        }
        Comparator<String> commonestFirst = Comparator.comparingInt((String word) -> -frequency.get(word))
                .thenComparing(Comparator.naturalOrder());
        String[][] keys = new String[prepared.size()][];
        Integer[] order = new Integer[prepared.size()];
        for (int i = 0; i < order.length; i++) {
            keys[i] = primaryWords(prepared.get(i)).clone();
            Arrays.sort(keys[i], commonestFirst);
            order[i] = i;
        }
        Arrays.parallelSort(order, (a, b) -> Arrays.compare(keys[a], keys[b]));
        return order;
    }

    /** The words of an entry's primary name (prepared first), none for an entry without names. */
    private static String[] primaryWords(List<PreparedName> names) {
        return names.isEmpty() ? new String[0] : names.get(0).tokens().tokens();
    }
}
