package io.sanctionsradar.designation.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One obligation a designation imposes. For EXPORT_LICENSE_REQUIRED, {@code licenseRequirement} says for which
 * items ("All items subject to the EAR") and {@code reviewPolicy} how applications are reviewed.
 */
public record Measure(
        @NotNull MeasureType type,
        @Size(max = 1024) String scope,
        @Size(max = 2048) String notes,
        @Size(max = 1024) String licenseRequirement,
        @Size(max = 1024) String reviewPolicy) {
}
