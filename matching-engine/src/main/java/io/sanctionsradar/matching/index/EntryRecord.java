package io.sanctionsradar.matching.index;

import io.sanctionsradar.matching.WatchlistEntry;

/** One designation and the names it contributes. */
public final class EntryRecord {
    /** swapped in place by {@link CandidateIndex#updateIfSameNames}: the index only depends on the names */
    public WatchlistEntry entry;
    public int[] nameIds = new int[0];
    int[] distinctTokens = new int[0];
    /** See {@link CandidateIndex#strings}: made on the first check, as a monitored party's entry is never checked */
    volatile KnownStrings strings;
    /** The patronymics its names carry, made on first need by score.Patronymics (names swap in place unchanged) */
    public volatile String[] patronymics;

    EntryRecord(WatchlistEntry entry) {
        this.entry = entry;
    }
}
