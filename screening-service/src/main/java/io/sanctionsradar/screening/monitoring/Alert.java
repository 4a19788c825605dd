package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A monitored party's hit on a watchlist entry, as stored and as the alerts API shows it. */
public record Alert(UUID alertId, String portfolio, String partyId, int partyVersion, String entryId, int entryVersion,
                    double score, String status, JsonNode party, JsonNode match, JsonNode trigger,
                    String watchlistVersion, String algorithm, double threshold, Instant foundAt,
                    Disposition disposition, Instant clearedAt, String clearedReason, Instant updatedAt) {

    public static final String OPEN = "OPEN";
    public static final String FALSE_POSITIVE = "FALSE_POSITIVE";
    public static final String TRUE_MATCH = "TRUE_MATCH";
    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String CLEARED = "CLEARED";

    /** An analyst's decision. */
    public record Disposition(String decision, String comment, Instant decidedAt) {
    }
}
