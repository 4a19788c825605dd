package io.sanctionsradar.support.errors;

import java.util.List;

/** The request is valid but the state of what it names does not allow it now. */
public final class Conflict extends RequestRejected {

    public Conflict(String detail) {
        this(detail, List.of());
    }

    public Conflict(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
