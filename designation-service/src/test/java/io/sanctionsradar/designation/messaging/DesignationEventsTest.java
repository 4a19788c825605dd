package io.sanctionsradar.designation.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change made through the API reaches Kafka as an event that matches its published JSON Schema. */
@QuarkusTest
class DesignationEventsTest {

    private static final String TOPIC = "sanctions.designations";
    private static final String SCHEMA_BASE = "https://sanctions-radar.io/schemas/events/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE,
                    Path.of("..", "schemas", "events").toAbsolutePath().normalize().toUri().toString())));

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void relayRuns() {
        relay.resume();
    }

    @Test
    void a_designations_lifecycle_is_published_in_order_as_valid_events_carrying_its_full_state() throws Exception {
        Map<String, Object> draft = draft("US-OFAC", "GLOMAG", null);
        String id = post("/api/v1/designations", draft);
        draft.put("sourceReference", "86 FR 16822 (corrected)");
        given().contentType(ContentType.JSON).body(draft).when().put("/api/v1/designations/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .when().post("/api/v1/designations/" + id + "/delisting").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);

        assertEquals(List.of("sanctions.entity.listed", "sanctions.entity.amended", "sanctions.entity.delisted"),
                events.stream().map(e -> header(e, "ce_type")).toList());
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, String> event = events.get(i);
            assertEquals(id, event.key());
            assertEquals(id, header(event, "ce_subject"));
            assertValid(event);
            JsonNode stored = json.readTree(given().when().get("/api/v1/designations/" + id + "/versions/" + (i + 1))
                    .then().statusCode(200).extract().asString());
            assertEquals(stored, json.readTree(event.value()), "event data is the designation's state at that version");
        }
    }

    @Test
    void a_countermeasure_is_imposed_and_lifted_with_its_own_event_types() {
        Map<String, Object> draft = draft("CN-MFA", "CN-COUNTERMEASURES", List.of(Map.of(
                "authority", "EU-COUNCIL", "actionDate", "2021-03-22")));
        String id = post("/api/v1/countermeasures", draft);
        given().contentType(ContentType.JSON).body(Map.of("reason", "lifted"))
                .when().post("/api/v1/designations/" + id + "/delisting").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);

        assertEquals(List.of("sanctions.countermeasure.imposed", "sanctions.countermeasure.lifted"),
                events.stream().map(e -> header(e, "ce_type")).toList());
        events.forEach(this::assertValid);
    }

    @Test
    void a_link_and_an_unlink_are_published_keyed_by_their_pair_as_valid_events() throws Exception {
        List<String> pair = new java.util.ArrayList<>(List.of(post("/api/v1/designations", draft("US-OFAC", "GLOMAG", null)),
                post("/api/v1/designations", draft("US-OFAC", "GLOMAG", null))));
        pair.sort(null);
        String key = pair.get(0) + "+" + pair.get(1);
        for (String relation : List.of("SAME_SUBJECT", "DIFFERENT_SUBJECTS")) {
            given().contentType(ContentType.JSON).body(Map.of("designationIds", List.of(pair.get(1), pair.get(0)),
                    "relation", relation, "comment", "checked " + relation)).when().put("/api/v1/subject-links")
                    .then().statusCode(200);
        }

        List<ConsumerRecord<String, String>> events = eventsOf(key, 2);

        assertEquals(List.of("sanctions.subject.linked", "sanctions.subject.unlinked"),
                events.stream().map(e -> header(e, "ce_type")).toList());
        for (int i = 0; i < events.size(); i++) {
            ConsumerRecord<String, String> event = events.get(i);
            assertEquals(key, header(event, "ce_subject"));
            assertValid(event);
            JsonNode data = json.readTree(event.value());
            assertEquals(i + 1, data.path("version").asInt());
            assertEquals(pair, List.of(data.path("designationIds").get(0).asText(),
                    data.path("designationIds").get(1).asText()));
            assertTrue(data.path("decidedBy").isMissingNode(), "who decided stays in the audit trail");
        }
        assertEquals("checked DIFFERENT_SUBJECTS", json.readTree(events.get(1).value()).path("comment").asText());
    }

    @Test
    void the_link_schemas_refuse_a_relation_of_the_other_type() {
        JsonSchema linked = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + "sanctions.subject.linked.schema.json"));
        String unlink = """
                {"designationIds": ["0b0e4e5a-0000-4000-8000-000000000001", "0b0e4e5a-0000-4000-8000-000000000002"],
                 "relation": "DIFFERENT_SUBJECTS", "comment": "x", "decidedAt": "2026-01-15T10:00:00Z", "version": 1}""";
        assertEquals(1, linked.validate(unlink, com.networknt.schema.InputFormat.JSON).size());
        assertEquals(0, linked.validate(unlink.replace("DIFFERENT_SUBJECTS", "SAME_SUBJECT"),
                com.networknt.schema.InputFormat.JSON).size());
    }

    @Test
    void a_change_committed_while_publishing_is_down_is_published_once_it_is_back() {
        relay.pause();
        String id = post("/api/v1/designations", draft("US-OFAC", "GLOMAG", null));

        long pending = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("aggregateId = ?1 and publishedAt is null", id));
        assertEquals(1L, pending, "the event waits in the outbox, committed with the designation");
        String witness = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(TOPIC, witness, "{}", Map.of());
            List<ConsumerRecord<String, String>> seen = kafka.readUntil(TOPIC, r -> witness.equals(r.key()),
                    Duration.ofSeconds(30));
            assertTrue(seen.stream().noneMatch(r -> id.equals(r.key())), "nothing was published while paused");
        }

        relay.resume();

        List<ConsumerRecord<String, String>> events = eventsOf(id, 1);
        assertEquals("sanctions.entity.listed", header(events.get(0), "ce_type"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "aggregateId = ?1 and publishedAt is null", id).firstResult()));
    }

    @Test
    void the_schemas_reject_an_event_that_breaks_them() {
        JsonSchema listed = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + "sanctions.entity.listed.schema.json"));
        String withoutSubjectName = """
                {"designationId": "d1", "kind": "DESIGNATION", "version": 1, "status": "ACTIVE",
                 "authority": "US-OFAC", "programs": ["GLOMAG"], "listedOn": "2021-03-22", "sourceList": "X",
                 "measures": [{"type": "ASSET_FREEZE"}], "subject": {"type": "PERSON"},
                 "recordedAt": "2021-03-22T10:00:00Z"}""";
        assertEquals(1, listed.validate(withoutSubjectName, com.networknt.schema.InputFormat.JSON).size());
    }

    private void assertValid(ConsumerRecord<String, String> event) {
        String type = header(event, "ce_type");
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + type + ".schema.json"));
        Set<ValidationMessage> errors = schema.validate(event.value(), com.networknt.schema.InputFormat.JSON);
        assertTrue(errors.isEmpty(), type + " event does not match its schema: " + errors);
    }

    private List<ConsumerRecord<String, String>> eventsOf(String key, int count) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            int[] seen = {0};
            return kafka.readUntil(TOPIC, r -> key.equals(r.key()) && ++seen[0] == count, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).toList();
        }
    }

    private static Map<String, Object> draft(String authority, String program, List<Map<String, Object>> respondsTo) {
        Map<String, Object> draft = new java.util.HashMap<>(Map.of(
                "authority", authority,
                "programs", List.of(program),
                "listedOn", "2021-03-22",
                "sourceList", "TEST",
                "sourceId", UUID.randomUUID().toString(),
                "measures", List.of(Map.of("type", "ASSET_FREEZE")),
                "subject", Map.of("type", "PERSON", "name", "CHEN, Mingguo",
                        "aliases", List.of(Map.of("name", "陈明国", "kind", "AKA", "script", "Hani")),
                        "birthDates", List.of("1966-10"), "nationalities", List.of("CN"))));
        if (respondsTo != null) {
            draft.put("respondsTo", respondsTo);
        }
        return draft;
    }

    private static String post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().path("designationId");
    }
}
