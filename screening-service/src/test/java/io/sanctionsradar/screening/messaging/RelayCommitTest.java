package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.support.messaging.OutboxRows;
import io.sanctionsradar.support.messaging.OutboxTurn;
import io.sanctionsradar.support.messaging.RelayLoop;
import io.sanctionsradar.support.messaging.TopicProvisioner;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.FOUND;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.found;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A relay round's transaction belongs to the relay's thread alone. The Kafka producer acknowledges on its own
 * network thread, and under load that thread may still be busy in the callback that acknowledged a batch's last
 * event while the relay, released by it, commits. Here it lingers there on purpose, after every batch.
 */
@QuarkusTest
class RelayCommitTest {

    private static final String TOPIC = "screening.alerts";
    private static final int EVENTS = 2_000;
    private static final int BATCH = 100;
    private static final Duration LINGER = Duration.ofMillis(200);
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

    private RelayLoop lingering;

    @AfterEach
    void relayRuns() {
        if (lingering != null) {
            lingering.stop();
        }
        relay.resume();
    }

    @Test
    void batches_acknowledged_by_a_lingering_producer_thread_commit_and_each_event_is_published_once()
            throws Exception {
        relay.pause();
        String portfolio = "lingering-" + UUID.randomUUID();
        Set<String> stored = insert(portfolio, EVENTS);
        double failuresBefore = failures();
        lingering = RelayLoop.forOutbox("lingering-alert-relay", new LingeringAcks<>(relay),
                new OutboxTurn(dataSource, "alert_outbox"), new TopicProvisioner(kafkaConfig, TOPIC, 3, Map.of()),
                BATCH, registry);

        await().atMost(WAIT).until(() -> {
            lingering.wake(); // it has no poll of its own: after a failed round, the next wake-up retries
            return unpublished(portfolio) == 0;
        });

        Map<String, Long> timesPublished;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            timesPublished = kafka.readAll(TOPIC, WAIT).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(portfolio + "/"))
                    .map(r -> header(r, "ce_id"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
        assertEquals(stored, timesPublished.keySet(), "every event on the topic, and only those");
        assertEquals(0, timesPublished.values().stream().filter(times -> times > 1).count(),
                "events published more than once");
        assertEquals(failuresBefore, failures(), "relay rounds that failed");
    }

    private double failures() {
        return registry.get("outbox.publish.failures").tag("topic", TOPIC).counter().count();
    }

    /** An outbox whose acknowledging thread stays in the callback a while after acknowledging a whole batch. */
    private static final class LingeringAcks<R> implements OutboxRows<R> {

        private final OutboxRows<R> rows;
        private final AtomicInteger unacknowledged = new AtomicInteger();

        LingeringAcks(OutboxRows<R> rows) {
            this.rows = rows;
        }

        @Override
        public List<R> claimUnpublished(int limit) {
            List<R> batch = rows.claimUnpublished(limit);
            unacknowledged.set(batch.size());
            return batch;
        }

        @Override
        public Uni<Void> send(R row) {
            Uni<Void> acknowledged = rows.send(row);
            return Uni.createFrom().emitter(done -> acknowledged.subscribe().with(ack -> {
                boolean lastOfBatch = unacknowledged.decrementAndGet() == 0;
                done.complete(null); // the relay goes on to mark the batch and commit
                if (lastOfBatch) {
                    linger();
                }
            }, done::fail));
        }

        @Override
        public void markPublished(List<R> batch) {
            rows.markPublished(batch);
        }

        private static void linger() {
            try {
                Thread.sleep(LINGER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Alert rows over fifty parties, so that the batches go to every partition; answers their event ids. */
    private Set<String> insert(String portfolio, int count) throws SQLException {
        Set<String> eventIds = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO alert_outbox (event_id, event_type, event_key, subject, payload, occurred_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?)""")) {
            for (int i = 0; i < count; i++) {
                UUID eventId = UUID.randomUUID();
                UUID alertId = UUID.randomUUID();
                String partyId = "cust-" + i % 50;
                insert.setObject(1, eventId);
                insert.setString(2, FOUND);
                insert.setString(3, portfolio + "/" + partyId);
                insert.setString(4, alertId.toString());
                insert.setString(5, found(alertId, portfolio, partyId, UUID.randomUUID()).toString());
                insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                eventIds.add(eventId.toString());
            }
            insert.executeBatch();
        }
        return eventIds;
    }

    private long unpublished(String portfolio) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM alert_outbox WHERE event_key LIKE ? AND published_at IS NULL")) {
            query.setString(1, portfolio + "/%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
