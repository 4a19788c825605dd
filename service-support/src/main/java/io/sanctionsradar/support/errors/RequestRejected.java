package io.sanctionsradar.support.errors;

import java.util.List;

/**
 * A request a service refuses, with why; the message is the detail the client reads. Domain and service code
 * throw one of the kinds below and the API edge answers each with its HTTP status as problem+json.
 */
public abstract sealed class RequestRejected extends RuntimeException
        permits InvalidRequest, NotFound, Conflict, PreconditionFailed, Unprocessable {

    private final List<FieldError> errors;

    RequestRejected(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault; empty when the refusal is about the request as a whole. */
    public List<FieldError> errors() {
        return errors;
    }
}
