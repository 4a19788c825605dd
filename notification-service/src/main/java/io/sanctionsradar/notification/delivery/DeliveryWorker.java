package io.sanctionsradar.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.notification.subscriptions.SubscriptionStore;
import io.sanctionsradar.notification.subscriptions.WebhookConfig;
import io.sanctionsradar.support.tracing.Traces;
import io.sanctionsradar.support.metrics.SampledGauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drains the delivery queue: one dispatcher thread claims due deliveries as sending slots free up and hands each
 * to a sender thread. Woken at once when the consumer queues new deliveries; otherwise it looks every poll
 * interval, which is when retries fall due.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryStore deliveries;

    @Inject
    SubscriptionStore subscriptions;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Traces traces;

    @Inject
    DeliveryMetrics metrics;

    @ConfigProperty(name = "metrics.gauge-max-age")
    Duration gaugeMaxAge;

    private RetrySchedule schedule;
    private Semaphore slots;
    private ExecutorService senders;
    private Thread dispatcher;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;

    void start(@Observes StartupEvent start) {
        schedule = new RetrySchedule(config.retrySchedule(), config.jitter(), config.maxRetryAfter());
        slots = new Semaphore(config.concurrency());
        senders = Executors.newFixedThreadPool(config.concurrency(), r -> new Thread(r, "webhook-sender"));
        SampledGauge.register(registry, "webhook.deliveries.pending", Tags.empty(),
                "deliveries waiting for their first or next attempt", gaugeMaxAge,
                () -> QuarkusTransaction.requiringNew().call(deliveries::pending));
        running = true;
        dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        wake();
        dispatcher.join(5_000);
        senders.shutdown();
        // in-flight attempts get a moment; any cut short are claimed again when their claim runs out
        senders.awaitTermination(Math.min(config.timeout().toMillis(), 10_000), TimeUnit.MILLISECONDS);
    }

    /** New deliveries are queued: look now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Sends one claimed delivery and records the outcome; {@code retry} false makes a failure final (pings). */
    public Outcome attempt(Delivery.Claimed claim, boolean retry) {
        Instant at = Instant.now();
        Outcome outcome = sendTraced(claim);
        Optional<Duration> retryIn = outcome.delivered() || outcome.gone() || !retry
                ? Optional.empty() : schedule.next(claim.scheduleStep(), outcome.retryAfter());
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            if (outcome.gone()) {
                subscriptions.disable(claim.subscriptionId(), "the endpoint answered 410 Gone at " + at);
            }
            return deliveries.record(claim, at, outcome, retryIn);
        });
        Timer.builder("webhook.attempts").description("Webhook attempts by result, with the receiver's time")
                .tag("result", outcome.delivered() ? "delivered" : retryIn.isPresent() ? "retry" : "dead")
                .register(registry).record(Duration.ofMillis(outcome.durationMs()));
        metrics.attempted(claim.subscriptionId(), outcome);
        if (!recorded) {
            LOG.warnf("delivery %s: the claim ran out during the attempt; another worker owns it now", claim.id());
        } else if (!outcome.delivered()) {
            LOG.infof("delivery %s to subscription %s failed (%s); %s", claim.id(), claim.subscriptionId(),
                    outcome.error(), retryIn.map(d -> "next attempt in " + d.toSeconds() + " s")
                            .orElse("no more attempts"));
        }
        return outcome;
    }

    /**
     * Sends in a client span in the trace the delivery was queued in (a test ping: the request's), which the
     * webhook request's {@code traceparent} header names.
     */
    private Outcome sendTraced(Delivery.Claimed claim) {
        Context parent = claim.traceparent() == null ? Context.current() : Traces.parent(claim.traceparent());
        Span span = traces.span("webhook POST", SpanKind.CLIENT, parent)
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", String.valueOf(URI.create(claim.url()).getHost()))
                .setAttribute("webhook.id", claim.id().toString())
                .setAttribute("webhook.subscription.id", claim.subscriptionId().toString())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            Outcome outcome = sender.send(claim);
            if (outcome.statusCode() != null) {
                span.setAttribute("http.response.status_code", outcome.statusCode());
            }
            if (!outcome.delivered()) {
                span.setStatus(StatusCode.ERROR, outcome.error());
            }
            return outcome;
        } finally {
            span.end();
        }
    }

    /**
     * A claim outlives the longest attempt (the exchange is cut at the timeout) with room to record it, so a live
     * worker never loses its delivery to another; a dead worker's deliveries are free again this long after.
     */
    public Duration claimDuration() {
        return config.connectTimeout().plus(config.timeout().multipliedBy(2));
    }

    private void dispatch() {
        while (running) {
            try {
                slots.acquire();
                slots.release();
                int free = slots.availablePermits();
                List<Delivery.Claimed> due = QuarkusTransaction.requiringNew()
                        .call(() -> deliveries.claim(free, claimDuration()));
                if (due.isEmpty()) {
                    awaitWake(config.pollInterval());
                    continue;
                }
                for (Delivery.Claimed claim : due) {
                    slots.acquire();
                    senders.execute(() -> {
                        try {
                            attempt(claim, true);
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "delivery %s: recording the attempt failed; it is retried when its "
                                    + "claim runs out", claim.id());
                        } finally {
                            slots.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatcher: %s; trying again shortly", e.toString());
                awaitWake(config.pollInterval());
            }
        }
    }

    private void awaitWake(Duration timeout) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            woken = false;
        }
    }
}
