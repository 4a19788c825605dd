package io.sanctionsradar.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A gauge whose reading costs a round trip (a count of outbox rows, a consumer's lag from the broker): read when
 * Prometheus scrapes, at most once per {@code maxAge}, and otherwise answered from the last reading, so a short
 * scrape interval or several scrapers never turn it into load. A reading that fails is NaN: unknown, not zero.
 */
public final class SampledGauge {

    private static final Logger LOG = Logger.getLogger(SampledGauge.class);

    /*
     * One per meter for the whole JVM: a gauge stays bound to the object it was first registered with, and the
     * registry can outlive the application that registered it (tests restart it in one JVM). Registering again
     * points the one sample at the new source.
     */
    private static final Map<String, SampledGauge> GAUGES = new ConcurrentHashMap<>();

    private Supplier<? extends Number> source;
    private long maxAgeNanos;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    private SampledGauge() {
    }

    /** Registers the gauge {@code name} with {@code tags}, read from {@code source} at most once per maxAge. */
    public static void register(MeterRegistry registry, String name, Tags tags, String description, Duration maxAge,
                                Supplier<? extends Number> source) {
        SampledGauge sample = GAUGES.computeIfAbsent(name + tags, key -> new SampledGauge());
        sample.use(source, maxAge);
        Gauge.builder(name, sample, SampledGauge::value).tags(tags).description(description).strongReference(true)
                .register(registry);
    }

    private synchronized void use(Supplier<? extends Number> source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.read = false;
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
