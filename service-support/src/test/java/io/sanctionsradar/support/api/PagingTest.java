package io.sanctionsradar.support.api;

import io.sanctionsradar.support.errors.FieldError;
import io.sanctionsradar.support.errors.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    @Test
    void a_page_is_an_offset_computed_without_overflow() {
        assertEquals(new Paging(1000, 500), Paging.ofPage("2", "500", 500));
        assertEquals(20_000, Paging.ofPage("20000", "500", 500).page());
        assertEquals(List.of("page"), fields(() -> Paging.ofPage(String.valueOf(Integer.MAX_VALUE), "500", 500)));
        assertEquals(List.of("page"), fields(() -> Paging.ofPage("20001", "500", 500)));
    }

    @Test
    void every_parameter_out_of_bounds_is_named() {
        assertEquals(List.of("page", "size"), fields(() -> Paging.ofPage("-1", "0", 500)));
        assertEquals(List.of("size"), fields(() -> Paging.ofPage("0", "501", 500)));
        assertEquals(List.of("page"), fields(() -> Paging.ofPage("99999999999999999999", "1", 500)));
        assertEquals(List.of("offset"), fields(() -> Paging.ofOffset("2147483648", "10", 1000)));
        assertEquals(List.of("offset", "size"), fields(() -> Paging.ofOffset("ten", "", 1000)));
        assertEquals(List.of("limit"), fields(() -> Paging.limit("0", 1000)));
        assertEquals(List.of("before"), fields(() -> Paging.cursor("before", "-4")));
    }

    @Test
    void values_within_the_bounds_are_taken() {
        assertEquals(new Paging(10_000_000, 1000), Paging.ofOffset("10000000", "1000", 1000));
        assertEquals(new Paging(0, 1), Paging.ofOffset(" 0 ", "1", 1000));
        assertEquals(1000, Paging.limit("1000", 1000));
        assertEquals(42L, Paging.cursor("before", "42"));
        assertNull(Paging.cursor("before", null));
    }

    private static List<String> fields(Runnable call) {
        InvalidRequest refused = assertThrows(InvalidRequest.class, call::run);
        return refused.errors().stream().map(FieldError::field).toList();
    }
}
