package io.sanctionsradar.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DesignationEventConsumerTest {

    private static final String TOPIC = "sanctions.designations";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;

    @BeforeEach
    void designationServiceHasCreatedItsTopic() {
        kafka = new KafkaTestClient(bootstrapServers);
        kafka.createCompactedTopic(TOPIC, 3);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void an_event_is_consumed_once_even_when_it_is_delivered_twice() {
        String designationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        publish(designationId, eventId, "sanctions.entity.listed");
        publish(designationId, eventId, "sanctions.entity.listed");
        String witness = UUID.randomUUID().toString();
        publish(designationId, witness, "sanctions.entity.amended");
        awaitConsumed(witness);

        assertEquals(1L, count("eventId", eventId));
        ConsumedEvent event = QuarkusTransaction.requiringNew().call(() -> ConsumedEvent.findById(eventId));
        assertEquals("sanctions.entity.listed", event.eventType);
        assertEquals(designationId, event.subject);
        assertEquals(TOPIC, event.topic);
    }

    @Test
    void a_record_that_is_not_a_cloud_event_is_skipped_and_consumption_goes_on() {
        String designationId = UUID.randomUUID().toString();
        RecordMetadata stray = kafka.send(TOPIC, designationId, "not an event", Map.of());
        String witness = UUID.randomUUID().toString();
        publish(designationId, witness, "sanctions.entity.listed");
        awaitConsumed(witness);

        long strayRows = QuarkusTransaction.requiringNew().call(() -> ConsumedEvent
                .count("partition = ?1 and offset = ?2", stray.partition(), stray.offset()));
        assertEquals(0L, strayRows);
    }

    private void publish(String designationId, String eventId, String type) {
        kafka.send(TOPIC, designationId, "{\"designationId\":\"" + designationId + "\"}", Map.of(
                "ce_id", eventId,
                "ce_type", type,
                "ce_source", "urn:sanctions-radar:designation-service",
                "ce_specversion", "1.0",
                "ce_subject", designationId,
                "content-type", "application/json"));
    }

    private void awaitConsumed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("eventId", eventId) == 1L);
    }

    private static long count(String field, Object value) {
        return QuarkusTransaction.requiringNew().call(() -> ConsumedEvent.count(field, value));
    }
}
