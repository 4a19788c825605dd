package io.sanctionsradar.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanctionsradar.infra.testing.EventSchemas;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Designation events as designation-service publishes them (CloudEvents binary mode, the full state as data). */
public final class TestEvents {

    public static final String TOPIC = "sanctions.designations";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** An active OFAC designation of a person at version 1; tests change what they need. */
    public static ObjectNode designation(String name) {
        ObjectNode d = JSON.createObjectNode();
        d.put("designationId", UUID.randomUUID().toString());
        d.put("kind", "DESIGNATION");
        d.put("version", 1);
        d.put("status", "ACTIVE");
        d.put("authority", "US-OFAC");
        d.putArray("programs").add("SDGT");
        d.put("legalBasis", "E.O. 13224");
        d.put("listedOn", "2021-03-22");
        d.put("sourceList", "US-OFAC-SDN");
        d.put("sourceId", String.valueOf(Math.abs(name.hashCode())));
        d.putArray("measures").addObject().put("type", "ASSET_FREEZE");
        ObjectNode subject = d.putObject("subject");
        subject.put("type", "PERSON");
        subject.put("name", name);
        subject.putArray("aliases");
        subject.putArray("birthDates");
        subject.putArray("nationalities");
        d.put("recordedAt", Instant.now().toString());
        return d;
    }

    /** A person born 1963-08-01, of Chinese nationality, listed by this authority on this list and day. */
    public static ObjectNode person(String name, String authority, String sourceList, String listedOn) {
        ObjectNode d = designation(name);
        d.put("authority", authority);
        d.put("sourceList", sourceList);
        d.put("listedOn", listedOn);
        ObjectNode subject = (ObjectNode) d.get("subject");
        subject.putArray("birthDates").add("1963-08-01");
        subject.putArray("nationalities").add("CN");
        return d;
    }

    public static ObjectNode alias(ObjectNode designation, String name, String script) {
        ArrayNode aliases = (ArrayNode) designation.get("subject").get("aliases");
        ObjectNode alias = aliases.addObject().put("name", name).put("kind", "AKA");
        if (script != null) {
            alias.put("script", script);
        }
        return designation;
    }

    /** The next version of the designation with the given status. */
    public static ObjectNode next(ObjectNode designation, String status) {
        ObjectNode next = designation.deepCopy();
        next.put("version", designation.get("version").asInt() + 1);
        next.put("status", status);
        if ("DELISTED".equals(status)) {
            next.put("delistedOn", "2026-01-15");
        }
        return next;
    }

    public static String id(ObjectNode designation) {
        return designation.get("designationId").asText();
    }

    public static RecordMetadata publish(KafkaTestClient kafka, ObjectNode designation) {
        return publish(kafka, TOPIC, designation);
    }

    /** Publishes the designation's event to this topic (a service under test configured to read it). */
    public static RecordMetadata publish(KafkaTestClient kafka, String topic, ObjectNode designation) {
        String type = switch (designation.get("status").asText()) {
            case "DELISTED" -> "COUNTERMEASURE".equals(designation.path("kind").asText())
                    ? "sanctions.countermeasure.lifted" : "sanctions.entity.delisted";
            default -> "COUNTERMEASURE".equals(designation.path("kind").asText())
                    ? "sanctions.countermeasure.imposed"
                    : designation.get("version").asInt() == 1 ? "sanctions.entity.listed" : "sanctions.entity.amended";
        };
        return send(kafka, topic, id(designation), designation.toString(), type, UUID.randomUUID().toString());
    }

    /** Publishes the designation's first version as designation-service's relay does with tracing on: in a trace. */
    public static RecordMetadata publishListed(KafkaTestClient kafka, ObjectNode designation, String traceparent) {
        Map<String, String> headers = new HashMap<>(headers(id(designation), "sanctions.entity.listed",
                UUID.randomUUID().toString()));
        headers.put("traceparent", traceparent);
        return kafka.send(TOPIC, id(designation), EventSchemas.valid("sanctions.entity.listed", designation.toString()),
                headers);
    }

    /** Publishes this event data, checked against the schema of its type first. */
    public static RecordMetadata publish(KafkaTestClient kafka, String key, String value, String type, String eventId) {
        return send(kafka, TOPIC, key, value, type, eventId);
    }

    /** Publishes data no producer may send (tests of what the consumer does with it): not checked. */
    public static RecordMetadata publishMalformed(KafkaTestClient kafka, String key, String value, String type,
                                                  String eventId) {
        return kafka.send(TOPIC, key, value, headers(key, type, eventId));
    }

    private static RecordMetadata send(KafkaTestClient kafka, String topic, String key, String value, String type, String eventId) {
        // hand-written events are held to the published schemas, so this consumer's tests follow the producer
        return kafka.send(topic, key, EventSchemas.valid(type, value), headers(key, type, eventId));
    }

    private static Map<String, String> headers(String key, String type, String eventId) {
        return Map.of(
                "ce_id", eventId,
                "ce_type", type,
                "ce_source", "urn:sanctions-radar:designation-service",
                "ce_specversion", "1.0",
                "ce_subject", key,
                "ce_time", Instant.now().toString(),
                "content-type", "application/json");
    }

    /** Publishes a designation of an organization with this name and waits until it is screenable. */
    public static ObjectNode listOrganization(String bootstrapServers, String name) {
        return listOrganization(bootstrapServers, name, "US-OFAC", "US-OFAC-SDN");
    }

    /** Publishes this authority's designation of an organization, on this source list; waits until it is screenable. */
    public static ObjectNode listOrganization(String bootstrapServers, String name, String authority,
                                              String sourceList) {
        ObjectNode listed = designation(name);
        listed.put("authority", authority);
        listed.put("sourceList", sourceList);
        ((ObjectNode) listed.get("subject")).put("type", "ORGANIZATION");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.createCompactedTopic(TOPIC, 3);
            publish(kafka, listed);
        }
        awaitVersion(listed, 1);
        return listed;
    }

    /** Until a screening finds the entry at this version: the in-memory index follows the database commit. */
    public static void awaitVersion(ObjectNode designation, int version) {
        String name = designation.get("subject").get("name").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var matches = given().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "includeDelisted", true, "threshold", 1.0))
                    .post("/api/v1/screenings").jsonPath();
            List<String> ids = matches.getList("matches.entryId");
            List<Integer> versions = matches.getList("matches.entryVersion");
            int at = ids.indexOf(id(designation));
            return at >= 0 && versions.get(at) == version;
        });
    }

}
