package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.screenings.ScreeningIdentifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A customer of one portfolio, screened when it is stored; its version increases with every change. */
public record MonitoredParty(String portfolio, String partyId, String name, SubjectType type, String birthDate,
                             String country, int version, Instant createdAt, Instant updatedAt,
                             List<ScreeningIdentifier> identifiers) {
    public MonitoredParty {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A party without identifiers. */
    public MonitoredParty(String portfolio, String partyId, String name, SubjectType type, String birthDate,
                          String country, int version, Instant createdAt, Instant updatedAt) {
        this(portfolio, partyId, name, type, birthDate, country, version, createdAt, updatedAt, List.of());
    }

    /** Its identifiers in canonical form; one a newer rule refuses is left out rather than failing the whole book. */
    public List<Identifier> canonicalIdentifiers() {
        List<Identifier> out = new ArrayList<>(identifiers.size());
        for (ScreeningIdentifier id : identifiers) {
            Identifier.listed(id.type(), id.value(), id.country()).ifPresent(out::add);
        }
        return out;
    }
}
