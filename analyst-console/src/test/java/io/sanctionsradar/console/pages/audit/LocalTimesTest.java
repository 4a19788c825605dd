package io.sanctionsradar.console.pages.audit;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalTimesTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Test
    void a_wall_time_is_read_in_the_viewers_zone_with_its_offset_of_that_day() {
        assertEquals("2026-12-06T09:30+01:00", LocalTimes.iso("2026-12-06T09:30", ZURICH));
        assertEquals("2026-07-01T09:30:15+02:00", LocalTimes.iso("2026-07-01T09:30:15", ZURICH));
        assertEquals("2026-12-06T09:30Z", LocalTimes.iso("2026-12-06T09:30", ZoneOffset.UTC));
    }

    @Test
    void a_wall_time_skipped_by_the_spring_change_moves_forward() {
        assertEquals("2026-03-29T03:30+02:00", LocalTimes.iso("2026-03-29T02:30", ZURICH));
    }

    @Test
    void blank_is_no_bound_and_anything_else_is_refused() {
        assertNull(LocalTimes.iso(" ", ZURICH));
        assertThrows(IllegalArgumentException.class, () -> LocalTimes.iso("yesterday", ZURICH));
    }
}
