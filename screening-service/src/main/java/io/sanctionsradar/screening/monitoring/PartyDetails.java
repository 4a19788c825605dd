package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.screening.screenings.ScreeningIdentifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a client says about a party: the same signals a screening takes. */
public record PartyDetails(
        @Schema(description = "The party's id in the client's own system; required in bulk upserts, taken from the path otherwise")
        String partyId,
        @Schema(description = "The name as the customer gave it, in any script", maxLength = 512, required = true)
        String name,
        SubjectType type,
        @Schema(description = "YYYY, YYYY-MM or YYYY-MM-DD")
        String birthDate,
        @Schema(description = "ISO 3166 alpha-2")
        String country,
        @Schema(description = "Identifiers of the party (at most 20): a listing holding an equal one is a hit whatever "
                + "the names")
        List<ScreeningIdentifier> identifiers) {

    public PartyDetails {
        identifiers = identifiers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(identifiers));
    }

    /** A party without identifiers. */
    public PartyDetails(String partyId, String name, SubjectType type, String birthDate, String country) {
        this(partyId, name, type, birthDate, country, List.of());
    }
}
