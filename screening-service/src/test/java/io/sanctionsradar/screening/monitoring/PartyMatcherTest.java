package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.matching.Match;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;
import io.sanctionsradar.matching.WatchlistFixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reverse index must propose every party that a forward screening would match to a changed entry: a book made
 * of the labelled dev queries (variations of CSL names and unlisted names), the CSL as the watchlist, and the
 * forward screening of every party as the oracle.
 */
class PartyMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyForwardHitIsAReverseCandidateOfItsEntry() throws Exception {
        WatchlistFixtures.Watchlist wl = WatchlistFixtures.fromClasspath("/matching/us-csl-2022.jsonl.gz");
        MatchingEngine watchlist = new MatchingEngine();
        watchlist.replaceAll(wl.entries());
        List<MonitoredParty> book = book();
        PartyMatcher matcher = new PartyMatcher();
        matcher.replaceAll(book);
        assertEquals(book.size(), matcher.size());

        Map<String, WatchlistEntry> byId = wl.entries().stream()
                .collect(Collectors.toMap(WatchlistEntry::entryId, Function.identity()));
        Map<String, List<MonitoredParty>> hitsByEntry = new HashMap<>();
        for (MonitoredParty party : book) {
            for (Match m : watchlist.screen(new Query(party.name(), party.type(), party.birthDate(), party.country()),
                    MatchingEngine.DEFAULT_THRESHOLD, 25, null)) {
                hitsByEntry.computeIfAbsent(m.entryId(), k -> new ArrayList<>()).add(party);
            }
        }
        assertTrue(hitsByEntry.size() > 500, "the book should hit many entries, hit " + hitsByEntry.size());

        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, List<MonitoredParty>> hit : hitsByEntry.entrySet()) {
            Map<MonitoredParty, Set<String>> candidates = matcher.candidates(List.of(byId.get(hit.getKey())));
            for (MonitoredParty party : hit.getValue()) {
                if (!candidates.getOrDefault(party, Set.of()).contains(hit.getKey())) {
                    missed.add(party.name() + " -> " + byId.get(hit.getKey()).names().get(0).name());
                }
            }
        }
        assertTrue(missed.isEmpty(), missed.size() + " forward hits not proposed: " + missed);
    }

    @Test
    void candidatesFollowUpsertsAndRemovals() {
        PartyMatcher matcher = new PartyMatcher();
        MonitoredParty ivan = party("book-a", "c-1", "Ivan Petrov", 1);
        matcher.upsert(ivan);
        matcher.upsert(party("book-b", "c-1", "Maria Schmidt", 1));
        WatchlistEntry listed = new WatchlistEntry("e-1", SubjectType.PERSON,
                List.of(new io.sanctionsradar.matching.EntryName("PETROV, Ivan Sergeyevich",
                        io.sanctionsradar.matching.NameKind.PRIMARY, null)), List.of(), Set.of());
        assertEquals(Map.of(ivan, Set.of("e-1")), matcher.candidates(List.of(listed)));

        MonitoredParty renamed = party("book-a", "c-1", "Olga Ivanova", 2);
        matcher.upsert(renamed);
        assertEquals(2, matcher.size());
        assertTrue(matcher.candidates(List.of(listed)).isEmpty());
        assertEquals(renamed, matcher.get("book-a", "c-1"));

        matcher.upsert(ivan);
        matcher.remove("book-a", "c-1");
        assertFalse(matcher.candidates(List.of(listed)).containsKey(ivan));
        assertEquals(1, matcher.size());
    }

    @Test
    void aCommonNameProposesEveryPartyThatBearsItNotOnlyTheFirstThousand() {
        PartyMatcher matcher = new PartyMatcher();
        int sameName = 2_500; // more than the engine scores for an ordinary screening
        for (int i = 0; i < sameName; i++) {
            String name = i % 2 == 0 ? "Golden Star Trading" : "Golden Star Trading Co";
            matcher.upsert(party("book-" + i % 5, "c-" + i, name, 1));
        }
        matcher.upsert(party("book-0", "other", "Silver Moon Shipping", 1));
        WatchlistEntry listed = new WatchlistEntry("e-1", SubjectType.ORGANIZATION,
                List.of(new io.sanctionsradar.matching.EntryName("GOLDEN STAR TRADING LLC",
                        io.sanctionsradar.matching.NameKind.PRIMARY, null)), List.of(), Set.of());
        Map<MonitoredParty, Set<String>> candidates = matcher.candidates(List.of(listed));
        assertEquals(sameName, candidates.size());
        assertFalse(candidates.containsKey(matcher.get("book-0", "other")));
    }

    @Test
    void aliasesThatNormalizeAlikeAreSearchedOnceAndProposeWhatEachAliasProposes() {
        assertEquals(MatchingEngine.searchKey("Droukdel  Abdelmalek"), MatchingEngine.searchKey("DROUKDEL ABDELMALEK"));
        assertFalse(MatchingEngine.searchKey("Droukdel Abdelmalek").equals(MatchingEngine.searchKey("Droukdel Abdel Malek")));
        PartyMatcher matcher = new PartyMatcher();
        List<String> book = List.of("Abdelmalek Droukdel", "Abdel Malek Droukdal", "Droukdal Abdelmalek",
                "Abou Mossab Abdelouadoud", "Maria Schmidt");
        for (int i = 0; i < book.size(); i++) {
            matcher.upsert(party("book", "c-" + i, book.get(i), 1));
        }
        List<String> aliases = List.of("DROUKDEL, Abdelmalek", "Droukdel, ABDELMALEK", "DROUKDAL, Abdel Malek",
                "ABDELOUADOUD, Abou Mossab", "abdelouadoud, abou mossab");
        Map<MonitoredParty, Set<String>> oneByOne = new HashMap<>();
        for (String alias : aliases) {
            matcher.candidates(List.of(listed("e-1", alias))).forEach((party, ids) -> oneByOne.put(party, ids));
        }
        List<io.sanctionsradar.matching.EntryName> names = aliases.stream()
                .map(a -> new io.sanctionsradar.matching.EntryName(a,
                        io.sanctionsradar.matching.NameKind.AKA, null)).toList();
        Map<MonitoredParty, Set<String>> together = matcher.candidates(
                List.of(new WatchlistEntry("e-1", SubjectType.PERSON, names, List.of(), Set.of())));
        assertEquals(oneByOne, together);
        assertEquals(4, together.size(), together.keySet().toString());
    }

    private static WatchlistEntry listed(String id, String name) {
        return new WatchlistEntry(id, SubjectType.PERSON, List.of(new io.sanctionsradar.matching.EntryName(
                name, io.sanctionsradar.matching.NameKind.PRIMARY, null)), List.of(), Set.of());
    }

    private static MonitoredParty party(String portfolio, String id, String name, int version) {
        Instant t = Instant.parse("2026-11-23T00:00:00Z");
        return new MonitoredParty(portfolio, id, name, null, null, null, version, t, t);
    }

    /** The dev queries as a customer book, spread over three portfolios. */
    private static List<MonitoredParty> book() throws Exception {
        Path dataDir = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"));
        List<MonitoredParty> book = new ArrayList<>();
        Instant t = Instant.parse("2026-11-23T00:00:00Z");
        for (String line : Files.readAllLines(dataDir.resolve("eval/dev-queries.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = JSON.readTree(line);
            SubjectType type = q.hasNonNull("type") ? SubjectType.valueOf(q.get("type").asText()) : null;
            book.add(new MonitoredParty("book-" + book.size() % 3, q.path("qid").asText(), q.path("name").asText(),
                    type, null, null, 1, t, t));
        }
        return book;
    }
}
