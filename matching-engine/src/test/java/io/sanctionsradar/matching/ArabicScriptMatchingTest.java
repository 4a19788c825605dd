package io.sanctionsradar.matching;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arabic script against Latin romanizations in both directions: an Arabic-script query finds a Latin listing
 * (hard-cases.jsonl, HeldOutQualityTest), and a Latin query finds a name listed in Arabic script only, in a
 * screening and in the monitoring reverse search. The skeleton never joins two Latin spellings.
 */
class ArabicScriptMatchingTest {

    private static final String ARABIC_ONLY = "محمد حسين طنطاوي"; // Muhammad Husayn Tantawi, vowels not written
    private static List<WatchlistEntry> entries;

    @BeforeAll
    static void load() {
        entries = new ArrayList<>(WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz").entries());
        entries.add(MatchingEngineTest.person("arabic-1", ARABIC_ONLY));
        entries.add(MatchingEngineTest.person("latin-1", "TNTWI, Mhmd Hsn"));
    }

    @Test
    void aLatinQueryFindsANameListedInArabicScriptOnly() {
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(entries);
        List<Match> matches = engine.screen(Query.of("Muhammad Husayn TANTAWI"), MatchingEngine.DEFAULT_THRESHOLD, 3, null);
        assertFalse(matches.isEmpty(), "no match");
        assertEquals("arabic-1", matches.get(0).entryId(), matches.toString());
    }

    @Test
    void aListedLatinNameFindsAMonitoredPartyWrittenInArabicScript() {
        MatchingEngine book = MatchingEngine.reverse();
        List<WatchlistEntry> parties = new ArrayList<>(entries);
        parties.add(new WatchlistEntry("party-1", null, List.of(new EntryName(ARABIC_ONLY, NameKind.PRIMARY, null)),
                List.of(), Set.of()));
        book.replaceAll(parties);
        List<String> ids = book.screenIds(Query.of("TANTAWI, Mohamed Hussein"), MatchingEngine.DEFAULT_THRESHOLD, 10, null);
        assertTrue(ids.contains("party-1"), ids.toString());
    }

    /** The skeleton keys of abjad-born strings reach what scoring every name reaches, for Latin and Arabic queries. */
    @Test
    void indexedScreeningsAgreeWithScoringEveryNameWhenArabicScriptIsListed() {
        List<WatchlistEntry> listed = new ArrayList<>(entries);
        String[] arabic = {"طارق عزيز", "عبد الرحمن ياسين", "سيف الدين فليح حسن طه الراوي", "أبو بكر البغدادي",
                "جمال مصطفى عبد الله سلطان التكريتي", "الاتحاد الاسلامي"};
        for (int i = 0; i < arabic.length; i++) {
            listed.add(MatchingEngineTest.person("arabic-" + (i + 2), arabic[i]));
        }
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(listed);
        for (String q : List.of("Tariq Aziz", "Abdul Rahman Yasin", "Saif al-Din Fulayh Hasan Taha al-Rawi",
                "Abu Bakr al-Baghdadi", "Jamal Mustafa Abdallah Sultan al-Tikriti", "Muhammad Husayn Tantawi",
                "طارق عزيز", "Hussein Mohammed", "Al-Itihaad al-Islamiya", "الاتحاد الاسلامي")) {
            assertEquals(engine.screenExhaustively(Query.of(q), 0.6, 5, null).toString(),
                    engine.screen(Query.of(q), 0.6, 5, null).toString(), q);
        }
    }

    @Test
    void twoLatinSpellingsNeverMeetByTheSkeletonAlone() {
        MatchingEngine engine = new MatchingEngine();
        engine.replaceAll(entries);
        List<Match> matches = engine.screen(Query.of("Muhammad Husayn TANTAWI"), 0.5, 10, null);
        assertTrue(matches.stream().noneMatch(m -> m.entryId().equals("latin-1")), matches.toString());
    }
}
