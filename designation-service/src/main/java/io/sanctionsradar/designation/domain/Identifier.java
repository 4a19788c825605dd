package io.sanctionsradar.designation.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A document or registration number: passport, national id, tax id, company registration, SWIFT/BIC … */
public record Identifier(
        @NotBlank @Size(max = 256) String kind,
        @NotBlank @Size(max = 128) String number,
        @CountryCode String country,
        @Size(max = 512) String notes) {
}
