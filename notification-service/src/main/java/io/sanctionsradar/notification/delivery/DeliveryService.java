package io.sanctionsradar.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading the delivery log and retrying by hand. */
@ApplicationScoped
public class DeliveryService {

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryWorker worker;

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
}
