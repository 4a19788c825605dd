package io.sanctionsradar.notification.delivery;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One event to one subscription, with every attempt made. Its id is the {@code webhook-id} of every attempt.
 * PENDING: waiting for its first or next attempt; DELIVERED: a 2xx answer; DEAD: retries used up, the endpoint
 * answered 410, or a test ping failed (a manual retry brings any of them back).
 */
public record Delivery(UUID id, UUID subscriptionId, String eventId, String eventType, String status, int attempts,
                       OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime finishedAt,
                       Integer lastStatusCode, String lastError, List<Attempt> attemptLog) {

    public record Attempt(OffsetDateTime at, Integer statusCode, int durationMs, String error) {
    }

    /**
     * A delivery a worker holds for one attempt, with what it needs to send it; {@code traceparent} is the trace it
     * was queued in (null when tracing is off, and for a test ping).
     */
    public record Claimed(UUID id, UUID subscriptionId, UUID claimToken, int scheduleStep, String url, String body,
                          List<String> secrets, String traceparent) {
    }
}
