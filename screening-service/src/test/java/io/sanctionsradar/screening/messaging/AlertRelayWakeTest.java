package io.sanctionsradar.screening.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.screening.monitoring.AlertEvents.MatchFound;
import io.sanctionsradar.screening.monitoring.AlertEvents.PartyView;
import io.sanctionsradar.screening.monitoring.AlertEvents.Trigger;
import io.sanctionsradar.screening.monitoring.AlertEvents.TriggerKind;
import io.sanctionsradar.screening.monitoring.AlertStore;
import io.sanctionsradar.screening.screenings.ScreeningResult.MatchView;
import jakarta.enterprise.inject.Vetoed;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Storing an alert wakes the relay by itself once its transaction commits: no caller wakes it by hand. */
@QuarkusTest
class AlertRelayWakeTest {

    @Inject
    AlertStore alerts;

    private final CountingRelay relay = new CountingRelay();

    @BeforeEach
    void countWakeUps() {
        QuarkusMock.installMockForType(relay, AlertRelay.class);
    }

    @Test
    void an_alert_stored_in_a_transaction_wakes_the_relay_when_it_commits() {
        QuarkusTransaction.requiringNew().run(() -> {
            alerts.insert(List.of(found()));
            assertEquals(0, relay.wakeUps.get(), "not before the commit: the relay could not see the row yet");
        });

        assertEquals(1, relay.wakeUps.get());
    }

    @Test
    void a_transaction_storing_alerts_twice_wakes_the_relay_once() {
        QuarkusTransaction.requiringNew().run(() -> {
            alerts.insert(List.of(found()));
            alerts.insert(List.of(found()));
        });

        assertEquals(1, relay.wakeUps.get(), "one commit, one wake-up: a list import writes thousands of rows");
    }

    @Test
    void an_alert_stored_in_a_transaction_that_rolls_back_does_not_wake_the_relay() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            alerts.insert(List.of(found()));
            throw new IllegalStateException("the change the alert belonged to failed");
        }));

        assertEquals(0, relay.wakeUps.get());
    }

    private static MatchFound found() {
        String portfolio = "wake-" + UUID.randomUUID();
        MatchView match = new MatchView(UUID.randomUUID().toString(), 1, "TEST", "T-1", "Wake Trading",
                "Wake Trading", 0.99, "ORGANIZATION", "Test authority", List.of(), List.of(), "ACTIVE", null, null,
                null);
        return new MatchFound(UUID.randomUUID(), portfolio, new PartyView("cust-1", "Wake Trading", null, null, null, 1),
                match, new Trigger(TriggerKind.PARTY_UPSERT, null, null, null, null, 1), "test", "test", 0.8,
                Instant.now(), null);
    }

    /** Counts wake-ups instead of publishing; the poll is left out so that only commits count. */
    @Vetoed // a stand-in, not a second relay bean (the scope annotation is inherited)
    static class CountingRelay extends AlertRelay {
        final AtomicInteger wakeUps = new AtomicInteger();

        @Override
        public void wake() {
            wakeUps.incrementAndGet();
        }

        @Override
        void poll() {
        }
    }
}
