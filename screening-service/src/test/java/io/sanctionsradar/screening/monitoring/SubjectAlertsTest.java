package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.DesignationTopicTest;
import io.sanctionsradar.screening.messaging.AlertEventSamples;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static io.sanctionsradar.screening.TestEvents.awaitVersion;
import static io.sanctionsradar.screening.TestEvents.id;
import static io.sanctionsradar.screening.TestEvents.next;
import static io.sanctionsradar.screening.TestEvents.person;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One alert per monitored party and subject, against a real broker and database: the further listings of a
 * subject (the same person listed by other authorities) amend the alert's evidence instead of raising alerts, and
 * the alert passes to a further listing when the one that raised it is delisted.
 */
@QuarkusTest
class SubjectAlertsTest extends DesignationTopicTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void further_listings_of_a_matched_subject_amend_its_alert_and_it_passes_on_when_the_first_is_delisted() {
        String family = family();
        String portfolio = "subjects-" + UUID.randomUUID().toString().substring(0, 8);
        put(portfolio, "w-1", "Junzheng " + family);

        ObjectNode ofac = person(family + ", Junzheng", "US-OFAC", "US-OFAC-SDN", "2020-07-31");
        publish(kafka, ofac);
        JsonPath alert = awaitAlert(portfolio, a -> a.getList("evidence").isEmpty());
        String alertId = alert.getString("alertId");
        String subjectId = alert.getString("subjectId");
        assertNotNull(subjectId);
        assertEquals(id(ofac), alert.getString("entryId"));

        ObjectNode eu = person("Junzheng " + family, "EU", "EU-FSF", "2021-03-22");
        ObjectNode uk = person(family + " Junzheng", "UK-OFSI", "UK-OFSI", "2021-03-22");
        publish(kafka, eu);
        publish(kafka, uk);
        alert = awaitAlert(portfolio, a -> a.getList("evidence").size() == 2);
        assertEquals(alertId, alert.getString("alertId"), "the same alert, not a new one per listing");
        assertEquals(Set.of(id(eu), id(uk)), Set.copyOf(alert.getList("evidence.entryId")));
        assertEquals(Set.of("EU", "UK-OFSI"), Set.copyOf(alert.getList("evidence.match.authority")));
        assertEquals(1, total(portfolio, null));

        publish(kafka, next(eu, "DELISTED"));
        alert = awaitAlert(portfolio, a -> a.getList("evidence.removedAt").stream().anyMatch(r -> r != null));
        assertEquals("DELISTED", evidenceOf(alert, id(eu)).get("removedReason"));
        assertNull(evidenceOf(alert, id(uk)).get("removedAt"));
        assertEquals("OPEN", alert.getString("status"));

        // the listing that raised the alert goes: the alert is cleared and the UK listing carries the subject on
        publish(kafka, next(ofac, "DELISTED"));
        JsonPath successor = awaitAlert(portfolio, a -> id(uk).equals(a.getString("entryId")));
        assertNotEquals(alertId, successor.getString("alertId"));
        assertEquals(subjectId, successor.getString("subjectId"));
        assertEquals(1, total(portfolio, "CLEARED"));
        assertEquals(2, total(portfolio, null));

        String key = portfolio + "/w-1";
        List<ConsumerRecord<String, String>> events = kafka.readUntil("screening.alerts",
                r -> key.equals(r.key()) && AlertEvents.CLEARED.equals(header(r, "ce_type")), WAIT)
                .stream().filter(r -> key.equals(r.key())).toList();
        assertEquals(List.of(AlertEvents.FOUND, AlertEvents.AMENDED, AlertEvents.AMENDED, AlertEvents.AMENDED,
                AlertEvents.FOUND, AlertEvents.CLEARED), events.stream().map(r -> header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(Set.of(), AlertEventSamples.violations(header(event, "ce_type"), event.value()));
        }
        assertEquals(List.of("LISTING_ADDED", "LISTING_ADDED", "LISTING_REMOVED"), events.subList(1, 4).stream()
                .map(r -> JsonPath.from(r.value()).getString("change")).toList());
    }

    @Test
    void a_party_stored_after_three_listings_of_one_subject_gets_one_alert_with_the_others_as_evidence() {
        String family = family();
        ObjectNode ofac = person(family + ", Mingguo", "US-OFAC", "US-OFAC-SDN", "2021-03-22");
        ObjectNode eu = person("Mingguo " + family, "EU", "EU-FSF", "2021-03-22");
        ObjectNode uk = person(family + " Mingguo", "UK-OFSI", "UK-OFSI", "2021-03-22");
        publish(kafka, ofac);
        publish(kafka, eu);
        publish(kafka, uk);
        awaitVersion(ofac, 1);
        awaitVersion(eu, 1);
        awaitVersion(uk, 1);

        String portfolio = "subjects-" + UUID.randomUUID().toString().substring(0, 8);
        put(portfolio, "m-1", "Mingguo " + family);
        JsonPath alert = awaitAlert(portfolio, a -> a.getList("evidence").size() == 2);
        assertEquals(1, total(portfolio, null));
        List<String> listings = List.of(alert.getString("entryId"), alert.getString("evidence[0].entryId"),
                alert.getString("evidence[1].entryId"));
        assertEquals(Set.of(id(ofac), id(eu), id(uk)), Set.copyOf(listings));
        assertEquals("PARTY_UPSERT", alert.getString("evidence[0].trigger.kind"));

        // the party changes to someone else: the alert is cleared and its evidence with it, nothing passes on
        put(portfolio, "m-1", "Entirely Different Person " + family());
        awaitAlert(portfolio, a -> "CLEARED".equals(a.getString("status")));
        assertEquals(1, total(portfolio, null));
    }

    private static Map<String, Object> evidenceOf(JsonPath alert, String entryId) {
        List<Map<String, Object>> evidence = alert.getList("evidence");
        return evidence.stream().filter(e -> entryId.equals(e.get("entryId"))).findFirst().orElseThrow();
    }

    /** The newest alert of the portfolio, once it satisfies the condition. */
    private static JsonPath awaitAlert(String portfolio, java.util.function.Predicate<JsonPath> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath page = given().queryParam("portfolio", portfolio).get("/api/v1/alerts").then().statusCode(200)
                    .extract().jsonPath();
            return page.getInt("total") == 0 ? null : page.setRootPath("items[0]");
        }, page -> page != null && condition.test(page));
    }

    private static int total(String portfolio, String status) {
        return given().queryParam("portfolio", portfolio).queryParam("status", status).get("/api/v1/alerts")
                .then().statusCode(200).extract().path("total");
    }

    private static void put(String portfolio, String partyId, String name) {
        given().contentType(ContentType.JSON).queryParam("portfolio", portfolio)
                .body(Map.of("name", name, "type", "PERSON", "birthDate", "1963-08-01", "country", "CN"))
                .put("/api/v1/monitored-parties/" + partyId).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** A family name no other test lists. */
    private static String family() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder family = new StringBuilder("Quorv");
        for (int i = 0; i < 6; i++) {
            family.append((char) ('a' + random.nextInt(26)));
        }
        return family.toString();
    }
}
