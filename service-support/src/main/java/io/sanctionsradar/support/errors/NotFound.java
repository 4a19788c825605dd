package io.sanctionsradar.support.errors;

import java.util.List;

/** What the request names does not exist, or not for this caller. */
public final class NotFound extends RequestRejected {

    public NotFound(String detail) {
        super(detail, List.of());
    }
}
