package io.sanctionsradar.notification.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.notification.delivery.DeliveryStore;
import io.sanctionsradar.notification.delivery.DeliveryWorker;
import io.sanctionsradar.notification.events.EventFacts;
import io.sanctionsradar.notification.events.EventTypes;
import io.sanctionsradar.notification.events.ReceivedEvent;
import io.sanctionsradar.notification.events.ReceivedEvents;
import io.sanctionsradar.notification.subscriptions.Subscription;
import io.sanctionsradar.notification.subscriptions.SubscriptionStore;
import io.sanctionsradar.support.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes events from {@code sanctions.designations} and {@code screening.alerts} a polled batch at a time and, in
 * one transaction, remembers each in the inbox and queues one delivery per matching subscription. Kafka offsets are
 * committed only after that transaction, so a crash redelivers the batch and the inbox makes the repeat a no-op:
 * nothing lost, nothing queued twice.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    ReceivedEvents events;

    @Inject
    SubscriptionStore subscriptions;

    @Inject
    DeliveryStore deliveries;

    @Inject
    DeliveryWorker worker;

    @Inject
    Traces traces;

    @Incoming("designations")
    @Blocking
    public void designations(ConsumerRecords<String, String> records) {
        receive(records);
    }

    @Incoming("alerts")
    @Blocking
    public void alerts(ConsumerRecords<String, String> records) {
        receive(records);
    }

    private void receive(ConsumerRecords<String, String> records) {
        int queued = QuarkusTransaction.requiringNew().call(() -> fanOut(records));
        if (queued > 0) {
            worker.wake();
        }
    }

    private int fanOut(ConsumerRecords<String, String> records) {
        List<Subscription> enabled = subscriptions.enabled();
        int queued = 0;
        for (ConsumerRecord<String, String> record : records) {
            // each event in the trace it came in, which its deliveries keep for their webhook requests
            Span span = traces.startProcessing(record);
            try (Scope scope = span.makeCurrent()) {
                queued += fanOut(record, enabled);
            } finally {
                span.end();
            }
        }
        return queued;
    }

    private int fanOut(ConsumerRecord<String, String> record, List<Subscription> enabled) {
        Optional<ReceivedEvent> received = ReceivedEvent.of(record);
        if (received.isEmpty()) {
            LOG.warnf("skipped a record that is not a CloudEvent on %s-%d at offset %d", record.topic(),
                    record.partition(), record.offset());
            return 0;
        }
        ReceivedEvent event = received.get();
        if (!events.firstTime(event)) {
            LOG.debugf("event %s was received before; skipped", event.id());
            return 0;
        }
        EventFacts facts = facts(event);
        List<UUID> targets = enabled.stream()
                .filter(s -> s.eventTypes().contains(event.type()) && s.filter().matches(facts))
                .map(Subscription::id).toList();
        return deliveries.enqueue(event.id(), event.type(), targets, traces.currentTraceparent());
    }

    private EventFacts facts(ReceivedEvent event) {
        if (EventTypes.DESIGNATION.contains(event.type())) {
            return EventFacts.ofDesignation(event.data());
        }
        // an amendment carries its further listing's match and the party as a found alert does
        if (EventTypes.MATCH_FOUND.equals(event.type()) || EventTypes.MATCH_AMENDED.equals(event.type())) {
            return EventFacts.ofMatchFound(event.data());
        }
        if (EventTypes.MATCH_CLEARED.equals(event.type())) {
            EventFacts found = event.subject() == null ? null : events.latestData(event.subject(),
                    EventTypes.MATCH_FOUND).map(data -> EventFacts.ofMatchFound(ReceivedEvent.parse(data)))
                    .orElse(null);
            return EventFacts.ofMatchCleared(event.data(), found);
        }
        return EventFacts.NONE;
    }
}
