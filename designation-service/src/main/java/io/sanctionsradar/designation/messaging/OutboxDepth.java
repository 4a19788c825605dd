package io.sanctionsradar.designation.messaging;

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
 * {@code outbox_depth{topic="sanctions.designations"}}: designation events stored and not yet published. A list
 * import lifts it by thousands for a few seconds; one that stays up means the broker is away. Counted on the
 * outbox's partial index of unpublished rows, at most once per max age.
 */
@ApplicationScoped
class OutboxDepth {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "outbox.topic")
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
                     "SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outbox", e);
        }
    }
}
