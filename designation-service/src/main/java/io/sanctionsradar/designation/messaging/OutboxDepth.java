package io.sanctionsradar.designation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.support.metrics.UnpublishedRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * {@code outbox_depth{topic="sanctions.designations"}}: designation events stored and not yet published. A list
 * import lifts it by thousands for a few seconds; one that stays up means the broker is away.
 */
@ApplicationScoped
class OutboxDepth {

    private static final String TABLE = "outbox_event";

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "outbox.topic")
    String topic;

    @ConfigProperty(name = "metrics.gauge-max-age")
    Duration maxAge;

    void register(@Observes StartupEvent start) {
        UnpublishedRows.gauge(registry, dataSource, TABLE, topic, maxAge);
    }

    long unpublished() {
        return UnpublishedRows.count(dataSource, TABLE);
    }
}
