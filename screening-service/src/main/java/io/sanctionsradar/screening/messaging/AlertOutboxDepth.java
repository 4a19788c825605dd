package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.support.metrics.SampledGauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * {@code outbox_depth{topic="screening.alerts"}}: alert events stored and not yet published. It grows while the
 * broker is away and should fall back to zero within a poll once it returns; counted on the outbox's partial
 * index of unpublished rows, at most once per max age.
 */
@ApplicationScoped
class AlertOutboxDepth {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "alerts.topic")
    String topic;

    @ConfigProperty(name = "metrics.gauge-max-age")
    Duration maxAge;

    void register(@Observes StartupEvent start) {
        SampledGauge.register(registry, "outbox.depth", Tags.of("topic", topic),
                "events in the outbox not yet published", maxAge, this::unpublished);
    }

    long unpublished() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM alert_outbox WHERE published_at IS NULL");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the alert outbox", e);
        }
    }
}
