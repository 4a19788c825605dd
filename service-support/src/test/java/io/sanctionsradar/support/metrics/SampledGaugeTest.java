package io.sanctionsradar.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sampled gauge alone, with a counting source and Micrometer's in-memory registry. */
class SampledGaugeTest {

    @Test
    void a_scrape_within_the_max_age_is_answered_from_the_last_reading() {
        MeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger reads = new AtomicInteger();
        SampledGauge.register(registry, "test.cached", Tags.empty(), "reads", Duration.ofHours(1),
                reads::incrementAndGet);

        assertEquals(1, registry.get("test.cached").gauge().value());
        assertEquals(1, registry.get("test.cached").gauge().value(), "the second scrape reads nothing");
        assertEquals(1, reads.get());
    }

    @Test
    void a_scrape_after_the_max_age_reads_again() throws InterruptedException {
        MeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger reads = new AtomicInteger();
        SampledGauge.register(registry, "test.fresh", Tags.empty(), "reads", Duration.ofMillis(20),
                reads::incrementAndGet);

        assertEquals(1, registry.get("test.fresh").gauge().value());
        Thread.sleep(40);
        assertEquals(2, registry.get("test.fresh").gauge().value());
    }

    @Test
    void a_failed_reading_is_unknown_not_zero() {
        MeterRegistry registry = new SimpleMeterRegistry();
        SampledGauge.register(registry, "test.failing", Tags.of("topic", "t"), "fails", Duration.ZERO, () -> {
            throw new IllegalStateException("the database is gone");
        });

        assertTrue(Double.isNaN(registry.get("test.failing").tag("topic", "t").gauge().value()));
    }

    @Test
    void registering_again_in_a_registry_that_outlived_the_first_source_reads_the_new_one() {
        MeterRegistry registry = new SimpleMeterRegistry();
        SampledGauge.register(registry, "test.restarted", Tags.empty(), "restarts", Duration.ofHours(1), () -> 1);
        assertEquals(1, registry.get("test.restarted").gauge().value());

        SampledGauge.register(registry, "test.restarted", Tags.empty(), "restarts", Duration.ofHours(1), () -> 2);

        assertEquals(2, registry.get("test.restarted").gauge().value(), "the restarted application's source");
    }
}
