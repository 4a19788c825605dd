package io.sanctionsradar.matching.score;

import io.sanctionsradar.matching.EntryName;
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

/** A son of Gennady is not the listed son of Anatoly, even through the listed alias without a patronymic. */
class PatronymicsTest {

    private static MatchingEngine engine() {
        MatchingEngine engine = new MatchingEngine();
        engine.upsert(new WatchlistEntry("listed", SubjectType.PERSON, List.of(
                new EntryName("MEDVEDOV, Dmitriy Anatolyevich", NameKind.PRIMARY, null),
                new EntryName("MEDVEDOV, Dmitriy", NameKind.AKA, null)), List.of(), Set.of()));
        engine.upsert(new WatchlistEntry("other", SubjectType.PERSON, List.of(
                new EntryName("KOLOSOV, Artyom Pavlovich", NameKind.PRIMARY, null)), List.of(), Set.of()));
        return engine;
    }

    @Test
    void anotherPatronymicIsAnotherPerson() {
        List<Match> matches = engine().screen(Query.of("Dmitriy Gennadyevich Medvedov"));
        assertEquals(List.of(), matches);
    }

    @Test
    void theSamePatronymicInAnotherRomanizationStillMatches() {
        List<Match> matches = engine().screen(Query.of("Dmitriy Anatolievich Medvedov"));
        assertEquals("listed", matches.get(0).entryId());
    }

    @Test
    void aQueryWithoutPatronymicMatchesAndAContradictionIsExplained() {
        assertEquals("listed", engine().screen(Query.of("Dmitriy Medvedov")).get(0).entryId());
        Match lowered = engine().screen(Query.of("Dmitriy Gennadyevich Medvedov"), 0.3, 5, null).get(0);
        assertTrue(lowered.explanation().summary().contains("patronymics differ"), lowered.explanation().summary());
    }
}
