package io.sanctionsradar.screening.watchlist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an operator asks first: how big is the watchlist, how fresh, and how far behind the topic; instanceId says
 * which instance answered, since each holds its own copy.
 */
public record WatchlistStatus(
        String instanceId,
        String watchlistVersion,
        String algorithm,
        boolean loaded,
        int entries,
        int activeEntries,
        int delistedEntries,
        LastEvent lastEvent,
        Long consumerLag,
        String lagError,
        List<PartitionStatus> partitions,
        List<ListStatus> lists) {

    /**
     * One source list as this instance holds it: its entries and the newest listing date among them, which says
     * how fresh the list reached here (compare with designation-service's GET /api/v1/list-sources).
     */
    public record ListStatus(String list, int activeEntries, int delistedEntries, LocalDate newestListedOn) {
    }

    public record LastEvent(String eventId, String type, int partition, long offset, Instant eventTime,
                            Instant appliedAt) {
    }

    public record PartitionStatus(int partition, long nextOffset, Long endOffset, Long lag) {
    }
}
