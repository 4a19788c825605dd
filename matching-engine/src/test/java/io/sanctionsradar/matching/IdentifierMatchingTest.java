package io.sanctionsradar.matching;

import io.sanctionsradar.matching.tuning.Tuning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifierMatchingTest {

    private static final Identifier IMO = Identifier.of("IMO", "9074729", null);
    private static final Identifier OTHER_IMO = Identifier.of("IMO", "9187629", null);
    private static final Identifier PASSPORT_RU = Identifier.of("Passport", "AB1234567", "RU");
    private static final Identifier WALLET = Identifier.of("Digital Currency Address - XBT",
            "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null);

    private MatchingEngine engine;

    static WatchlistEntry entry(String id, SubjectType type, String name, Identifier... identifiers) {
        return new WatchlistEntry(id, type, List.of(new EntryName(name, NameKind.PRIMARY, null)), List.of(), Set.of(),
                List.of(identifiers));
    }

    @BeforeEach
    void load() {
        List<WatchlistEntry> all = new ArrayList<>(MatchingEngineTest.background());
        all.add(entry("vessel", SubjectType.VESSEL, "OCEAN GLORY", IMO));
        all.add(entry("person", SubjectType.PERSON, "PETROV, Ivan Sergeyevich", PASSPORT_RU));
        all.add(entry("wallet", SubjectType.PERSON, "KARIMI, Omar", WALLET));
        engine = new MatchingEngine();
        engine.replaceAll(all);
    }

    private static Query query(String name, Identifier... identifiers) {
        return new Query(name, null, null, null, List.of(identifiers));
    }

    @Test
    void anEqualIdentifierMatchesWhateverTheName() {
        List<Match> m = engine.screen(query("Sea Breeze", Identifier.of("IMO", "IMO 907-4729", null)), 0.78, 10, null);
        assertEquals("vessel", m.get(0).entryId());
        assertEquals(1.0, m.get(0).score());
        Explanation x = m.get(0).explanation();
        assertEquals(IMO, x.identifierMatches().get(0).listed());
        assertTrue(x.summary().contains("identifier IMO 9074729 equals listed IMO 9074729"), x.summary());
    }

    @Test
    void anIdentifierAloneIsAQuery() {
        List<Match> m = engine.screen(query(null, WALLET), 0.78, 10, null);
        assertEquals(1, m.size());
        assertEquals("wallet", m.get(0).entryId());
        assertEquals("KARIMI, Omar", m.get(0).matchedName());
        assertEquals(List.of("wallet"), engine.screenIds(query("", WALLET), 0.78, 10, null));
    }

    @Test
    void base58AddressesOfAnotherCaseDoNotMatch() {
        Identifier otherCase = Identifier.of("XBT", WALLET.value().toLowerCase(), null);
        assertTrue(engine.screen(query(null, otherCase), 0.78, 10, null).isEmpty());
    }

    @Test
    void countryScopedIdentifiersNeedAgreeingCountries() {
        assertEquals("person", engine.screen(query(null, Identifier.of("PASSPORT", "ab 1234567", null)), 0.78, 10,
                null).get(0).entryId());
        assertTrue(engine.screen(query(null, Identifier.of("PASSPORT", "AB1234567", "UA")), 0.78, 10, null).isEmpty());
    }

    @Test
    void aNameMatchWithAContradictingIdentifierIsLoweredAndSaysWhy() {
        Match plain = engine.screen(Query.of("Ocean Glory")).get(0);
        Match contradicted = engine.screen(query("Ocean Glory", OTHER_IMO), 0.5, 10, null).get(0);
        assertEquals("vessel", contradicted.entryId());
        assertEquals(plain.score() + Tuning.IDENTIFIER_CONTRADICTION, contradicted.score(), 1e-9);
        Explanation.Adjustment a = contradicted.explanation().adjustments().stream()
                .filter(x -> x.signal().equals("identifier")).findFirst().orElseThrow();
        assertTrue(a.reason().contains("9187629") && a.reason().contains("9074729"), a.reason());
        // another country's passport says nothing against the listed one
        Match otherCountry = engine.screen(query("PETROV, Ivan Sergeyevich",
                Identifier.of("Passport", "XY999", "UA")), 0.5, 10, null).get(0);
        assertEquals(1.0, otherCountry.score());
    }

    @Test
    void theTypeFilterAndTheEntryFilterStillApply() {
        Query person = new Query(null, SubjectType.PERSON, null, null, List.of(IMO));
        assertTrue(engine.screen(person, 0.78, 10, null).isEmpty());
        assertTrue(engine.screen(query(null, IMO), 0.78, 10, id -> !id.equals("vessel")).isEmpty());
        assertEquals(1, engine.screenEntries(query("anything", IMO), 0.78, 10, List.of("vessel"), null).size());
        assertTrue(engine.screenEntries(query("anything", IMO), 0.78, 10, List.of("person"), null).isEmpty());
    }

    @Test
    void removedAndAmendedEntriesLeaveTheIdentifierIndex() {
        engine.upsert(entry("vessel", SubjectType.VESSEL, "OCEAN GLORY", OTHER_IMO));
        assertTrue(engine.screen(query(null, IMO), 0.78, 10, null).isEmpty());
        assertEquals("vessel", engine.screen(query(null, OTHER_IMO), 0.78, 10, null).get(0).entryId());
        engine.remove("vessel");
        assertTrue(engine.screen(query(null, OTHER_IMO), 0.78, 10, null).isEmpty());
    }

    @Test
    void aNewListingWithAMonitoredPartysIdentifierIsAHitInReverse() {
        MatchingEngine book = MatchingEngine.reverse();
        book.replaceAll(List.of(entry("party-1", SubjectType.VESSEL, "Blue Horizon Shipping", IMO),
                entry("party-2", SubjectType.VESSEL, "Red Sun", OTHER_IMO)));
        Query listing = new Query("OCEAN GLORY", SubjectType.VESSEL, null, null, List.of(IMO));
        assertEquals(List.of("party-1"), book.screenIds(listing, 0.78, 10, null));
        Match m = book.screenEntries(listing, 0.78, 10, List.of("party-1"), null).get(0);
        assertEquals(1.0, m.score());
        assertFalse(m.explanation().identifierMatches().isEmpty());
    }
}
