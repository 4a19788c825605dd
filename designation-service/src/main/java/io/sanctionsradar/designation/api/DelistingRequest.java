package io.sanctionsradar.designation.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Body of a delisting: the date it takes effect (today if absent) and why (required, DesignationService checks it). */
public record DelistingRequest(LocalDate delistedOn,
                               @Schema(required = true, description = "why the designation ends")
                               @Size(max = 2048) String reason) {
}
