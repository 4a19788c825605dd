package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.domain.SubjectRelation;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Body of a link decision; SubjectLinkService checks what Bean Validation cannot (known, different, a comment). */
public record SubjectLinkRequest(
        @Schema(required = true, description = "the two designations, in any order")
        @Size(min = 2, max = 2) List<@Size(max = 64) String> designationIds,
        @Schema(required = true) SubjectRelation relation,
        @Schema(required = true, description = "why the designations are, or are not, the same subject")
        @Size(max = 2048) String comment) {
}
