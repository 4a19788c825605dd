package io.sanctionsradar.designation.service;

import java.util.List;

/** A request the domain refuses, with why; the API turns it into problem+json with the matching status. */
public class RequestRejected extends RuntimeException {

    public enum Reason { INVALID, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, UNPROCESSABLE }

    public record FieldError(String field, String message) {
    }

    private final Reason reason;
    private final List<FieldError> fieldErrors;

    public RequestRejected(Reason reason, String detail) {
        this(reason, detail, List.of());
    }

    public RequestRejected(Reason reason, String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.reason = reason;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static RequestRejected invalid(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
        return new RequestRejected(Reason.INVALID, "Invalid value for: " + fields, errors);
    }

    public static RequestRejected notFound(String what) {
        return new RequestRejected(Reason.NOT_FOUND, what + " does not exist");
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
