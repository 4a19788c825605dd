package io.sanctionsradar.screening.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the monitored parties are indexed: until then a new listing's alerts would wait. */
@Readiness
@ApplicationScoped
public class MonitoringReadiness implements HealthCheck {

    @Inject
    AlertMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        if (!monitor.loaded()) {
            return HealthCheckResponse.named("monitoring").down().withData("loaded", false).build();
        }
        return HealthCheckResponse.named("monitoring").up().withData("parties", monitor.partyCount()).build();
    }
}
