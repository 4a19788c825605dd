package io.sanctionsradar.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * {@code outbox_depth{topic}}: the rows of a transactional outbox not yet published to their topic. It grows while
 * the broker is away and falls back to zero once the relay catches up; counted on the outbox's partial index of
 * unpublished rows, at most once per max age ({@link SampledGauge}).
 */
public final class UnpublishedRows {

    private UnpublishedRows() {
    }

    /** @param table an outbox table of the service's own schema (a constant, never input) */
    public static void gauge(MeterRegistry registry, DataSource dataSource, String table, String topic,
                             Duration maxAge) {
        SampledGauge.register(registry, "outbox.depth", Tags.of("topic", topic),
                "events in the outbox not yet published", maxAge, () -> count(dataSource, table));
    }

    public static long count(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM " + table + " WHERE published_at IS NULL");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + table, e);
        }
    }
}
