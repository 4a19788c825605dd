package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanctionsradar.screening.monitoring.PartyEvents.PartyDeleted;
import io.sanctionsradar.screening.monitoring.PartyEvents.PartySaved;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.sanctionsradar.screening.messaging.DesignationEventConsumer.header;

/**
 * Reads the shards this instance owns from {@code screening.parties} (one consumer group for all instances: Kafka
 * decides who owns which partition) and hands each partition's records, in order, to the {@link ShardMonitor}.
 * Offsets are never committed to Kafka: a shard is always rebuilt from the start of its compacted partition, and how
 * far its changes are screened is stored with the shard ({@link ShardStore}).
 */
@ApplicationScoped
public class PartyEventConsumer {

    private static final Logger LOG = Logger.getLogger(PartyEventConsumer.class);

    @Inject
    ShardMonitor shards;

    @Inject
    ObjectMapper json;

    private final Counter skipped;

    @Inject
    PartyEventConsumer(MeterRegistry registry) {
        skipped = Counter.builder("monitoring.party-events.skipped")
                .description("records on screening.parties that are not readable party events").register(registry);
    }

    @Incoming("party-shards")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> ofPartition = records.records(partition);
            List<PartyChange> changes = new ArrayList<>(ofPartition.size());
            for (ConsumerRecord<String, String> record : ofPartition) {
                PartyChange change = change(record);
                if (change != null) {
                    changes.add(change);
                }
            }
            shards.changes(partition.partition(), changes, ofPartition.get(ofPartition.size() - 1).offset() + 1);
        }
    }

    /** The record as a party change; null for a tombstone (the deleted event before it said it all) or unreadable. */
    private PartyChange change(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        String type = header(record, "ce_type");
        try {
            if (PartyEvents.SAVED.equals(type)) {
                return PartyChange.saved(record.offset(), json.readValue(record.value(), PartySaved.class).party());
            }
            if (PartyEvents.DELETED.equals(type)) {
                return PartyChange.deleted(record.offset(), json.readValue(record.value(), PartyDeleted.class));
            }
            return null; // a type this reader does not know (AsyncAPI: tolerant readers pass it over)
        } catch (IOException | RuntimeException e) {
            LOG.warnf("skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.toString());
            skipped.increment();
            return null;
        }
    }
}
