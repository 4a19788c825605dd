package io.sanctionsradar.notification.messaging;

import io.sanctionsradar.infra.testing.EventSchemas;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written test events pass through EventSchemas: one that no producer may send is refused, naming why. */
class EventSchemasTest {

    private static final String LISTED = """
            {"designationId": "%s", "kind": "DESIGNATION", "version": 1, "status": "ACTIVE", "authority": "US-OFAC",
             "programs": ["RUSSIA-EO14024"], "listedOn": "2026-11-20", "sourceList": "TEST",
             "measures": [{"type": "ASSET_FREEZE"}],
             "subject": {"type": "ORGANIZATION", "name": "Test Trading LLC", "nationalities": ["RU"]},
             "recordedAt": "2026-11-23T10:00:00Z"}""".formatted(UUID.randomUUID());

    @Test
    void a_valid_event_passes_unchanged() {
        assertEquals(List.of(), EventSchemas.violations("sanctions.entity.listed", LISTED));
        assertEquals(LISTED, EventSchemas.valid("sanctions.entity.listed", LISTED));
    }

    /** The alert that WebhookDeliveryTest fed notification-service before its events were checked. */
    @Test
    void a_malformed_hand_written_event_is_refused_with_what_is_wrong() {
        String partial = """
                {"alertId": "%s", "portfolio": "retail", "party": {"partyId": "r-1"}, "match": {}}"""
                .formatted(UUID.randomUUID());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EventSchemas.valid("screening.match.found", partial));

        assertTrue(refused.getMessage().contains("trigger"), refused.getMessage());
        assertTrue(refused.getMessage().contains("party.name") || refused.getMessage().contains("name"),
                refused.getMessage());
    }

    @Test
    void an_event_that_breaks_its_types_rules_or_has_no_schema_is_refused() {
        // an amendment at version 1, as WebhookDeliveryTest's witness was
        assertTrue(EventSchemas.violations("sanctions.entity.amended", LISTED).toString().contains("version"));
        assertTrue(EventSchemas.violations("sanctions.entity.listed", LISTED.replace("2026-11-20", "20 Nov 2026"))
                .toString().contains("listedOn"));
        assertEquals(List.of("no schema for event type sanctions.entity.renamed in "
                        + EventSchemas.violations("sanctions.entity.renamed", LISTED).get(0)
                        .substring("no schema for event type sanctions.entity.renamed in ".length())),
                EventSchemas.violations("sanctions.entity.renamed", LISTED));
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.valid("sanctions.entity.listed", "not json"));
    }
}
