package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.screenings.ScreeningIdentifier;

import java.time.Instant;
import java.util.List;

/** The payloads of {@code screening.parties} (schemas/events/screening.party.*.schema.json). */
public final class PartyEvents {

    public static final String SAVED = "screening.party.saved";
    public static final String DELETED = "screening.party.deleted";

    private PartyEvents() {
    }

    /**
     * A party created or changed, with its details as stored: the whole party, as a compacted topic needs.
     * {@code createdAt} tells one life of a party id from the next (deleted, then created again at version 1).
     */
    public record PartySaved(String portfolio, String partyId, int version, String name, SubjectType type,
                             String birthDate, String country, List<ScreeningIdentifier> identifiers,
                             Instant savedAt, Instant createdAt) {
        static PartySaved of(MonitoredParty p) {
            return new PartySaved(p.portfolio(), p.partyId(), p.version(), p.name(), p.type(), p.birthDate(),
                    p.country(), p.identifiers(), p.updatedAt(), p.createdAt());
        }

        /** The party as the event has it (createdAt is null in events from before it was published). */
        public MonitoredParty party() {
            return new MonitoredParty(portfolio, partyId, name, type, birthDate, country, version,
                    createdAt == null ? savedAt : createdAt, savedAt, identifiers);
        }
    }

    /** A party deleted; {@code createdAt} is that of the life of the party id that ended. */
    public record PartyDeleted(String portfolio, String partyId, Instant createdAt, Instant deletedAt) {
    }
}
