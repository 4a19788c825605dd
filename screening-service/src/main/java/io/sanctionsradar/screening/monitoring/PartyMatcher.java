package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse index of monitoring: every monitored party's name in a matching engine of its own, so that a changed
 * listing finds the parties it may concern by screening its names against the book, not the book against the
 * whole watchlist. It only proposes candidates; whether a candidate is a hit is decided by screening the party
 * forward, exactly as a screening would, so an alert always agrees with what the screening API answers.
 * Not thread-safe: the caller serializes access (a search uses the pool's threads within one call).
 */
public final class PartyMatcher {

    /**
     * Reverse scores weigh the two sides as the forward check does ({@link MatchingEngine#reverse}) but with the
     * book's token statistics, so they differ from forward scores; candidates are taken well below the alert
     * threshold (a forward name score of 0.70 is the lowest that secondary signals can lift to 0.78).
     * {@code PartyMatcherTest} checks no forward hit is missed.
     */
    static final double CANDIDATE_THRESHOLD = 0.55;
    /** Enough for the most common listed name in a book of millions; the engine prunes long before that. */
    private static final int CANDIDATE_LIMIT = 100_000;

    private final MatchingEngine engine = MatchingEngine.reverse();
    private final Map<String, MonitoredParty> parties = new HashMap<>();

    public static String key(String portfolio, String partyId) {
        return portfolio + '/' + partyId; // '/' cannot occur in a portfolio name
    }

    public void replaceAll(Collection<MonitoredParty> book) {
        parties.clear();
        List<WatchlistEntry> entries = new ArrayList<>(book.size());
        for (MonitoredParty party : book) {
            parties.put(key(party.portfolio(), party.partyId()), party);
            entries.add(entry(party));
        }
        engine.replaceAll(entries);
    }

    public void upsert(MonitoredParty party) {
        parties.put(key(party.portfolio(), party.partyId()), party);
        engine.upsert(entry(party));
    }

    public void remove(String portfolio, String partyId) {
        remove(key(portfolio, partyId));
    }

    public MonitoredParty get(String portfolio, String partyId) {
        return parties.get(key(portfolio, partyId));
    }

    /** The party held under a {@link #key}, or null. */
    public MonitoredParty get(String key) {
        return parties.get(key);
    }

    /** Removes the party held under a {@link #key}, if any. */
    public void remove(String key) {
        if (parties.remove(key) != null) {
            engine.remove(key);
        }
    }

    public Collection<MonitoredParty> all() {
        return parties.values();
    }

    public int size() {
        return parties.size();
    }

    /**
     * The parties any name of these listed entries may match, each with the ids of the entries that may match it.
     * The listed names are screened against the book on every core (a designation may have fifty aliases over the
     * same common words, each a search of its own); the answer is in the same order as screening them one by one.
     */
    public Map<MonitoredParty, Set<String>> candidates(Collection<WatchlistEntry> listed) {
        List<ListedName> names = new ArrayList<>();
        Set<String> searched = new HashSet<>();
        for (WatchlistEntry entry : listed) {
            // the names with the lower threshold first: an alias that normalizes like another of the entry, searched
            // before it, would find the same parties or fewer
            List<EntryName> ordered = new ArrayList<>(entry.names());
            ordered.sort(Comparator.comparingDouble(PartyMatcher::candidateThreshold));
            for (EntryName name : ordered) {
                if (searched.add(entry.entryId() + '\n' + MatchingEngine.searchKey(name.name()))) {
                    names.add(new ListedName(entry.entryId(), entry.type(), name.name(), candidateThreshold(name)));
                }
            }
        }
        // parties of another type are turned away as the forward check turns them away (those that do not say their
        // type are not); birth date and country are weighed by the forward check, not here; only which parties
        // match is needed, not why (a common name matches thousands)
        List<List<String>> matched = (names.size() > 1 ? names.parallelStream() : names.stream())
                .map(n -> engine.screenIds(new Query(n.name(), n.type(), null, null), n.threshold(), CANDIDATE_LIMIT,
                        null))
                .toList();
        Map<MonitoredParty, Set<String>> found = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String key : matched.get(i)) {
                found.computeIfAbsent(parties.get(key), p -> new LinkedHashSet<>()).add(names.get(i).entryId());
            }
        }
        // a party holding one of the listing's identifiers is a candidate whatever the names
        for (WatchlistEntry entry : listed) {
            if (!entry.identifiers().isEmpty()) {
                Query identifiers = new Query(null, entry.type(), null, null, entry.identifiers());
                for (String key : engine.screenIds(identifiers, 1.0, CANDIDATE_LIMIT, null)) {
                    found.computeIfAbsent(parties.get(key), p -> new LinkedHashSet<>()).add(entry.entryId());
                }
            }
        }
        return found;
    }

    private record ListedName(String entryId, SubjectType type, String name, double threshold) {
    }

    /**
     * The candidate threshold of a listed name: as far below the lowest forward name score that can alert through it.
     * A match through a weak alias loses {@link MatchingEngine#nameKindAdjustment} of its score, so its name score
     * must be that much higher to alert.
     */
    public static double candidateThreshold(EntryName name) {
        return CANDIDATE_THRESHOLD - MatchingEngine.nameKindAdjustment(name.kind());
    }

    private static WatchlistEntry entry(MonitoredParty party) {
        return new WatchlistEntry(key(party.portfolio(), party.partyId()), party.type(),
                List.of(new EntryName(party.name(), NameKind.PRIMARY, null)),
                party.birthDate() == null ? List.of() : List.of(party.birthDate()),
                party.country() == null ? Set.of() : Set.of(party.country()), party.canonicalIdentifiers());
    }
}
