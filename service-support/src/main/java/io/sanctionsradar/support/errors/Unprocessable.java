package io.sanctionsradar.support.errors;

import java.util.List;

/** Well-formed input that cannot be acted on, such as an idempotency key reused for another request. */
public final class Unprocessable extends RequestRejected {

    public Unprocessable(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
