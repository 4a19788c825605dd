package io.sanctionsradar.support.messaging;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * A service's outbox table, as its {@link RelayLoop} publishes it; rows are claimed and marked in the relay's
 * transaction, which holds the table's {@link OutboxTurn}: no other relay reads or marks its rows meanwhile.
 */
public interface OutboxRows<R> {

    /** Up to {@code limit} unpublished rows, oldest first, locked until the transaction ends. */
    List<R> claimUnpublished(int limit);

    /**
     * Hands one row to the broker; the answer completes once the broker acknowledged it. Called with the relay's
     * transaction suspended, so that no callback thread of the broker client joins it: no database work here.
     */
    Uni<Void> send(R row);

    /** Marks the rows published, after the broker acknowledged all of them. */
    void markPublished(List<R> batch);
}
