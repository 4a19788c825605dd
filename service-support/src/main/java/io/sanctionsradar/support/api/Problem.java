package io.sanctionsradar.support.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sanctionsradar.support.errors.FieldError;

import java.util.List;

/** An RFC 9457 problem detail; {@code errors} names each offending field of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
