package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sanctionsradar.support.messaging.OutboxRows;
import io.sanctionsradar.support.messaging.OutboxTurn;
import io.sanctionsradar.support.messaging.RelayLoop;
import io.sanctionsradar.support.messaging.TopicProvisioner;
import io.sanctionsradar.support.tracing.Traces;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes the unpublished rows of {@code party_outbox} in order to {@code screening.parties} with the shared
 * {@link RelayLoop}: events as CloudEvents (binary mode, keyed and subjected by portfolio/party), tombstones as
 * records without a value or CloudEvents headers. One instance at a time ({@link OutboxTurn}) and at-least-once
 * delivery as {@link AlertRelay}: on this compacted topic, a party's events out of order would keep a stale state.
 */
@ApplicationScoped
public class PartyRelay implements OutboxRows<PartyRelay.OutboxRow> {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    @Channel("parties")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) // a whole batch is handed over at once
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "parties.topic")
    String topicName;

    @ConfigProperty(name = "parties.topic-partitions")
    int topicPartitions;

    @ConfigProperty(name = "parties.outbox.batch-size")
    int batchSize;

    private TopicProvisioner topic;
    private RelayLoop loop;

    /** eventId, eventType and payload are null on a tombstone. */
    public record OutboxRow(long sequence, UUID eventId, String eventType, String eventKey, String payload,
                            OffsetDateTime occurredAt, String traceparent) {
    }

    @PostConstruct
    void init() {
        // compacted: the topic is the customer book, each party's latest state kept for as long as it is monitored
        topic = new TopicProvisioner(kafkaConfig, topicName, topicPartitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        loop = RelayLoop.forOutbox("party-relay", this, new OutboxTurn(dataSource, "party_outbox"), topic, batchSize,
                registry);
    }

    void onStart(@Observes StartupEvent start) {
        topic.tryToCreate();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.stop();
    }

    @Scheduled(every = "${parties.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        loop.wake();
    }

    /** Asks for a publishing run soon; cheap, and safe to call from any thread. */
    public void wake() {
        loop.wake();
    }

    /** Stops publishing until {@link #resume()}, once a batch being published has finished; for tests. */
    public void pause() {
        loop.pause();
    }

    public void resume() {
        loop.resume();
    }

    @Override
    public List<OutboxRow> claimUnpublished(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT sequence, event_id, event_type, event_key, payload::text AS payload, occurred_at,
                            traceparent
                     FROM party_outbox WHERE published_at IS NULL
                     ORDER BY sequence LIMIT ? FOR UPDATE""")) {
            query.setInt(1, limit);
            List<OutboxRow> batch = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    batch.add(new OutboxRow(rows.getLong("sequence"), rows.getObject("event_id", UUID.class),
                            rows.getString("event_type"), rows.getString("event_key"), rows.getString("payload"),
                            rows.getObject("occurred_at", OffsetDateTime.class), rows.getString("traceparent")));
                }
            }
            return batch;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read party_outbox", e);
        }
    }

    @Override
    public Uni<Void> send(OutboxRow row) {
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.eventKey())
                .build();
        Message<String> message = Message.of(row.payload()).addMetadata(record);
        if (row.eventType() != null) {
            message = message.addMetadata(OutgoingCloudEventMetadata.<String>builder()
                    .withId(row.eventId().toString())
                    .withType(row.eventType())
                    .withSubject(row.eventKey())
                    .withDataContentType("application/json")
                    .withTimestamp(row.occurredAt().atZoneSameInstant(ZoneOffset.UTC))
                    .build());
        }
        if (row.traceparent() != null) {
            message = message.addMetadata(TracingMetadata.withCurrent(Traces.parent(row.traceparent())));
        }
        return emitter.sendMessage(message);
    }

    @Override
    public void markPublished(List<OutboxRow> batch) {
        // the relay's transaction holds one connection: this is the one that locked the rows
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE party_outbox SET published_at = now() WHERE sequence = ANY(?)")) {
            Array sequences = connection.createArrayOf("bigint", batch.stream().map(OutboxRow::sequence).toArray());
            update.setArray(1, sequences);
            update.executeUpdate();
            sequences.free();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark party_outbox rows published", e);
        }
    }
}
