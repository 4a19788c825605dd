package io.sanctionsradar.support.errors;

/** One field of a request at fault, and what is wrong with it. */
public record FieldError(String field, String message) {
}
