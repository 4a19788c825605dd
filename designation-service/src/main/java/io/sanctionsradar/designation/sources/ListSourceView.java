package io.sanctionsradar.designation.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A list's freshness as an operator reads it: where it comes from, when it was last tried, last good and last
 * changed, what is being served, and whether it is older than its maximum age ({@code stale}). A list that was
 * only ever uploaded has no source: no format of its own beyond the last import's, no URLs, never scheduled.
 */
public record ListSourceView(String list, String format, List<String> urls, boolean configured, boolean enabled,
                             String every, String maxAge, Instant lastAttemptAt, Instant lastSuccessAt,
                             Instant lastChangeAt, String lastOutcome, String lastError, long activeEntries,
                             String contentHash, Long contentSize, Long ageSeconds, boolean stale, Instant nextSyncAt) {

    static ListSourceView of(String list, ListSourcesConfig.Source source, ListSourceStore.State state,
                             String lastFormat, long activeEntries, Instant now) {
        Duration maxAge = source == null ? null : source.maxAge();
        Long age = state.lastSuccessAt() == null ? null : Duration.between(state.lastSuccessAt(), now).toSeconds();
        boolean stale = maxAge != null && (age == null || age > maxAge.toSeconds());
        Instant next = source == null || !source.enabled() ? null
                : state.lastAttemptAt() == null ? now : state.lastAttemptAt().plus(source.every());
        return new ListSourceView(list, source == null ? lastFormat : source.format(),
                source == null ? List.of() : source.urls(), source != null, source != null && source.enabled(),
                source == null ? null : source.every().toString(), maxAge == null ? null : maxAge.toString(),
                state.lastAttemptAt(), state.lastSuccessAt(), state.lastChangeAt(), state.lastOutcome(),
                state.lastError(), activeEntries, state.contentHash(), state.contentSize(), age, stale, next);
    }
}
