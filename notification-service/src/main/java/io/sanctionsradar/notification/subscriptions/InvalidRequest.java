package io.sanctionsradar.notification.subscriptions;

import java.util.List;

/** A request the service refuses, with every field at fault (answered as 400 problem+json). */
public class InvalidRequest extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super("Invalid value for: " + String.join(", ", errors.stream().map(FieldError::field).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
