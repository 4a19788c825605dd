package io.sanctionsradar.support.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes an outbox relay once the transaction that wrote outbox rows has committed: not before, when the relay
 * could not see the rows yet, and not at all on a rollback. Every writer of an outbox calls it, so no caller has
 * to remember to wake the relay by hand.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** {@code wake}: the relay's wake-up, run after a commit of the current transaction (which must exist). */
    public void wake(Runnable wake) {
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
