package io.sanctionsradar.console.pages.lists;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgeTest {

    private final Age age = new Age();

    @Test
    void an_age_reads_in_its_two_largest_units() {
        assertEquals("40 s", age.of(40));
        assertEquals("5 min", age.of(330L));
        assertEquals("2 h 5 min", age.of(2 * 3600 + 5 * 60 + 9));
        assertEquals("3 d 4 h", age.of(3 * 86_400L + 4 * 3600 + 59));
    }

    @Test
    void a_list_that_never_arrived_has_no_age() {
        assertEquals("", age.of(null));
        assertEquals("", age.of("NOT_FOUND"));
    }
}
