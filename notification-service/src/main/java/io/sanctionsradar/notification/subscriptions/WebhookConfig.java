package io.sanctionsradar.notification.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhooks are sent and retried, and which addresses they may go to ({@code webhooks.*}). */
@ConfigMapping(prefix = "webhooks")
public interface WebhookConfig {

    /** Waits after the 1st, 2nd, … failed attempt; when they are used up the delivery is dead. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Each wait is varied by up to this share either way, so retries after an outage do not arrive at once. */
    @WithDefault("0.2")
    double jitter();

    /** The longest {@code Retry-After} honoured; a longer one is cut to this. */
    @WithDefault("10h")
    Duration maxRetryAfter();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The whole request: connecting, sending and the receiver's answer. */
    @WithDefault("15s")
    Duration timeout();

    /** Webhooks in flight at once, across all subscriptions. */
    @WithDefault("16")
    int concurrency();

    /** How often the queue is checked for retries that fell due; new deliveries wake the workers at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a rotated-out secret still signs alongside the new one. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Base64 of 32 random bytes: the AES-256 key that seals signing secrets at rest. Required. */
    Optional<String> secretKey();

    /** Allow URLs that resolve to loopback addresses (tests and the local stack). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Allow URLs that resolve to private networks (RFC 1918, unique local IPv6, carrier-grade NAT). */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** Refuse plain-http URLs. */
    @WithDefault("false")
    boolean requireHttps();
}
