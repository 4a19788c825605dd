package io.sanctionsradar.support.errors;

import java.util.List;

/** The request was made against a version of what it names that is no longer the current one. */
public final class PreconditionFailed extends RequestRejected {

    public PreconditionFailed(String detail) {
        super(detail, List.of());
    }
}
