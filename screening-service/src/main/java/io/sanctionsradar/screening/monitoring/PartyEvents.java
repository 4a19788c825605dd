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

    /** A party created or changed, with its details as stored: the whole party, as a compacted topic needs. */
    public record PartySaved(String portfolio, String partyId, int version, String name, SubjectType type,
                             String birthDate, String country, List<ScreeningIdentifier> identifiers,
                             Instant savedAt) {
        static PartySaved of(MonitoredParty p) {
            return new PartySaved(p.portfolio(), p.partyId(), p.version(), p.name(), p.type(), p.birthDate(),
                    p.country(), p.identifiers(), p.updatedAt());
        }
    }

    public record PartyDeleted(String portfolio, String partyId, Instant deletedAt) {
    }
}
