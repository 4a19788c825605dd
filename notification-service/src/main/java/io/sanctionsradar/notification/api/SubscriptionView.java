package io.sanctionsradar.notification.api;

import io.sanctionsradar.notification.subscriptions.Subscription;
import io.sanctionsradar.notification.subscriptions.SubscriptionFilter;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it. {@code secret} appears only in the answer that created or rotated it;
 * {@code previousSecretValidUntil} while a rotated-out secret still signs too.
 */
public record SubscriptionView(UUID id, String url, String description, List<String> eventTypes,
                               SubscriptionFilter filter, boolean enabled, String disabledReason,
                               OffsetDateTime previousSecretValidUntil, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, String secret) {

    static SubscriptionView of(Subscription s, String secret) {
        OffsetDateTime overlap = s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(OffsetDateTime.now())
                ? s.previousSecretUntil() : null;
        return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes(), s.filter(), s.enabled(),
                s.disabledReason(), overlap, s.createdAt(), s.updatedAt(), secret);
    }

    public record Items<T>(List<T> items) {
    }
}
