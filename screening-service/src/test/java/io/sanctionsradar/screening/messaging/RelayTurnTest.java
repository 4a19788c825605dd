package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.support.messaging.OutboxTurn;
import io.sanctionsradar.support.messaging.RelayLoop;
import io.sanctionsradar.support.messaging.TopicProvisioner;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.FOUND;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.found;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instances sharing the database each run a relay on alert_outbox; the table's turn lets one publish at a time. A
 * second relay loop on the same table stands for the relay of another instance: its own thread, transactions and
 * connections, on the same PostgreSQL.
 */
@QuarkusTest
class RelayTurnTest {

    private static final String TOPIC = "screening.alerts";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AlertRelay relay;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private RelayLoop otherInstance;

    @AfterEach
    void relaysRun() {
        if (otherInstance != null) {
            otherInstance.stop();
        }
        relay.resume();
    }

    @Test
    void two_relays_on_one_outbox_publish_one_partys_events_once_each_in_outbox_order() throws Exception {
        String key = "turns-" + UUID.randomUUID() + "/cust-1";
        int count = 1_500;
        relay.pause();
        List<String> stored = insert(key, count);
        // smaller batches than this instance's (500): without the turn their rounds would interleave
        otherInstance = RelayLoop.forOutbox("other-alert-relay", relay, new OutboxTurn(dataSource, "alert_outbox"),
                new TopicProvisioner(kafkaConfig, TOPIC, 3, Map.of()), 50, registry);

        relay.resume();
        otherInstance.wake();
        for (int i = 0; i < 20; i++) { // both keep being woken, as commits and polls on two instances would
            Thread.sleep(25);
            relay.wake();
            otherInstance.wake();
        }

        String last = stored.get(count - 1);
        List<String> published;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            published = kafka.readUntil(TOPIC, r -> last.equals(header(r, "ce_id")), WAIT).stream()
                    .filter(r -> key.equals(r.key())).map(r -> header(r, "ce_id")).toList();
        }
        assertEquals(count, published.size(), "each event published once");
        assertEquals(-1, IntStream.range(0, count).filter(i -> !stored.get(i).equals(published.get(i)))
                .findFirst().orElse(-1), "the first event out of outbox order");
        await().atMost(WAIT).until(() -> unpublished(key) == 0);
    }

    @Test
    void while_another_instance_holds_the_turn_nothing_is_published_and_afterwards_all_is() throws Exception {
        String key = "held-" + UUID.randomUUID() + "/cust-1";
        try (Connection otherInstanceRelay = dataSource.getConnection()) {
            otherInstanceRelay.setAutoCommit(false);
            assertTrue(new OutboxTurn(dataSource, "alert_outbox").tryTake(otherInstanceRelay), "the turn was free");
            assertTurns(false, true); // held for alert_outbox only: party_outbox is another lock
            List<String> stored = insert(key, 3);

            relay.wake();

            // longer than the poll interval (2s): neither the wake-up nor the poll publishes while the turn is held
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> unpublished(key) == 3);
            otherInstanceRelay.commit(); // the other instance's batch is done: its turn ends with its transaction
            await().atMost(WAIT).until(() -> unpublished(key) == 0);
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                String last = stored.get(2);
                assertEquals(stored, kafka.readUntil(TOPIC, r -> last.equals(header(r, "ce_id")), WAIT).stream()
                        .filter(r -> key.equals(r.key())).map(r -> header(r, "ce_id")).toList());
            }
        }
    }

    /** Whether a third session could take the turn of alert_outbox and of party_outbox; it lets go at once. */
    private void assertTurns(boolean alerts, boolean parties) throws SQLException {
        try (Connection third = dataSource.getConnection()) {
            third.setAutoCommit(false);
            try {
                assertEquals(alerts, new OutboxTurn(dataSource, "alert_outbox").tryTake(third), "alert_outbox");
                assertEquals(parties, new OutboxTurn(dataSource, "party_outbox").tryTake(third), "party_outbox");
            } finally {
                third.rollback();
            }
        }
    }

    /** Rows as the alert writer stores them, one party's events in a row; answers their event ids in order. */
    private List<String> insert(String key, int count) throws SQLException {
        List<String> eventIds = new ArrayList<>();
        String[] portfolioAndParty = key.split("/");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO alert_outbox (event_id, event_type, event_key, subject, payload, occurred_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?)""")) {
            for (int i = 0; i < count; i++) {
                UUID eventId = UUID.randomUUID();
                UUID alertId = UUID.randomUUID();
                insert.setObject(1, eventId);
                insert.setString(2, FOUND);
                insert.setString(3, key);
                insert.setString(4, alertId.toString());
                insert.setString(5, found(alertId, portfolioAndParty[0], portfolioAndParty[1], UUID.randomUUID())
                        .toString());
                insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                eventIds.add(eventId.toString());
            }
            insert.executeBatch();
        }
        return eventIds;
    }

    private long unpublished(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM alert_outbox WHERE event_key = ? AND published_at IS NULL")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
