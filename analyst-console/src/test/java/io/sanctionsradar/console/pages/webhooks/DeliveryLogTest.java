package io.sanctionsradar.console.pages.webhooks;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeliveryLogTest {

    @Test
    void a_full_page_leads_to_the_deliveries_older_than_its_last() {
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = 0; i < WebhookPages.PAGE; i++) {
            page.add(Map.of("createdAt", "2026-12-06T20:15:" + (59 - i % 60) + ".5Z"));
        }
        page.set(WebhookPages.PAGE - 1, Map.of("createdAt", "2026-12-06T20:00:00.000001+01:00"));

        assertEquals("/webhooks/sub-1?status=DEAD&before=2026-12-06T20%3A00%3A00.000001%2B01%3A00",
                new WebhookPages.DeliveryLog("sub-1", "DEAD", null).older(page));
    }

    @Test
    void a_page_that_is_not_full_is_the_oldest() {
        assertNull(new WebhookPages.DeliveryLog("sub-1", null, null).older(List.of(Map.of("createdAt", "x"))));
    }

    @Test
    void the_newest_page_is_offered_only_away_from_it() {
        assertNull(new WebhookPages.DeliveryLog("sub-1", "DEAD", null).newest());
        assertEquals("/webhooks/sub-1?status=DEAD", new WebhookPages.DeliveryLog("sub-1", "DEAD", "2026-12-06T20:00Z").newest());
    }
}
