package io.sanctionsradar.screening.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.sanctionsradar.screening.watchlist.WatchlistStatus.PartitionStatus;
import io.sanctionsradar.screening.watchlist.WatchlistStore;
import io.sanctionsradar.screening.watchlist.WatchlistStore.Position;
import io.sanctionsradar.support.metrics.SampledGauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * How far this instance's watchlist is behind the designations topic: each partition's end offset against the
 * position stored with the watchlist. The watchlist status shows it partition by partition, and Prometheus reads
 * its total as {@code consumer_lag{topic}}.
 */
@ApplicationScoped
public class WatchlistLag {

    @Inject
    TopicOffsets offsets;

    @Inject
    WatchlistStore store;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String topic;

    @ConfigProperty(name = "metrics.gauge-max-age")
    Duration maxAge;

    void register(@Observes StartupEvent start) {
        SampledGauge.register(registry, "consumer.lag", Tags.of("topic", topic),
                "events of the topic this instance has not applied yet", maxAge, this::total);
    }

    /** Each partition's position and, where the end offsets are known (not null), its end and lag. */
    public static List<PartitionStatus> partitions(List<Position> positions, Map<Integer, Long> ends) {
        List<PartitionStatus> partitions = new ArrayList<>();
        if (ends == null) {
            positions.forEach(p -> partitions.add(new PartitionStatus(p.partition(), p.nextOffset(), null, null)));
            return partitions;
        }
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            long next = positions.stream().filter(p -> p.partition() == end.getKey()).mapToLong(Position::nextOffset)
                    .findFirst().orElse(0L);
            partitions.add(new PartitionStatus(end.getKey(), next, end.getValue(), Math.max(0, end.getValue() - next)));
        }
        return partitions;
    }

    /** The events of every partition not applied yet; fails when the broker or the database does not answer. */
    long total() {
        try {
            return partitions(store.positions(topic), offsets.endOffsets(topic)).stream()
                    .mapToLong(PartitionStatus::lag).sum();
        } catch (SQLException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the lag of " + topic + " is unknown", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
