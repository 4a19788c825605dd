package io.sanctionsradar.support.messaging;

import io.smallrye.mutiny.Uni;

import java.util.List;

/** A service's outbox table, as its {@link RelayLoop} publishes it; every call runs in the relay's transaction. */
public interface OutboxRows<R> {

    /** Locks up to {@code limit} unpublished rows, oldest first, skipping rows another instance has locked. */
    List<R> claimUnpublished(int limit);

    /** Hands one row to the broker; the answer completes once the broker acknowledged it. */
    Uni<Void> send(R row);

    /** Marks the rows published, after the broker acknowledged all of them. */
    void markPublished(List<R> batch);
}
