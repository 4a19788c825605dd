package io.sanctionsradar.designation.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The person, organization, vessel or aircraft a designation names, as the list describes it. */
public record Subject(
        @NotNull SubjectType type,
        @NotBlank @Size(max = 512) String name,
        @Size(max = 500) List<@Valid @NotNull Alias> aliases,
        @Size(max = 50) List<@NotNull @PartialDate String> birthDates,
        @Size(max = 50) List<@NotBlank @Size(max = 512) String> placesOfBirth,
        @Size(max = 50) List<@NotNull @CountryCode String> nationalities,
        @Size(max = 50) List<@NotNull @CountryCode String> citizenships,
        @Size(max = 200) List<@Valid @NotNull Address> addresses,
        @Size(max = 200) List<@Valid @NotNull Identifier> identifiers,
        @Valid VesselDetails vessel,
        @Valid AircraftDetails aircraft,
        @Size(max = 8192) String remarks) {

    /** Absent lists become empty ones, so that equal content compares equal whatever the client omitted. */
    public Subject {
        aliases = Lists.nullToEmpty(aliases);
        birthDates = Lists.nullToEmpty(birthDates);
        placesOfBirth = Lists.nullToEmpty(placesOfBirth);
        nationalities = Lists.nullToEmpty(nationalities);
        citizenships = Lists.nullToEmpty(citizenships);
        addresses = Lists.nullToEmpty(addresses);
        identifiers = Lists.nullToEmpty(identifiers);
    }
}
