package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** outbox_depth{topic="screening.alerts"}: the alert events stored and not yet on the topic. */
@QuarkusTest
class AlertOutboxDepthTest {

    @Inject
    AlertRelay relay;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void relayRuns() {
        relay.resume();
    }

    @Test
    void the_depth_counts_events_waiting_for_the_relay_and_falls_to_zero_once_they_are_published() throws SQLException {
        relay.pause();
        String portfolio = "depth-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID alertId = UUID.randomUUID();
            String partyId = "cust-" + i;
            insert(portfolio + "/" + partyId, alertId,
                    AlertEventSamples.found(alertId, portfolio, partyId, UUID.randomUUID()).toString());
        }

        assertTrue(depth() >= 3, "the three events wait: " + depth());
        assertEquals(unpublished(), depth());

        relay.resume();
        relay.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> depth() == 0);
    }

    private double depth() {
        return registry.get("outbox.depth").tag("topic", "screening.alerts").gauge().value();
    }

    private long unpublished() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM alert_outbox WHERE published_at IS NULL");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void insert(String key, UUID alertId, String payload) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO alert_outbox (event_id, event_type, event_key, subject, payload, occurred_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, AlertEventSamples.FOUND);
            insert.setString(3, key);
            insert.setString(4, alertId.toString());
            insert.setString(5, payload);
            insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
