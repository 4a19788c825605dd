package io.sanctionsradar.designation.domain;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public record VesselDetails(
        @Pattern(regexp = "\\d{7}", message = "must be the 7 digits of an IMO number") String imo,
        @Pattern(regexp = "\\d{9}", message = "must be the 9 digits of an MMSI") String mmsi,
        @Size(max = 16) String callSign,
        @CountryCode String flag,
        @Size(max = 64) String vesselType,
        @PositiveOrZero Long grossTonnage,
        @Size(max = 512) String owner) {
}
