package io.sanctionsradar.screening.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.CLEARED;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.FOUND;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.cleared;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.found;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.violations;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows of alert_outbox reach screening.alerts in order, as CloudEvents that match their schemas, and only once. */
@QuarkusTest
class AlertRelayTest {

    private static final String TOPIC = "screening.alerts";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AlertRelay relay;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void relayRuns() {
        relay.resume();
    }

    record Stored(long sequence, UUID eventId, String type, String key, String subject, ObjectNode payload,
                  Instant occurredAt) {
    }

    @Test
    void a_found_and_a_cleared_alert_reach_kafka_in_order_as_cloud_events_keyed_by_party() throws Exception {
        String portfolio = "relay-" + UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        UUID entryId = UUID.randomUUID();
        Stored foundRow = insert(FOUND, portfolio, "cust-42", alertId, found(alertId, portfolio, "cust-42", entryId),
                Instant.parse("2026-01-15T10:00:00.123456Z"));
        Stored clearedRow = insert(CLEARED, portfolio, "cust-42", alertId,
                cleared(alertId, portfolio, "cust-42", entryId), Instant.parse("2026-02-01T08:30:00Z"));

        relay.wake();

        List<ConsumerRecord<String, String>> records = read(foundRow.key(),
                r -> clearedRow.eventId().toString().equals(header(r, "ce_id")));
        assertEquals(List.of(foundRow.eventId().toString(), clearedRow.eventId().toString()),
                records.stream().map(r -> header(r, "ce_id")).toList(), "both, once each, in outbox order");
        List<Stored> rows = List.of(foundRow, clearedRow);
        for (int i = 0; i < rows.size(); i++) {
            Stored row = rows.get(i);
            ConsumerRecord<String, String> record = records.get(i);
            assertEquals(portfolio + "/cust-42", record.key());
            assertEquals(row.type(), header(record, "ce_type"));
            assertEquals(row.subject(), header(record, "ce_subject"));
            assertEquals("urn:sanctions-radar:screening-service", header(record, "ce_source"));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals(row.occurredAt(), OffsetDateTime.parse(header(record, "ce_time")).toInstant());
            assertEquals("application/json", header(record, "content-type"));
            assertEquals(row.payload(), JSON.readTree(record.value()), "the value is the stored payload");
            assertEquals(Set.of(), violations(row.type(), record.value()), row.type() + " schema");
        }
        await().atMost(WAIT).until(() -> publishedAt(foundRow) != null && publishedAt(clearedRow) != null);
    }

    @Test
    void an_alert_written_while_the_relay_is_paused_is_published_only_once_it_resumes() {
        relay.pause();
        String portfolio = "paused-" + UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        Stored row = insert(FOUND, portfolio, "cust-7", alertId, found(alertId, portfolio, "cust-7", UUID.randomUUID()),
                Instant.now());

        relay.wake();

        // longer than the poll interval (2s): neither a wake-up nor the poll publishes while paused
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> publishedAt(row) == null);
        String witness = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            // same key, same partition: had the alert been published, it would be read before the witness
            kafka.send(TOPIC, row.key(), "{}", Map.of("ce_id", witness));
            List<ConsumerRecord<String, String>> seen = kafka.readUntil(TOPIC,
                    r -> witness.equals(header(r, "ce_id")), WAIT);
            assertTrue(seen.stream().noneMatch(r -> row.eventId().toString().equals(header(r, "ce_id"))),
                    "nothing was published while paused");
        }

        relay.resume();

        List<ConsumerRecord<String, String>> records = read(row.key(),
                r -> row.eventId().toString().equals(header(r, "ce_id")));
        assertEquals(List.of(witness, row.eventId().toString()),
                records.stream().map(r -> header(r, "ce_id")).toList(), "published once, after the resume");
        await().atMost(WAIT).until(() -> publishedAt(row) != null);
    }

    @Test
    void more_alerts_than_one_batch_all_leave_in_order_and_are_all_marked_published() throws Exception {
        String portfolio = "bulk-" + UUID.randomUUID();
        int count = 1_234; // two full batches of 500 and a partial one
        List<Stored> rows = new ArrayList<>();
        relay.pause();
        for (int i = 0; i < count; i++) {
            UUID alertId = UUID.randomUUID();
            rows.add(insert(FOUND, portfolio, "cust-1", alertId, found(alertId, portfolio, "cust-1", UUID.randomUUID()),
                    Instant.now()));
        }

        relay.resume();

        String last = rows.get(count - 1).eventId().toString();
        List<String> published = read(portfolio + "/cust-1", r -> last.equals(header(r, "ce_id"))).stream()
                .map(r -> header(r, "ce_id")).toList();
        List<String> stored = rows.stream().map(r -> r.eventId().toString()).toList();
        assertEquals(count, published.size(), "each alert published once");
        assertEquals(-1, IntStream.range(0, count).filter(i -> !stored.get(i).equals(published.get(i)))
                .findFirst().orElse(-1), "the first alert out of outbox order");
        await().atMost(WAIT).until(() -> unpublished(portfolio) == 0);
    }

    @Test
    void the_alert_topic_deletes_by_time_after_a_year_rather_than_compacting() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("delete", config.get("cleanup.policy").value());
            assertEquals(String.valueOf(Duration.ofDays(365).toMillis()), config.get("retention.ms").value());
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            assertEquals(3, topic.partitions().size());
        }
    }

    private List<ConsumerRecord<String, String>> read(String key, Predicate<ConsumerRecord<String, String>> until) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readUntil(TOPIC, until, WAIT).stream().filter(r -> key.equals(r.key())).toList();
        }
    }

    /** As the alert writer does: one row per event, key portfolio/partyId, the alert id as subject. */
    private Stored insert(String type, String portfolio, String partyId, UUID alertId, ObjectNode payload,
                         Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        String key = portfolio + "/" + partyId;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO alert_outbox (event_id, event_type, event_key, subject, payload, occurred_at)
                     VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING sequence""")) {
            insert.setObject(1, eventId);
            insert.setString(2, type);
            insert.setString(3, key);
            insert.setString(4, alertId.toString());
            insert.setString(5, payload.toString());
            insert.setObject(6, occurredAt.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return new Stored(rows.getLong(1), eventId, type, key, alertId.toString(), payload, occurredAt);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime publishedAt(Stored row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT published_at FROM alert_outbox WHERE sequence = ?")) {
            query.setLong(1, row.sequence());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the row is still there");
                return rows.getObject(1, OffsetDateTime.class);
            }
        }
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
