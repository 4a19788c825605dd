package io.sanctionsradar.screening.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchCleared;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;

/**
 * Alerts raised and cleared, by portfolio ({@code alerts_raised_total}, {@code alerts_cleared_total} with the
 * reason): counted once the transaction that stored them commits, so a rolled-back check counts nothing. The
 * portfolios are the bank's configured books, a handful; never a party or a listing in a label.
 */
@ApplicationScoped
class AlertMetrics {

    static final String RAISED = "alerts.raised";
    static final String CLEARED = "alerts.cleared";

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Alerts stored in the current transaction, each with its screening.match.found event. */
    void raised(List<MatchFound> found) {
        if (found.isEmpty()) {
            return;
        }
        afterCommit(() -> found.forEach(f -> Counter.builder(RAISED).tag("portfolio", f.portfolio())
                .description("alerts raised, by portfolio").register(registry).increment()));
    }

    /** Alerts cleared in the current transaction, each with its screening.match.cleared event. */
    void cleared(List<MatchCleared> cleared) {
        if (cleared.isEmpty()) {
            return;
        }
        afterCommit(() -> cleared.forEach(c -> Counter.builder(CLEARED).tag("portfolio", c.portfolio())
                .tag("reason", c.reason().name()).description("alerts cleared, by portfolio and why the hit went away")
                .register(registry).increment()));
    }

    private void afterCommit(Runnable count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
