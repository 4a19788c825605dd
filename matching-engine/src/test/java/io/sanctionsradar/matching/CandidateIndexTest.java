package io.sanctionsradar.matching;

import io.sanctionsradar.matching.index.CandidateIndex;
import io.sanctionsradar.matching.index.KnownStrings;
import io.sanctionsradar.matching.index.SimMap;

import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandidateIndexTest {

    /**
     * Checking a party against one listing compares its words with that listing's strings instead of looking them
     * up in the vocabulary; over the whole vocabulary, both must find the same strings with the same codes, for
     * listed words, typos of them and joined forms, in Latin and abjad queries.
     */
    @Test
    void aLookupAmongGivenStringsFindsWhatTheVocabularyLookupFindsOfThem() {
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz").entries());
        CandidateIndex index = engine.indexForTest();
        KnownStrings everything = index.stringsOf(IntStream.range(0, index.vocabularySize()).toArray());
        Random random = new Random(12);
        List<String> words = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            String a = index.features(random.nextInt(index.vocabularySize())).token;
            String b = index.features(random.nextInt(index.vocabularySize())).token;
            if (a.length() >= 2) {
                words.add(k % 2 == 0 ? a : OracleAgreementTest.typo(a, random));
            }
            joined.add(a.concat(b));
            if (a.length() >= 6) {
                joined.add(a.substring(0, 3).concat(a.substring(3))); // a listed word, as if written in two
            }
        }
        for (boolean abjad : new boolean[] {false, true}) {
            // compared first: a vocabulary lookup is cached, and the comparison answers a cached lookup as it is
            List<SimMap> among = words.stream().map(w -> index.similarAmong(w, abjad, everything).sims()).toList();
            List<SimMap> amongJoined = joined.stream()
                    .map(j -> index.similarSpellingAmong(j, abjad, everything).sims()).toList();
            int found = 0;
            for (int k = 0; k < words.size(); k++) {
                found += assertSame(words.get(k), index.similar(words.get(k), abjad, false).sims(), among.get(k));
            }
            for (int k = 0; k < joined.size(); k++) {
                assertSame(joined.get(k), index.similarSpelling(joined.get(k), abjad).sims(), amongJoined.get(k));
            }
            assertTrue(found > 2 * words.size(), "typos and variants find more than the word itself: " + found);
        }
    }

    private static int assertSame(String word, SimMap expected, SimMap actual) {
        assertEquals(expected.size(), actual.size(), word);
        expected.forEach((vid, code) -> assertEquals(code, actual.get(vid), word + " / " + vid));
        return actual.size();
    }
}
