package io.sanctionsradar.console.pages.webhooks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionFormTest {

    @Test
    void each_filter_is_a_list_of_the_values_typed_between_commas() {
        SubscriptionForm form = new SubscriptionForm(" https://hooks.example/in ", "EMEA desk",
                List.of("sanctions.entity.listed", "screening.match.found"), "US-OFAC, CN-MFA,",
                "Hong Kong Autonomy Act; SDGT", List.of("PERSON"), "ru\ncn", "");

        assertEquals(Map.of("url", "https://hooks.example/in", "description", "EMEA desk",
                "eventTypes", List.of("sanctions.entity.listed", "screening.match.found"),
                "filter", Map.of("authorities", List.of("US-OFAC", "CN-MFA"),
                        "programs", List.of("Hong Kong Autonomy Act", "SDGT"), "subjectTypes", List.of("PERSON"),
                        "countries", List.of("RU", "CN"), "portfolios", List.of())), form.body());
    }

    @Test
    void a_blank_description_is_left_out_and_blank_filters_pass_everything() {
        Map<String, Object> body = new SubscriptionForm("https://x", " ", List.of("sanctions.list.synced"), "", null,
                null, "  ", "").body();

        assertFalse(body.containsKey("description"));
        assertEquals(Map.of("authorities", List.of(), "programs", List.of(), "subjectTypes", List.of(),
                "countries", List.of(), "portfolios", List.of()), body.get("filter"));
    }

    @Test
    void the_form_remembers_what_was_ticked() {
        SubscriptionForm form = new SubscriptionForm("", "", List.of("screening.match.found"), "", "",
                List.of("VESSEL"), "", "");

        assertTrue(form.chose("screening.match.found"));
        assertFalse(form.chose("sanctions.entity.listed"));
        assertTrue(form.narrowsTo("VESSEL"));
    }
}
