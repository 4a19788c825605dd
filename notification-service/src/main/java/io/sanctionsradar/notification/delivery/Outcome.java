package io.sanctionsradar.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/** What one attempt came to: the receiver's status code (null when none came back), its time, and any error. */
public record Outcome(Integer statusCode, int durationMs, String error, Optional<Duration> retryAfter) {

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410: the receiver says the endpoint is gone for good. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
