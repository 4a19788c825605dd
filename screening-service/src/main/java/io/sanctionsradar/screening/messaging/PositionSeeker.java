package io.sanctionsradar.screening.messaging;

import io.sanctionsradar.screening.watchlist.WatchlistStore;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every instance reads the whole topic (each has its own consumer group) and starts each partition where its own
 * stored positions say it stopped (the rows of its instance id in the shared database), or at the beginning:
 * Kafka's committed offsets are never used, so the position and the watchlist it produced cannot disagree.
 */
@ApplicationScoped
@Identifier("watchlist-positions")
public class PositionSeeker implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(PositionSeeker.class);

    @Inject
    WatchlistStore store;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try {
            for (String topic : partitions.stream().map(TopicPartition::topic).distinct().toList()) {
                for (Position p : store.positions(topic)) {
                    stored.put(new TopicPartition(p.topic(), p.partition()), p.nextOffset());
                }
            }
        } catch (SQLException e) {
            // failing here makes the consumer retry the assignment rather than guess a position
            throw new IllegalStateException("cannot read the stored consumer positions", e);
        }
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next != null) {
                consumer.seek(partition, next);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
            LOG.infof("consuming %s from %s", partition, next != null ? "offset " + next : "the beginning");
        }
    }
}
