package io.sanctionsradar.matching;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A designation as the engine sees it.
 *
 * @param birthDates partial dates "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * @param countries  ISO 3166 alpha-2 codes (nationality, citizenship, address), kept sorted: an explanation lists
 *                   them, and must read the same on every JVM
 * @param identifiers listed documents, registrations and addresses (an equal query identifier is a match)
 */
public record WatchlistEntry(String entryId, SubjectType type, List<EntryName> names,
                             List<String> birthDates, Set<String> countries, List<Identifier> identifiers) {
    public WatchlistEntry {
        names = names == null ? List.of() : List.copyOf(names);
        birthDates = birthDates == null ? List.of() : List.copyOf(birthDates);
        countries = countries == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(countries));
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** An entry without identifiers. */
    public WatchlistEntry(String entryId, SubjectType type, List<EntryName> names, List<String> birthDates,
                          Set<String> countries) {
        this(entryId, type, names, birthDates, countries, List.of());
    }
}
