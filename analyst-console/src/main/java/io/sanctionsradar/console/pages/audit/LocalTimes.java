package io.sanctionsradar.console.pages.audit;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A date-time-local input (no zone) read in the viewer's zone, as the ISO-8601 instant with offset the services take. */
public final class LocalTimes {

    private LocalTimes() {
    }

    /** "2026-12-06T09:30" in Europe/Zurich is "2026-12-06T09:30+01:00"; blank stays null. */
    public static String iso(String local, ZoneId zone) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            // a wall time skipped by a DST change moves forward, one repeated takes its earlier offset
            return LocalDateTime.parse(local.strip()).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date and time such as 2026-12-06T09:30", e);
        }
    }
}
