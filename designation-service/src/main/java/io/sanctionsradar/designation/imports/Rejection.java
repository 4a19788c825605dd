package io.sanctionsradar.designation.imports;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A record of a list file that could not be imported, with where it is and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(Integer line, Integer record, String sourceId, String reason) {

    public static Rejection atLine(int line, String sourceId, String reason) {
        return new Rejection(line, null, sourceId, reason);
    }
}
