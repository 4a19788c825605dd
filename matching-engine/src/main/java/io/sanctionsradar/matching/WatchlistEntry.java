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
 */
public record WatchlistEntry(String entryId, SubjectType type, List<EntryName> names,
                             List<String> birthDates, Set<String> countries) {
    public WatchlistEntry {
        names = names == null ? List.of() : List.copyOf(names);
        birthDates = birthDates == null ? List.of() : List.copyOf(birthDates);
        countries = countries == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(countries));
    }
}
