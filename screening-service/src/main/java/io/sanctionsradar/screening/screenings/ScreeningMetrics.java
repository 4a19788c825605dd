package io.sanctionsradar.screening.screenings;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The figures of names screened on request (one, a JSON batch's or a CSV file's): how long each took by outcome
 * ({@code screening_duration_seconds}: matched against the watchlist, or refused by its checks) and how many
 * matches each answer had ({@code screening_matches}). Monitoring's checks are counted apart
 * ({@code monitoring_listings_checked_total}): a million parties checked against one listing would drown them.
 */
@ApplicationScoped
class ScreeningMetrics {

    static final String DURATION = "screening.duration";
    static final String MATCHES = "screening.matches";

    private final Timer matched;
    private final Timer unmatched;
    private final Timer rejected;
    private final DistributionSummary matches;

    ScreeningMetrics(MeterRegistry registry) {
        matched = duration(registry, "match");
        unmatched = duration(registry, "no_match");
        rejected = duration(registry, "rejected");
        matches = DistributionSummary.builder(MATCHES).description("matches in the answer to a name screened on request")
                // an answer holds at most its limit (10 unless asked otherwise): one, a few, many (the answers
                // without a match are screening_duration_seconds_count{outcome="no_match"})
                .serviceLevelObjectives(1, 2, 3, 5, 10, 25, 50, 100)
                .register(registry);
    }

    private static Timer duration(MeterRegistry registry, String outcome) {
        return Timer.builder(DURATION).tag("outcome", outcome)
                .description("time to screen one name on request: match, no_match, or rejected by its checks")
                // buckets from 0.5 ms (a name against a small list) to 10 s (a pathological query on a large one)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(500_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** A name was matched against the watchlist, starting at {@code startedNanos} (System.nanoTime). */
    void screened(long startedNanos, int matchCount) {
        (matchCount > 0 ? matched : unmatched).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        matches.record(matchCount);
    }

    /** A name's checks refused it, starting at {@code startedNanos}. */
    void rejected(long startedNanos) {
        rejected.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
