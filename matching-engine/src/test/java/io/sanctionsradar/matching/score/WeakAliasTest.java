package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.Explanation;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OFAC's "weak a.k.a." and the UK's low-quality aliases: a hit through one counts for less, and says so. */
class WeakAliasTest {

    private static MatchingEngine engine() {
        MatchingEngine engine = new MatchingEngine();
        engine.upsert(new WatchlistEntry("strong", SubjectType.PERSON, List.of(
                new EntryName("Abu Khalid Hamdan Rashidi", NameKind.PRIMARY, null),
                new EntryName("Khalid Tahir Marzuqi", NameKind.AKA, null)), List.of(), Set.of()));
        engine.upsert(new WatchlistEntry("weak", SubjectType.PERSON, List.of(
                new EntryName("Salim Nasir Qurashi", NameKind.PRIMARY, null),
                new EntryName("Abu Tariq Zubairi", NameKind.WEAK, null)), List.of(), Set.of()));
        return engine;
    }

    @Test
    void anExactHitOnAWeakAliasScoresBelowAnExactHitOnAStrongOne() {
        MatchingEngine engine = engine();
        Match strong = engine.screen(Query.of("Khalid Tahir Marzuqi")).get(0);
        Match weak = engine.screen(Query.of("Abu Tariq Zubairi")).get(0);

        assertEquals("strong", strong.entryId());
        assertEquals("weak", weak.entryId());
        assertEquals(1.0, weak.explanation().nameScore(), 1e-9, "the names themselves are identical");
        assertTrue(weak.score() < strong.score(), weak.score() + " < " + strong.score());
    }

    @Test
    void theExplanationSaysTheAliasIsWeak() {
        Match weak = engine().screen(Query.of("Abu Tariq Zubairi")).get(0);

        List<Explanation.Adjustment> nameKind = weak.explanation().adjustments().stream()
                .filter(a -> a.signal().equals("nameKind")).toList();
        assertEquals(1, nameKind.size(), weak.explanation().adjustments().toString());
        assertTrue(nameKind.get(0).amount() < 0);
        assertTrue(nameKind.get(0).reason().contains("weak alias"), nameKind.get(0).reason());
    }
}
