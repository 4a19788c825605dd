package io.sanctionsradar.designation.messaging;

import io.sanctionsradar.support.messaging.AfterCommit;
import io.sanctionsradar.support.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Records events in the caller's transaction; {@link OutboxRelay} publishes them once it has committed, so a
 * change and its event are stored together or not at all.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    Traces traces;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String aggregateType, String aggregateId, String eventType, String payloadJson) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.payload = payloadJson;
        event.occurredAt = Instant.now();
        event.traceparent = traces.currentTraceparent(); // the relay publishes it in the same trace
        event.persist();
        afterCommit.wake(relay, relay::wake); // publish now rather than at the next poll
        return event.id;
    }
}
