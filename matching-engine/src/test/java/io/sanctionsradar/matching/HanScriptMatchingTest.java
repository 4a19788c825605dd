package io.sanctionsradar.matching;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chinese names between Han script and pinyin, in both directions: the family name first or last, the given name's
 * syllables joined or split; and a different character of the same pinyin is a homophone (found), one of another
 * syllable is another name (not found).
 */
class HanScriptMatchingTest {

    private static MatchingEngine engine;

    @BeforeAll
    static void load() {
        List<WatchlistEntry> entries = new ArrayList<>(
                WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz").entries());
        entries.add(MatchingEngineTest.person("han-only", "朱海仑")); // Zhu Hailun, listed in Han script only
        entries.add(MatchingEngineTest.person("split", "CHEN Ming Guo"));
        engine = new MatchingEngine();
        engine.replaceAll(entries);
    }

    private static List<String> ids(String query) {
        return engine.screen(Query.of(query), MatchingEngine.DEFAULT_THRESHOLD, 5, null).stream()
                .map(Match::entryId).toList();
    }

    @Test
    void latinSpellingsFindANameListedInHanScript() {
        for (String q : List.of("Zhu Hailun", "ZHU, Hailun", "Hailun Zhu", "Zhu Hai Lun", "ZHU Hai-lun")) {
            assertTrue(ids(q).contains("han-only"), q + ": " + ids(q));
        }
    }

    @Test
    void hanScriptFindsJoinedAndSplitPinyin() {
        assertTrue(ids("陈明国").contains("split"), ids("陈明国").toString());
        assertTrue(ids("陳明國").contains("split"), "traditional characters: " + ids("陳明國"));
    }

    @Test
    void anotherSyllableIsAnotherName() {
        assertEquals(List.of(), ids("陈平国").stream().filter(id -> id.equals("split")).toList()); // ping, not ming
    }
}
