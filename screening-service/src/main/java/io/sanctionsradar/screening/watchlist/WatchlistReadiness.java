package io.sanctionsradar.screening.watchlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the watchlist is loaded: an instance must not answer screenings from an empty index. */
@Readiness
@ApplicationScoped
public class WatchlistReadiness implements HealthCheck {

    @Inject
    Watchlist watchlist;

    @Override
    public HealthCheckResponse call() {
        if (!watchlist.loaded()) {
            return HealthCheckResponse.named("watchlist").down().withData("loaded", false).build();
        }
        Watchlist.Summary summary = watchlist.summary();
        return HealthCheckResponse.named("watchlist").up()
                .withData("entries", summary.total())
                .withData("version", summary.version())
                .build();
    }
}
