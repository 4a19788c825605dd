package io.sanctionsradar.screening.monitoring;

import io.sanctionsradar.matching.SubjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        String country) {
}
