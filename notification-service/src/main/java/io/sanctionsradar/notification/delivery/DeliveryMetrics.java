package io.sanctionsradar.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;

/**
 * Each webhook attempt by subscription: how long the receiver took ({@code webhook_delivery_duration_seconds}) and,
 * when it failed, why ({@code webhook_delivery_failures_total}). Subscriptions are created by administrators, a few
 * per receiving system, so their ids are a bounded label; the buckets are few for the same reason.
 */
@ApplicationScoped
class DeliveryMetrics {

    static final String DURATION = "webhook.delivery.duration";
    static final String FAILURES = "webhook.delivery.failures";
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)};

    @Inject
    MeterRegistry registry;

    void attempted(UUID subscriptionId, Outcome outcome) {
        String subscription = subscriptionId.toString();
        Timer.builder(DURATION).tag("subscription", subscription)
                .description("time of one webhook attempt, from sending to the receiver's answer or the timeout")
                .serviceLevelObjectives(BUCKETS).register(registry).record(Duration.ofMillis(outcome.durationMs()));
        if (!outcome.delivered()) {
            Counter.builder(FAILURES).tag("subscription", subscription).tag("reason", reason(outcome))
                    .description("webhook attempts that failed, by why").register(registry).increment();
        }
    }

    /**
     * Why an attempt failed, from a short fixed list: the receiver's answer by class (gone is 410, the end of the
     * subscription), or what kept an answer from coming.
     */
    static String reason(Outcome outcome) {
        Integer status = outcome.statusCode();
        if (status != null) {
            return outcome.gone() ? "gone" : "http_" + status / 100 + "xx";
        }
        String error = outcome.error() == null ? "" : outcome.error();
        if (error.startsWith("timed out")) {
            return "timeout";
        }
        if (error.startsWith("refused")) {
            return "address_refused"; // the address resolved to one the subscription may not reach
        }
        if (error.startsWith("interrupted")) {
            return "interrupted";
        }
        return "connection";
    }
}
