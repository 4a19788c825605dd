package io.sanctionsradar.screening.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.sanctionsradar.screening.messaging.AlertEventSamples.CLEARED;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.FOUND;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.cleared;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.found;
import static io.sanctionsradar.screening.messaging.AlertEventSamples.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON Schemas of screening.alerts accept what the service writes and reject what breaks the contract. */
class AlertSchemasTest {

    private static final UUID ALERT = UUID.fromString("0b1f4c1e-7d0a-4f5e-9a51-2c3d4e5f6a7b");
    private static final UUID ENTRY = UUID.fromString("6a2e9d3c-1b4f-4e8a-b7c6-5d4e3f2a1b0c");

    @Test
    void a_found_alert_with_every_field_is_valid() {
        assertValid(FOUND, found(ALERT, "emea", "cust-42", ENTRY));
    }

    @Test
    void a_found_alert_without_its_optional_fields_is_valid() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) found.get("party")).remove(List.of("type", "birthDate", "country"));
        ((ObjectNode) found.get("match")).remove(List.of("sourceId", "listedOn", "delistedOn"));
        found.set("trigger", found.objectNode().put("kind", "PARTY_UPSERT").put("partyVersion", 1));
        assertValid(FOUND, found);
    }

    @Test
    void a_party_of_unknown_type_may_say_so_with_null() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) found.get("party")).putNull("type");
        assertValid(FOUND, found);
    }

    @Test
    void a_cleared_alert_is_valid() {
        assertValid(CLEARED, cleared(ALERT, "emea", "cust-42", ENTRY));
    }

    @Test
    void a_found_alert_without_its_id_is_rejected() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        found.remove("alertId");
        assertRejectedAt(FOUND, found, "required", "alertId");
    }

    @Test
    void a_cleared_alert_with_an_unknown_reason_is_rejected() {
        ObjectNode cleared = cleared(ALERT, "emea", "cust-42", ENTRY);
        cleared.put("reason", "FOO");
        assertRejectedAt(CLEARED, cleared, "enum", "/reason");
    }

    @Test
    void a_cleared_alert_without_the_time_it_was_cleared_is_rejected() {
        ObjectNode cleared = cleared(ALERT, "emea", "cust-42", ENTRY);
        cleared.remove("clearedAt");
        assertRejectedAt(CLEARED, cleared, "required", "clearedAt");
    }

    @Test
    void a_score_above_one_is_rejected() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) found.get("match")).put("score", 1.5);
        assertRejectedAt(FOUND, found, "maximum", "/match/score");
    }

    @Test
    void an_alert_id_that_is_not_a_uuid_is_rejected() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        found.put("alertId", "alert-1");
        assertRejectedAt(FOUND, found, "format", "/alertId");
    }

    @Test
    void times_and_referenced_ids_are_held_to_their_formats() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        found.put("foundAt", "2026-01-15 10:00");
        assertRejectedAt(FOUND, found, "format", "/foundAt");
        ObjectNode cleared = cleared(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) cleared.get("trigger")).put("designationId", "36210");
        assertRejectedAt(CLEARED, cleared, "format", "/trigger/designationId");
    }

    @Test
    void a_party_of_an_unknown_type_or_with_a_malformed_birth_date_is_rejected() {
        ObjectNode robot = found(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) robot.get("party")).put("type", "ROBOT");
        assertRejectedAt(FOUND, robot, "enum", "/party/type");
        ObjectNode dated = found(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) dated.get("party")).put("birthDate", "1966-1");
        assertRejectedAt(FOUND, dated, "pattern", "/party/birthDate");
    }

    @Test
    void a_trigger_must_say_what_kind_it_is_in_both_event_types() {
        ObjectNode found = found(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) found.get("trigger")).put("kind", "MANUAL");
        assertRejectedAt(FOUND, found, "enum", "/trigger/kind");
        ObjectNode cleared = cleared(ALERT, "emea", "cust-42", ENTRY);
        ((ObjectNode) cleared.get("trigger")).remove("kind");
        assertRejectedAt(CLEARED, cleared, "required", "kind");
    }

    private static void assertValid(String type, ObjectNode event) {
        Set<ValidationMessage> errors = violations(type, event.toString());
        assertTrue(errors.isEmpty(), type + " sample does not match its schema: " + errors);
    }

    /** Exactly one violation, of this keyword, about this field (a required property's name, or a JSON pointer). */
    private static void assertRejectedAt(String type, ObjectNode event, String keyword, String field) {
        Set<ValidationMessage> errors = violations(type, event.toString());
        assertEquals(1, errors.size(), "violations: " + errors);
        ValidationMessage error = errors.iterator().next();
        assertEquals(keyword, error.getType(), error.toString());
        String at = "required".equals(keyword) ? error.getProperty() : error.getInstanceLocation().toString();
        assertEquals(field, at, error.toString());
    }
}
