package io.sanctionsradar.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes designation events from {@code sanctions.designations}, each exactly once, a polled batch per
 * transaction: the offsets are committed only after it, and the inbox absorbs redeliveries and republished events.
 */
@ApplicationScoped
public class DesignationEventConsumer {

    private static final Logger LOG = Logger.getLogger(DesignationEventConsumer.class);

    @Inject
    EventInbox inbox;

    @Incoming("designations")
    @Blocking
    @Transactional
    public void consume(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            String eventId = EventInbox.header(record, "ce_id");
            if (eventId == null) {
                // not a CloudEvent: nothing to de-duplicate it by, and no producer of ours writes one
                LOG.warnf("skipped a record without ce_id on %s-%d at offset %d", record.topic(), record.partition(),
                        record.offset());
            } else if (!inbox.firstDelivery(eventId, record)) {
                LOG.debugf("event %s was consumed before; skipped", eventId);
            }
        }
    }
}
