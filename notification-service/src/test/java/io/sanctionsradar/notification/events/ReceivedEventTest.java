package io.sanctionsradar.notification.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.infra.testing.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceivedEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConsumerRecord<String, String> record(String value, String... headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sanctions.designations", 2, 41L, "key", value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void a_binary_mode_record_becomes_a_structured_cloud_event() throws Exception {
        String amended = EventSchemas.valid("sanctions.entity.amended", """
                {"designationId": "d-1", "kind": "DESIGNATION", "version": 2, "status": "ACTIVE",
                 "authority": "US-OFAC", "programs": ["GLOMAG"], "listedOn": "2021-03-22", "sourceList": "US-OFAC-SDN",
                 "measures": [{"type": "ASSET_FREEZE"}], "subject": {"type": "PERSON", "name": "Wang Junzheng"},
                 "recordedAt": "2026-11-23T10:00:00Z"}""");
        ReceivedEvent event = ReceivedEvent.of(record(amended,
                "ce_id", "e-1", "ce_type", "sanctions.entity.amended", "ce_source", "urn:sanctions-radar:designation-service",
                "ce_specversion", "1.0", "ce_subject", "d-1", "ce_time", "2026-11-23T10:00:00Z",
                "content-type", "application/json")).orElseThrow();

        JsonNode body = JSON.readTree(event.body());
        assertEquals("1.0", body.path("specversion").asText());
        assertEquals("e-1", body.path("id").asText());
        assertEquals("urn:sanctions-radar:designation-service", body.path("source").asText());
        assertEquals("sanctions.entity.amended", body.path("type").asText());
        assertEquals("d-1", body.path("subject").asText());
        assertEquals("2026-11-23T10:00:00Z", body.path("time").asText());
        assertEquals("application/json", body.path("datacontenttype").asText());
        assertEquals(2, body.path("data").path("version").asInt(), "data is JSON, not a string of it");
        assertEquals(2, event.partition());
        assertEquals(41L, event.offset());
    }

    // the records below are malformed on purpose: what the consumer does with what no producer may send
    @Test
    void a_record_without_id_or_type_is_not_a_cloud_event() {
        assertFalse(ReceivedEvent.of(record("{}", "ce_type", "sanctions.entity.listed")).isPresent());
        assertFalse(ReceivedEvent.of(record("{}", "ce_id", "e-1")).isPresent());
    }

    @Test
    void a_value_that_is_not_json_is_kept_as_text() throws Exception {
        ReceivedEvent event = ReceivedEvent.of(record("not json", "ce_id", "e-2", "ce_type", "sanctions.entity.listed",
                "ce_source", "urn:x")).orElseThrow();
        JsonNode body = JSON.readTree(event.body());
        assertEquals("not json", body.path("data").asText());
        assertEquals("text/plain", body.path("datacontenttype").asText());
        assertTrue(body.path("subject").isMissingNode(), "absent attributes are left out, not null");
    }
}
