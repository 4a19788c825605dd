package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.screenings.ScreeningIdentifier;
import io.sanctionsradar.screening.screenings.ScreeningResult.MatchView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payloads of {@code screening.alerts} (schemas/events/screening.match.*.schema.json). */
public final class AlertEvents {

    public static final String FOUND = "screening.match.found";
    public static final String CLEARED = "screening.match.cleared";
    public static final String AMENDED = "screening.match.amended";

    private AlertEvents() {
    }

    /** What caused a screening: a designation event, or a party being stored. */
    public enum TriggerKind { WATCHLIST_CHANGE, PARTY_UPSERT }

    public record Trigger(TriggerKind kind, String eventId, String eventType, String designationId,
                          Integer designationVersion, Integer partyVersion) {
        static Trigger party(int version) {
            return new Trigger(TriggerKind.PARTY_UPSERT, null, null, null, null, version);
        }
    }

    /** Why a hit went away. */
    public enum ClearedReason { DELISTED, AMENDED, PARTY_CHANGED, PARTY_REMOVED }

    /** The party as it was screened; identifiers null (left out of the event) when it has none. */
    public record PartyView(String partyId, String name, SubjectType type, String birthDate, String country,
                            int version, List<ScreeningIdentifier> identifiers) {
        /** A party without identifiers. */
        public PartyView(String partyId, String name, SubjectType type, String birthDate, String country, int version) {
            this(partyId, name, type, birthDate, country, version, null);
        }

        static PartyView of(MonitoredParty p) {
            return new PartyView(p.partyId(), p.name(), p.type(), p.birthDate(), p.country(), p.version(),
                    p.identifiers().isEmpty() ? null : p.identifiers());
        }
    }

    /** A new alert; subjectId names the subject of the matched listing (null only on alerts older than subjects). */
    public record MatchFound(UUID alertId, String portfolio, PartyView party, MatchView match, Trigger trigger,
                             String watchlistVersion, String algorithm, double threshold, Instant foundAt,
                             String subjectId) {
    }

    /** How a further listing of an alert's subject changed the alert's evidence. */
    public enum Amendment { LISTING_ADDED, LISTING_UPDATED, LISTING_REMOVED }

    /**
     * A further listing of the alert's subject began to match the party, matches in a newer version, or stopped
     * matching (then with the reason). party and match are as screened: for a removal, as they were when it matched.
     */
    public record MatchAmended(UUID alertId, String portfolio, String partyId, String subjectId, Amendment change,
                               JsonNode party, JsonNode match, ClearedReason reason, Trigger trigger,
                               String watchlistVersion, double threshold, Instant amendedAt) {
        String entryId() {
            return match.path("entryId").asText();
        }

        int entryVersion() {
            return match.path("entryVersion").asInt();
        }
    }

    public record MatchCleared(UUID alertId, String portfolio, String partyId, int partyVersion, String entryId,
                               int entryVersion, ClearedReason reason, Trigger trigger, Instant foundAt,
                               Instant clearedAt) {
    }
}
