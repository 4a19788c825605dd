package io.sanctionsradar.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(
            List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)), 0.2, Duration.ofHours(1));

    @Test
    void waits_follow_the_schedule_within_the_jitter_and_then_give_up() {
        long[] base = {5_000, 300_000, 1_800_000};
        for (int step = 0; step < 3; step++) {
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 2_000; i++) {
                long wait = schedule.next(step, Optional.empty()).orElseThrow().toMillis();
                min = Math.min(min, wait);
                max = Math.max(max, wait);
            }
            assertTrue(min >= base[step] * 0.8 && max <= base[step] * 1.2, step + ": " + min + ".." + max);
            assertTrue(max - min > base[step] * 0.2, "the waits are spread, not fixed: " + min + ".." + max);
        }
        assertEquals(Optional.empty(), schedule.next(3, Optional.empty()));
        assertEquals(Optional.empty(), schedule.next(3, Optional.of(Duration.ofSeconds(1))),
                "Retry-After does not extend the schedule");
    }

    @Test
    void retry_after_replaces_the_wait_up_to_the_cap() {
        assertEquals(Duration.ofSeconds(120), schedule.next(0, Optional.of(Duration.ofSeconds(120))).orElseThrow());
        assertEquals(Duration.ofHours(1), schedule.next(0, Optional.of(Duration.ofDays(2))).orElseThrow());
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetrySchedule.parseRetryAfter("30", now));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetrySchedule.parseRetryAfter("Mon, 23 Nov 2026 10:01:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetrySchedule.parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("soon", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter("-5", now));
        assertEquals(Optional.empty(), RetrySchedule.parseRetryAfter(null, now));
    }
}
