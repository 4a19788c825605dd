package io.sanctionsradar.screening.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the shards of Kafka's first assignment are rebuilt and live: until then a party stored here is
 * alerted on by its shard's activation, a moment later, rather than with its answer. Shards moved later are rebuilt
 * while the instance stays ready (the data says which).
 */
@Readiness
@ApplicationScoped
public class MonitoringReadiness implements HealthCheck {

    @Inject
    ShardMonitor shards;

    @Inject
    LiveBook book;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("monitoring").status(shards.ready())
                .withData("parties", book.size())
                .withData("building", shards.building().toString())
                .build();
    }
}
