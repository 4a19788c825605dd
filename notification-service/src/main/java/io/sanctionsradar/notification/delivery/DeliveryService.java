package io.sanctionsradar.notification.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.notification.events.EventTypes;
import io.sanctionsradar.notification.events.ReceivedEvent;
import io.sanctionsradar.notification.events.ReceivedEvents;
import io.sanctionsradar.notification.subscriptions.Subscription;
import io.sanctionsradar.notification.subscriptions.SubscriptionService;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading the delivery log, retrying by hand and test pings. */
@ApplicationScoped
public class DeliveryService {

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryWorker worker;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ReceivedEvents events;

    @Inject
    AuditTrail audit;

    public Delivery get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> store.find(id))
                .orElseThrow(() -> new NotFound("No delivery " + id));
    }

    public List<Delivery> list(UUID subscriptionId, DeliveryStore.Status status, OffsetDateTime before, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> store.list(subscriptionId, status, before, limit));
    }

    public Delivery retry(UUID id) {
        DeliveryStore.Retry retry = QuarkusTransaction.requiringNew().call(() -> {
            DeliveryStore.Retry queued = store.retryNow(id);
            if (queued == DeliveryStore.Retry.QUEUED) {
                audit.record("delivery.retried", "delivery/" + id, Map.of());
            }
            return queued;
        });
        switch (retry) {
            case UNKNOWN -> throw new NotFound("No delivery " + id);
            case IN_FLIGHT -> throw new Conflict("Delivery " + id + " is being attempted right now");
            case QUEUED -> { }
        }
        worker.wake();
        return get(id);
    }

    /** Sends a {@code webhook.ping} now, once, and answers with the attempt; logged like any delivery. */
    public Delivery ping(UUID subscriptionId) {
        Subscription subscription = subscriptions.get(subscriptionId);
        String eventId = UUID.randomUUID().toString();
        String sentAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString();
        ReceivedEvent ping = ReceivedEvent.local(eventId, EventTypes.PING, "urn:sanctions-radar:notification-service",
                subscription.id().toString(), sentAt, JsonNodeFactory.instance.objectNode()
                        .put("subscriptionId", subscription.id().toString())
                        .put("message", "Test ping from Sanctions Radar"));
        UUID token = UUID.randomUUID();
        Delivery.Claimed claim = QuarkusTransaction.requiringNew().call(() -> {
            events.firstTime(ping);
            store.insertClaimed(subscriptionId, eventId, EventTypes.PING, token, worker.claimDuration());
            return store.claimedOne(token);
        });
        worker.attempt(claim, false);
        return get(claim.id());
    }
}
