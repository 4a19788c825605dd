package io.sanctionsradar.screening.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.sanctionsradar.support.messaging.KafkaAdminSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** The end offset of every partition of a topic: what the consumer lag is measured against. */
@ApplicationScoped
public class TopicOffsets {

    private static final long TIMEOUT_MS = 3_000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig; // the connector's settings, security included

    private Admin admin;

    /** Partition → end offset; throws if the broker does not answer in time. */
    public Map<Integer, Long> endOffsets(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        Admin client = admin();
        TopicDescription description = client.describeTopics(Set.of(topic)).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(request).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<Integer, Long> offsets = new TreeMap<>();
        ends.forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
        return offsets;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = KafkaAdminSettings.of(kafkaConfig);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "screening-service-lag");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent stop) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
