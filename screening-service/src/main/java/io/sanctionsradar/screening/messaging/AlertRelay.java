package io.sanctionsradar.screening.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sanctionsradar.support.messaging.TopicProvisioner;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
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
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the unpublished rows of {@code alert_outbox} in order to {@code screening.alerts} as CloudEvents
 * (binary mode, keyed by portfolio/party), woken right after each commit that wrote one and by a periodic poll as
 * a safety net. Rows are locked with SKIP LOCKED so several instances never publish the same batch at once, and
 * marked published only after the broker acknowledged the whole batch: a crash in between republishes (consumers
 * de-duplicate on {@code ce_id}), it never loses an alert.
 */
@ApplicationScoped
public class AlertRelay {

    private static final Logger LOG = Logger.getLogger(AlertRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "alerts.topic")
    String topicName;

    @ConfigProperty(name = "alerts.topic-partitions")
    int topicPartitions;

    @ConfigProperty(name = "alerts.topic-retention")
    Duration topicRetention;

    @Inject
    @Channel("alerts")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) // a whole batch is handed over at once
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "alerts.outbox.batch-size")
    int batchSize;

    // one publisher thread: batches leave in commit order, and a wake-up during a run schedules one more run
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> new Thread(r, "alert-relay"));
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private TopicProvisioner topic;

    record OutboxRow(long sequence, UUID eventId, String eventType, String eventKey, String subject, String payload,
                     OffsetDateTime occurredAt) {
    }

    @PostConstruct
    void init() {
        // deleted by time, not compacted: every alert of a party is compliance evidence, not only its latest
        topic = new TopicProvisioner(kafkaConfig, topicName, topicPartitions, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topicRetention.toMillis())));
    }

    void onStart(@Observes StartupEvent start) {
        topic.tryToCreate();
    }

    @Scheduled(every = "${alerts.outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /** Asks for a publishing run soon; cheap, and safe to call from any thread (e.g. right after a commit). */
    public void wake() {
        if (!paused.get() && runQueued.compareAndSet(false, true)) {
            try {
                publisher.execute(this::drain);
            } catch (RejectedExecutionException e) {
                runQueued.set(false); // shutting down: the rows stay in the outbox for the next start
            }
        }
    }

    /**
     * Stops publishing (alerts keep accumulating in the outbox) until {@link #resume()}; for maintenance and tests.
     * Returns once a batch that was being published has finished, so nothing leaves after this call.
     */
    public void pause() {
        paused.set(true);
        try {
            publisher.submit(() -> { }).get();
        } catch (RejectedExecutionException e) {
            // shut down: nothing runs any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("alert relay: cannot pause", e.getCause());
        }
    }

    public void resume() {
        paused.set(false);
        wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        paused.set(true);
        publisher.shutdown();
    }

    private void drain() {
        runQueued.set(false);
        try {
            while (!paused.get() && QuarkusTransaction.requiringNew().call(this::publishBatch) == batchSize) {
                // a full batch means more are waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("alert relay: publishing failed, will retry: %s", e.toString());
        }
    }

    private int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<OutboxRow> batch = lockUnpublished(connection);
            if (batch.isEmpty()) {
                return 0;
            }
            topic.ensureCreated();
            List<Uni<Void>> acks = batch.stream().map(this::send).toList();
            Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
            markPublished(connection, batch);
            return batch.size();
        }
    }

    private List<OutboxRow> lockUnpublished(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT sequence, event_id, event_type, event_key, subject, payload::text AS payload, occurred_at
                FROM alert_outbox WHERE published_at IS NULL
                ORDER BY sequence LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            query.setInt(1, batchSize);
            List<OutboxRow> batch = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    batch.add(new OutboxRow(rows.getLong("sequence"), rows.getObject("event_id", UUID.class),
                            rows.getString("event_type"), rows.getString("event_key"), rows.getString("subject"),
                            rows.getString("payload"), rows.getObject("occurred_at", OffsetDateTime.class)));
                }
            }
            return batch;
        }
    }

    private static void markPublished(Connection connection, List<OutboxRow> batch) throws SQLException {
        Array sequences = connection.createArrayOf("bigint", batch.stream().map(OutboxRow::sequence).toArray());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE alert_outbox SET published_at = now() WHERE sequence = ANY(?)")) {
            update.setArray(1, sequences);
            update.executeUpdate();
        } finally {
            sequences.free();
        }
    }

    private Uni<Void> send(OutboxRow row) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.eventId().toString())
                .withType(row.eventType())
                .withSubject(row.subject())
                .withDataContentType("application/json")
                .withTimestamp(row.occurredAt().atZoneSameInstant(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(row.eventKey())
                .build();
        return emitter.sendMessage(Message.of(row.payload()).addMetadata(cloudEvent).addMetadata(record));
    }
}
