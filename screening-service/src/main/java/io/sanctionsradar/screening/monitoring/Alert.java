package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A monitored party's hit on a listed subject, as stored and as the alerts API shows it: raised by one listing
 * (entryId), with the subject's further listings that match the party as evidence.
 */
public record Alert(UUID alertId, String portfolio, String partyId, int partyVersion, String entryId, int entryVersion,
                    double score, String status, JsonNode party, JsonNode match, JsonNode trigger,
                    String watchlistVersion, String algorithm, double threshold, Instant foundAt,
                    Disposition disposition, Instant clearedAt, String clearedReason, Instant updatedAt,
                    String subjectId, List<Evidence> evidence) {

    public static final String OPEN = "OPEN";
    public static final String FALSE_POSITIVE = "FALSE_POSITIVE";
    public static final String TRUE_MATCH = "TRUE_MATCH";
    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String CLEARED = "CLEARED";

    /**
     * A further listing of the alert's subject that matched the party after the alert was raised (another
     * authority listing the same person, say); removedAt once it no longer matches.
     */
    public record Evidence(String entryId, int entryVersion, int partyVersion, double score, JsonNode match,
                           JsonNode trigger, Instant addedAt, Instant updatedAt, Instant removedAt,
                           String removedReason) {
    }

    public Alert withEvidence(List<Evidence> further) {
        return new Alert(alertId, portfolio, partyId, partyVersion, entryId, entryVersion, score, status, party, match,
                trigger, watchlistVersion, algorithm, threshold, foundAt, disposition, clearedAt, clearedReason,
                updatedAt, subjectId, further);
    }

    /** An analyst's decision. */
    public record Disposition(String decision, String comment, Instant decidedAt) {
    }
}
