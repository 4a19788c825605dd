package io.sanctionsradar.designation.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * What a countermeasure answers: a designation recorded here, or another state's action named by its
 * authority and date (China's 22 March 2021 countermeasure answers the EU's listings of that day).
 */
public record RespondsTo(
        @Size(max = 64) String designationId,
        @Size(max = 32) String authority,
        LocalDate actionDate,
        @Size(max = 1024) String description) {

    @JsonIgnore
    @AssertTrue(message = "name either a designationId, or an authority with the actionDate of its action")
    public boolean isComplete() {
        return designationId != null && !designationId.isBlank() || authority != null && actionDate != null;
    }
}
