package io.sanctionsradar.designation.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user says about a designation when recording or amending it; the service adds identity, version,
 * status and times to make a {@link Designation}.
 */
public record DesignationDraft(
        @NotBlank @Size(max = 32) String authority,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> programs,
        @Size(max = 512) String legalBasis,
        @NotNull LocalDate listedOn,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                message = "must be a list name of letters, digits, '.', '_' and '-', such as US-OFAC-SDN")
        String sourceList,
        @Size(max = 128) String sourceId,
        @Size(max = 2048) String sourceReference,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Measure> measures,
        @NotNull @Valid Subject subject,
        @Size(max = 100) List<@Valid @NotNull RespondsTo> respondsTo) {

    public DesignationDraft {
        programs = Lists.nullToEmpty(programs);
        measures = Lists.nullToEmpty(measures);
        respondsTo = Lists.nullToEmpty(respondsTo);
    }
}
