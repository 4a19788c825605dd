package io.sanctionsradar.designation.domain;

import jakarta.validation.constraints.Size;

/** A postal address as lists give it: often only a city and a country. */
public record Address(
        @Size(max = 512) String street,
        @Size(max = 256) String city,
        @Size(max = 256) String region,
        @Size(max = 32) String postalCode,
        @CountryCode String country) {
}
