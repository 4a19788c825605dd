package io.sanctionsradar.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.support.messaging.KafkaAdminSettings;
import io.sanctionsradar.support.metrics.SampledGauge;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code consumer_lag{topic}}: the events of each topic this service's consumer group has not committed yet, the
 * topic's end offsets against the group's commits, asked of the broker at most once per max age. A partition the
 * group never committed counts from its first offset (where the consumer starts: auto.offset.reset=earliest).
 */
@ApplicationScoped
class ConsumerLag {

    private static final long TIMEOUT_MS = 3_000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig; // the connector's settings, security included

    @Inject
    MeterRegistry registry;

    // each channel's own group: the same in production, but a test (or a deployment) may give them two
    @ConfigProperty(name = "mp.messaging.incoming.designations.group.id")
    String designationsGroup;

    @ConfigProperty(name = "mp.messaging.incoming.alerts.group.id")
    String alertsGroup;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String designations;

    @ConfigProperty(name = "mp.messaging.incoming.alerts.topic")
    String alerts;

    @ConfigProperty(name = "metrics.gauge-max-age")
    Duration maxAge;

    private Admin admin;

    void register(@Observes StartupEvent start) {
        for (Map.Entry<String, String> read : Map.of(designations, designationsGroup, alerts, alertsGroup).entrySet()) {
            SampledGauge.register(registry, "consumer.lag", Tags.of("topic", read.getKey()),
                    "events of the topic this service's consumer group has not committed yet", maxAge,
                    () -> lag(read.getKey(), read.getValue()));
        }
    }

    long lag(String topic, String group) {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
            client.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic)
                    .partitions().forEach(p -> {
                        TopicPartition partition = new TopicPartition(topic, p.partition());
                        ends.put(partition, OffsetSpec.latest());
                        if (committed.get(partition) == null) {
                            starts.put(partition, OffsetSpec.earliest());
                        }
                    });
            return lag(offsets(client, ends), committed, offsets(client, starts));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the lag of " + topic + " is unknown", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Each partition's end less where the group stands in it: its commit, or else the partition's first offset. */
    static long lag(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed,
                    Map<TopicPartition, Long> starts) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata commit = committed.get(end.getKey());
            long position = commit != null ? commit.offset() : starts.getOrDefault(end.getKey(), 0L);
            lag += Math.max(0, end.getValue() - position);
        }
        return lag;
    }

    private static Map<TopicPartition, Long> offsets(Admin client, Map<TopicPartition, OffsetSpec> request)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (request.isEmpty()) {
            return offsets;
        }
        Map<TopicPartition, ListOffsetsResultInfo> answers = client.listOffsets(request).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        answers.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = KafkaAdminSettings.of(kafkaConfig);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "notification-service-lag");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent stop) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
