package io.sanctionsradar.console.pages.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuditFiltersTest {

    private final AuditPages.Filters filters = new AuditPages.Filters("screening", "", "party.", null,
            "2026-12-06T09:30", "", "120");

    @Test
    void the_older_page_keeps_the_filters_as_typed_and_starts_before_the_cursor() {
        assertEquals("/audit?service=screening&action=party.&since=2026-12-06T09%3A30&before=36",
                filters.older(JsonNodeFactory.instance.numberNode(36L)));
    }

    @Test
    void the_oldest_page_has_no_older_one() {
        assertNull(filters.older(JsonNodeFactory.instance.nullNode()));
        assertNull(filters.older(JsonNodeFactory.instance.missingNode()));
    }

    @Test
    void the_newest_page_drops_the_cursor() {
        assertEquals("/audit?service=screening&action=party.&since=2026-12-06T09%3A30", filters.newest());
    }
}
