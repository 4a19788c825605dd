package io.sanctionsradar.support.errors;

import java.util.List;

/** Input that breaks a rule, with every field at fault. */
public final class InvalidRequest extends RequestRejected {

    /** Refused with a detail naming the fields at fault. */
    public InvalidRequest(List<FieldError> errors) {
        this("Invalid value for: " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()),
                errors);
    }

    public InvalidRequest(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    /** Refused for one field. */
    public static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(new FieldError(field, message)));
    }
}
