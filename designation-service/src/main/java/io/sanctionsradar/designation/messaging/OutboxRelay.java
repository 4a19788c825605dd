package io.sanctionsradar.designation.messaging;

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
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes unpublished outbox events in order as CloudEvents (binary mode, keyed by aggregate id) with the
 * shared {@link RelayLoop}. Every replica runs one and the table's {@link OutboxTurn} lets one publish at a time, so
 * a designation's events leave in order; a crash between publish and commit republishes, which consumers absorb by
 * de-duplicating on {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay implements OutboxRows<OutboxEvent> {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    @Channel("designations")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) // a whole batch is handed over at once
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "outbox.topic")
    String topicName;

    @ConfigProperty(name = "outbox.topic-partitions")
    int topicPartitions;

    @ConfigProperty(name = "outbox.batch-size")
    int batchSize;

    // test-only (system-tests RelayCrashIT): hold the relay at a crash point, so that a test can kill the process there
    @ConfigProperty(name = "outbox.crash-test.hold-before-publish")
    boolean holdBeforePublish;

    @ConfigProperty(name = "outbox.crash-test.hold-before-marking")
    boolean holdBeforeMarking;

    private TopicProvisioner topic;
    private RelayLoop loop;

    @PostConstruct
    void init() {
        // compacted: with a broker's default (delete after 7 days) a new consumer could no longer rebuild the watchlist
        topic = new TopicProvisioner(kafkaConfig, topicName, topicPartitions,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        loop = RelayLoop.forOutbox("outbox-relay", this, new OutboxTurn(dataSource, "outbox_event"), topic, batchSize,
                registry);
    }

    void onStart(@Observes StartupEvent start) {
        topic.tryToCreate();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.stop();
    }

    @Scheduled(every = "${outbox.poll-interval}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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
    public List<OutboxEvent> claimUnpublished(int limit) {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = entityManager.createNativeQuery("""
                        SELECT * FROM outbox_event WHERE published_at IS NULL
                        ORDER BY sequence LIMIT :limit FOR UPDATE""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
        if (!batch.isEmpty()) { // crash point 1: committed events, none sent yet
            holdForCrashTest(holdBeforePublish, "before publish", batch.size());
        }
        return batch;
    }

    @Override
    public Uni<Void> send(OutboxEvent event) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id.toString())
                .withType(event.eventType)
                .withSubject(event.aggregateId)
                .withDataContentType("application/json")
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId)
                .build();
        Message<String> message = Message.of(event.payload).addMetadata(cloudEvent).addMetadata(record);
        if (event.traceparent != null) {
            // the connector's publish span joins the trace of the change, and its traceparent header says so
            message = message.addMetadata(TracingMetadata.withCurrent(Traces.parent(event.traceparent)));
        }
        return emitter.sendMessage(message);
    }

    @Override
    public void markPublished(List<OutboxEvent> batch) {
        holdForCrashTest(holdBeforeMarking, "before marking", batch.size()); // crash point 2: sent, not marked
        // one statement for the whole batch; the entities are detached first so that no per-row update follows
        List<UUID> ids = batch.stream().map(event -> event.id).toList();
        batch.forEach(entityManager::detach);
        entityManager.createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                .setParameter("now", Instant.now()).setParameter("ids", ids).executeUpdate();
    }

    /** Test-only: blocks the relay, its batch committed but not published (or published but not marked), until killed. */
    private static void holdForCrashTest(boolean hold, String point, int events) {
        if (!hold) {
            return;
        }
        LOG.warnf("outbox relay: crash test: holding %s with %d event(s) until the process is killed", point, events);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("crash-test hold interrupted", e);
        }
    }
}
