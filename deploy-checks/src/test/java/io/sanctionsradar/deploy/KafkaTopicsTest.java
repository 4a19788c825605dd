package io.sanctionsradar.deploy;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Strimzi topics are the ones the producers would create, with the same settings. */
class KafkaTopicsTest {

    @Test
    void noTopicResourcesUnlessStrimziIsEnabled() {
        assertTrue(Rendered.defaults().all(KafkaTopic.class).isEmpty());
    }

    @Test
    void eachTopicAProducerCreatesHasAKafkaTopicWithItsPartitionsAndSettings() {
        List<ProducedTopics.Topic> produced = ProducedTopics.all();
        List<KafkaTopic> resources = Rendered.with(null, Map.of("kafka.strimzi.enabled", true)).all(KafkaTopic.class);

        assertEquals(names(produced), resources.stream().map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toCollection(TreeSet::new)));
        for (ProducedTopics.Topic topic : produced) {
            KafkaTopic resource = resources.stream().filter(t -> t.getSpec().getTopicName().equals(topic.name()))
                    .findFirst().orElseThrow();
            Map<String, String> config = new TreeMap<>();
            resource.getSpec().getConfig().forEach((key, value) -> config.put(key, String.valueOf(value)));

            assertEquals(topic.partitions(), resource.getSpec().getPartitions(), topic.name());
            assertEquals(topic.config(), config, topic.name());
            // the producers leave the replication factor to the broker's default; so does the chart's default
            assertNull(resource.getSpec().getReplicas(), topic.name());
            assertEquals("kafka", resource.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertEquals("keep", resource.getMetadata().getAnnotations().get("helm.sh/resource-policy"));
        }
    }

    @Test
    void theProducersCreateTheDesignationsCompactedAndKeepAlertsAYear() {
        Map<String, ProducedTopics.Topic> produced = ProducedTopics.all().stream()
                .collect(Collectors.toMap(ProducedTopics.Topic::name, t -> t));

        assertEquals("compact", produced.get("sanctions.designations").config().get("cleanup.policy"));
        assertEquals("delete", produced.get("screening.alerts").config().get("cleanup.policy"));
        assertEquals(String.valueOf(365L * 24 * 3600 * 1000),
                produced.get("screening.alerts").config().get("retention.ms"));
    }

    @Test
    void productionReplicatesTheTopicsOnItsCluster() {
        for (KafkaTopic topic : Rendered.production().all(KafkaTopic.class)) {
            assertEquals(3, topic.getSpec().getReplicas(), topic.getSpec().getTopicName());
            assertEquals("radar-kafka", topic.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
    }

    @Test
    void everyTopicAServiceConsumesIsProvided() {
        Set<String> provided = names(ProducedTopics.all());
        for (String service : ProducedTopics.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            for (String key : settings.properties().stringPropertyNames()) {
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    String topic = settings.value(key);
                    assertTrue(provided.contains(topic), () -> service + " consumes " + topic + ", which nobody creates");
                }
            }
        }
    }

    private static Set<String> names(List<ProducedTopics.Topic> topics) {
        return topics.stream().map(ProducedTopics.Topic::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
