package io.sanctionsradar.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried next: the configured waits one after the other, each varied by the jitter,
 * or what the receiver asked for in {@code Retry-After} (capped); empty once the waits are used up.
 */
public final class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final Duration maxRetryAfter;

    public RetrySchedule(List<Duration> waits, double jitter, Duration maxRetryAfter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** The wait before the next attempt when {@code step} retries were used already, or empty: give up. */
    public Optional<Duration> next(int step, Optional<Duration> retryAfter) {
        if (step >= waits.size()) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return Optional.of(asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked);
        }
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Optional.of(Duration.ofNanos((long) (waits.get(step).toNanos() * factor)));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
