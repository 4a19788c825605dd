package io.sanctionsradar.designation.domain;

import jakarta.validation.constraints.Size;

public record AircraftDetails(
        @Size(max = 32) String tailNumber,
        @Size(max = 128) String model,
        @Size(max = 64) String serialNumber,
        @Size(max = 512) String operator) {
}
