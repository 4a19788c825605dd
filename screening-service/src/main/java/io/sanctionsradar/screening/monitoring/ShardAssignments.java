package io.sanctionsradar.screening.monitoring;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka's assignments of {@code screening.parties} partitions are the monitoring shards: a newly assigned partition
 * is read from its start (the shard is rebuilt from the compacted topic) and claimed; a revoked or lost one is
 * released. The group's protocol is cooperative, so partitions that stay where they are keep their shards.
 */
@ApplicationScoped
@Identifier("monitoring-shards")
public class ShardAssignments implements KafkaConsumerRebalanceListener {

    @Inject
    ShardMonitor shards;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> ends = new TreeMap<>();
        consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
        consumer.seekToBeginning(partitions);
        int count = partitions.isEmpty() ? 0 : consumer.partitionsFor(partitions.iterator().next().topic()).size();
        try {
            shards.assigned(count, ends);
        } catch (SQLException e) {
            // failing here makes the consumer retry the assignment rather than monitor a shard it has not claimed
            throw new IllegalStateException("cannot claim the monitoring shards " + ends.keySet(), e);
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        shards.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }
}
