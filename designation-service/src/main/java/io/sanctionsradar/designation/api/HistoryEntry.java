package io.sanctionsradar.designation.api;

import io.sanctionsradar.designation.service.Changes;

import java.time.Instant;
import java.util.List;

/**
 * One version in a designation's history: the event it produced, who made it, when, and what changed (nothing for
 * the first version, whose whole state is at {@code /versions/1}).
 */
public record HistoryEntry(int version, String eventType, Instant changedAt, String changedBy,
                           List<Changes.Change> changes) {
}
