package io.sanctionsradar.screening.messaging;

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
 * {@code outbox_depth{topic}} of screening-service's two outboxes: alert events for {@code screening.alerts} and
 * party events for {@code screening.parties}, stored and not yet published.
 */
@ApplicationScoped
class OutboxDepths {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "alerts.topic")
    String alerts;

    @ConfigProperty(name = "parties.topic")
    String parties;

    @ConfigProperty(name = "metrics.gauge-max-age")
    Duration maxAge;

    void register(@Observes StartupEvent start) {
        UnpublishedRows.gauge(registry, dataSource, "alert_outbox", alerts, maxAge);
        UnpublishedRows.gauge(registry, dataSource, "party_outbox", parties, maxAge);
    }
}
