package io.sanctionsradar.designation.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "sanctions.designations";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void an_event_stored_in_the_outbox_reaches_kafka_as_a_cloud_event_keyed_by_its_aggregate() {
        String designationId = UUID.randomUUID().toString();
        String payload = "{\"designationId\":\"" + designationId + "\",\"version\":1}";
        UUID eventId = QuarkusTransaction.requiringNew().call(() ->
                outbox.append("Designation", designationId, "sanctions.entity.listed", payload));

        ConsumerRecord<String, String> record = last(readUntilKey(designationId));

        assertEquals(payload, record.value());
        assertEquals(eventId.toString(), header(record, "ce_id"));
        assertEquals("sanctions.entity.listed", header(record, "ce_type"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("urn:sanctions-radar:designation-service", header(record, "ce_source"));
        assertEquals(designationId, header(record, "ce_subject"));
        assertNotNull(header(record, "ce_time"));
        assertEquals("application/json", header(record, "content-type"));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>findById(eventId).publishedAt != null));
    }

    @Test
    void nothing_is_published_from_a_transaction_that_rolled_back() {
        String designationId = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append("Designation", designationId, "sanctions.entity.listed", "{}");
            throw new IllegalStateException("the change it belonged to failed");
        }));
        String witness = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() ->
                outbox.append("Designation", witness, "sanctions.entity.listed", "{}"));

        List<ConsumerRecord<String, String>> seen = readUntilKey(witness);

        assertEquals(0, seen.stream().filter(r -> designationId.equals(r.key())).count());
    }

    @Test
    void events_of_one_designation_arrive_in_the_order_they_were_recorded() {
        String designationId = UUID.randomUUID().toString();
        for (int version = 1; version <= 5; version++) {
            String payload = "{\"version\":" + version + "}";
            QuarkusTransaction.requiringNew().run(() ->
                    outbox.append("Designation", designationId, "sanctions.entity.amended", payload));
        }

        List<String> payloads = readUntil(r -> "{\"version\":5}".equals(r.value())).stream()
                .filter(r -> designationId.equals(r.key())).map(ConsumerRecord::value).toList();

        assertEquals(List.of("{\"version\":1}", "{\"version\":2}", "{\"version\":3}", "{\"version\":4}",
                "{\"version\":5}"), payloads);
    }

    @Test
    void the_designation_topic_is_compacted_so_the_current_state_can_always_be_rebuilt() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    private List<ConsumerRecord<String, String>> readUntilKey(String key) {
        return readUntil(r -> key.equals(r.key()));
    }

    private List<ConsumerRecord<String, String>> readUntil(java.util.function.Predicate<ConsumerRecord<String, String>> until) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readUntil(TOPIC, until, WAIT);
        }
    }

    private static ConsumerRecord<String, String> last(List<ConsumerRecord<String, String>> records) {
        return records.get(records.size() - 1);
    }
}
