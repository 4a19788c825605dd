package io.sanctionsradar.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes an outbox relay once the transaction that wrote outbox rows has committed: not before, when the relay
 * could not see the rows yet, and not at all on a rollback. Every writer of an outbox calls it, so no caller has
 * to remember to wake the relay by hand; a transaction that writes many rows (a list import) wakes it once.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A relay's entry among the current transaction's resources: registered once per transaction. */
    private record Pending(Object relay) {
    }

    /**
     * Runs {@code wake}, the wake-up of {@code relay}, after a commit of the current transaction (which must exist),
     * once however many times it is asked in that transaction.
     */
    public void wake(Object relay, Runnable wake) {
        Pending pending = new Pending(relay);
        if (transactions.getResource(pending) != null) {
            return;
        }
        transactions.putResource(pending, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake.run();
                }
            }
        });
    }
}
