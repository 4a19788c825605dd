package io.sanctionsradar.screening.messaging;

import io.sanctionsradar.screening.watchlist.WatchlistStore;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static io.sanctionsradar.screening.messaging.DesignationEventConsumer.eventTime;
import static io.sanctionsradar.screening.messaging.DesignationEventConsumer.header;

/**
 * Reads a stretch of {@code sanctions.designations} again, outside the consumer: the designation changes a monitoring
 * shard has not been checked against, between the positions its last owner committed and this instance's watchlist.
 */
@ApplicationScoped
public class DesignationReplay {

    private static final Logger LOG = Logger.getLogger(DesignationReplay.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Inject
    WatchlistStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String topic;

    /**
     * The designations changed from {@code from} (next offsets by partition; absent: the beginning) up to {@code to}
     * (exclusive), the newest event of each designation, in the order of the topic.
     */
    public List<Change> between(Map<Integer, Long> from, Map<Integer, Long> to) {
        List<TopicPartition> stretch = to.entrySet().stream()
                .filter(e -> e.getValue() > from.getOrDefault(e.getKey(), 0L))
                .map(e -> new TopicPartition(topic, e.getKey())).toList();
        if (stretch.isEmpty()) {
            return List.of();
        }
        Map<String, Change> newest = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            consumer.assign(stretch);
            stretch.forEach(p -> consumer.seek(p, from.getOrDefault(p.partition(), 0L)));
            Set<TopicPartition> reading = new HashSet<>(stretch);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reading.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " from " + from + " to " + to);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < to.get(record.partition())) {
                        take(record, newest);
                    }
                }
                reading.removeIf(p -> consumer.position(p) >= to.get(p.partition()));
            }
        }
        return new ArrayList<>(newest.values());
    }

    private void take(ConsumerRecord<String, String> record, Map<String, Change> newest) {
        String eventType = header(record, "ce_type");
        if (!DesignationEventConsumer.isDesignation(eventType)) {
            return;
        }
        try {
            Change change = DesignationEventConsumer.read(store, record, header(record, "ce_id"), eventType,
                    eventTime(record));
            newest.merge(change.listing().designationId(), change,
                    (a, b) -> a.listing().version() >= b.listing().version() ? a : b);
        } catch (IllegalArgumentException e) {
            // the consumer skipped and counted it when it read it first
            LOG.debugf("replay skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a compacted-away offset: the next one
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
