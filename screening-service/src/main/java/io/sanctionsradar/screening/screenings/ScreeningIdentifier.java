package io.sanctionsradar.screening.screenings;

import io.sanctionsradar.matching.Identifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An identifier of the screened party as the client gives it; {@link #canonical()} once {@link QueryRules} passed it. */
@Schema(description = "A document, registration or address number: equal to a listed one after normalization, it is "
        + "a match scored 1.0 whatever the name; of the same scheme and country but different, it lowers a name match")
public record ScreeningIdentifier(
        @Schema(description = "PASSPORT, NATIONAL_ID, TAX_ID, REGISTRATION, BIC, IMO, MMSI, AIRCRAFT_TAIL, "
                + "AIRCRAFT_SERIAL, CRYPTO_ADDRESS or OTHER; the lists' own kinds (\"National ID No.\", "
                + "\"Digital Currency Address - XBT\", \"XBT\") are understood too", required = true, maxLength = 128)
        String type,
        @Schema(description = "The number as written; case, spaces, dashes and dots do not matter except in "
                + "case-sensitive (base58) currency addresses; IMO check digits and BIC structure are checked",
                required = true, maxLength = 128)
        String value,
        @Schema(description = "ISO 3166 alpha-2 of the issuing country, for passports, national ids, tax and "
                + "registration numbers")
        String country) {

    /** The canonical identifier (see {@link Identifier#of}). */
    public Identifier canonical() {
        return Identifier.of(type, value, country);
    }
}
