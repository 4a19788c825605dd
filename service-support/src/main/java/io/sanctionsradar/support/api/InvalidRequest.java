package io.sanctionsradar.support.api;

import java.util.List;

/** A request the service refuses, with every field at fault (answered as 400 problem+json). */
public class InvalidRequest extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    /** Refused with a detail naming the fields at fault. */
    public InvalidRequest(List<FieldError> errors) {
        this("Invalid value for: " + String.join(", ", errors.stream().map(FieldError::field).toList()), errors);
    }

    public InvalidRequest(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
