package io.sanctionsradar.notification.subscriptions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint and the events it wants; its secrets are never part of it (see {@link SigningSecrets}). */
public record Subscription(UUID id, String url, String description, List<String> eventTypes,
                           SubscriptionFilter filter, boolean enabled, String disabledReason,
                           OffsetDateTime previousSecretUntil, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The secrets to sign with now: the current one, and the previous one while its overlap lasts. */
    public record SigningSecrets(String current, String previous, OffsetDateTime previousUntil) {

        public List<String> inUse(OffsetDateTime now) {
            return previous != null && previousUntil != null && previousUntil.isAfter(now)
                    ? List.of(current, previous) : List.of(current);
        }
    }
}
