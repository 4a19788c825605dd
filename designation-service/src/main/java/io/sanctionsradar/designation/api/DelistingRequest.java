package io.sanctionsradar.designation.api;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Body of a delisting: the date it takes effect (today if absent) and why. */
public record DelistingRequest(LocalDate delistedOn, @Size(max = 2048) String reason) {
}
