package io.sanctionsradar.screening.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Remembers consumed events in the caller's transaction; answers whether a record is seen for the first time. */
@ApplicationScoped
public class EventInbox {

    @Inject
    EntityManager entityManager;

    /** True if this record's event was not consumed before; false for a duplicate, which the caller skips. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, ConsumerRecord<String, String> record) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO consumed_event
                            (event_id, event_type, subject, topic, kafka_partition, kafka_offset, consumed_at)
                        VALUES (:id, :type, :subject, :topic, :partition, :offset, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId)
                .setParameter("type", header(record, "ce_type"))
                .setParameter("subject", header(record, "ce_subject"))
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("at", Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
