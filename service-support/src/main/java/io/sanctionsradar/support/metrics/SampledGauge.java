package io.sanctionsradar.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A gauge whose reading costs a round trip (a count of outbox rows, a consumer's lag from the broker): read when
 * Prometheus scrapes, at most once per {@code maxAge}, and otherwise answered from the last reading, so a short
 * scrape interval or several scrapers never turn it into load. A reading that fails is NaN: unknown, not zero.
 */
public final class SampledGauge {

    private static final Logger LOG = Logger.getLogger(SampledGauge.class);

    private final Supplier<? extends Number> source;
    private final long maxAgeNanos;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    private SampledGauge(Supplier<? extends Number> source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * Registers the gauge {@code name} with {@code tags}, read from {@code source} at most once per maxAge. A gauge
     * of that name and tags already there is replaced: the registry can outlive the application that registered
     * it (tests restart it in one JVM), and a gauge stays bound to the object it was registered with.
     */
    public static void register(MeterRegistry registry, String name, Tags tags, String description, Duration maxAge,
                                Supplier<? extends Number> source) {
        Gauge earlier = registry.find(name).tags(tags).gauge();
        if (earlier != null) {
            registry.remove(earlier);
        }
        Gauge.builder(name, new SampledGauge(source, maxAge), SampledGauge::value).tags(tags)
                .description(description).strongReference(true).register(registry);
    }

    synchronized double value() {
        long now = System.nanoTime();
        if (read && now - readAt < maxAgeNanos) {
            return value;
        }
        try {
            Number reading = source.get();
            value = reading == null ? Double.NaN : reading.doubleValue();
        } catch (RuntimeException e) {
            LOG.debugf("a sampled gauge could not be read: %s", e.toString());
            value = Double.NaN;
        }
        readAt = now;
        read = true;
        return value;
    }
}
