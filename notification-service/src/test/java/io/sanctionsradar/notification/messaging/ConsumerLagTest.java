package io.sanctionsradar.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** consumer_lag{topic}: what the consumer group has not committed of each topic it reads. */
@QuarkusTest
class ConsumerLagTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Test
    void the_lag_of_a_partition_is_its_end_less_the_commit_or_else_its_first_offset() {
        assertEquals(3 + 5, ConsumerLag.lag(Map.of(P0, 10L, P1, 25L), Map.of(P0, new OffsetAndMetadata(7)),
                Map.of(P1, 20L)));
        assertEquals(0, ConsumerLag.lag(Map.of(P0, 10L), Map.of(P0, new OffsetAndMetadata(10)), Map.of()));
    }

    @Test
    void each_topic_read_has_its_lag_and_it_returns_to_zero_once_the_events_are_consumed() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.createCompactedTopic("sanctions.designations", 3);
            kafka.createCompactedTopic("screening.alerts", 3);
            // an event no subscription wants: consumed and committed all the same
            String key = UUID.randomUUID().toString();
            kafka.send("sanctions.designations", key, "{}", Map.of("ce_id", key, "ce_type", "sanctions.list.synced",
                    "ce_source", "urn:test", "ce_specversion", "1.0"));
            // and one on the alerts, whose channel has a group of its own in tests: its lag is that group's
            String alert = UUID.randomUUID().toString();
            kafka.send("screening.alerts", "emea/lag-test", "{}", Map.of("ce_id", alert,
                    "ce_type", "screening.lag.test", "ce_source", "urn:test", "ce_specversion", "1.0"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("sanctions.designations") == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("screening.alerts") == 0);
    }

    private double lag(String topic) {
        return registry.get("consumer.lag").tag("topic", topic).gauge().value();
    }
}
