package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.screening.DesignationTopicTest;
import io.sanctionsradar.screening.TestEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.awaitVersion;
import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.id;
import static io.sanctionsradar.screening.TestEvents.next;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class WatchlistTest extends DesignationTopicTest {

    @Test
    void a_listed_designation_becomes_screenable_with_its_authority_programmes_and_measures() {
        String name = "Zorbanek Quillfeather " + suffix();
        ObjectNode listed = designation(name);
        publish(kafka, listed);
        awaitVersion(listed, 1);

        screen(name, Map.of())
                .body("matches", hasSize(1))
                .body("matches[0].entryId", equalTo(id(listed)))
                .body("matches[0].score", equalTo(1.0f))
                .body("matches[0].matchedName", equalTo(name))
                .body("matches[0].authority", equalTo("US-OFAC"))
                .body("matches[0].programs", hasItem("SDGT"))
                .body("matches[0].measures[0].type", equalTo("ASSET_FREEZE"))
                .body("matches[0].source", equalTo("US-OFAC-SDN"))
                .body("matches[0].explanation", notNullValue());
        given().get("/api/v1/watchlist/entries/" + id(listed)).then().statusCode(200)
                .body("subject.name", equalTo(name)).body("version", equalTo(1));
    }

    @Test
    void a_countermeasure_is_screenable_like_any_listing() {
        String name = "Brimwold Institute of Strategic Studies " + suffix();
        ObjectNode countermeasure = designation(name);
        countermeasure.put("kind", "COUNTERMEASURE");
        countermeasure.put("authority", "CN-MFA");
        countermeasure.putArray("programs").add("CN-ASFL");
        countermeasure.putArray("measures").addObject().put("type", "ENTRY_BAN");
        // a countermeasure answers another authority's action (required by its schema)
        countermeasure.putArray("respondsTo").addObject().put("authority", "EU-COUNCIL")
                .put("actionDate", "2021-03-22");
        ((ObjectNode) countermeasure.get("subject")).put("type", "ORGANIZATION");
        publish(kafka, countermeasure);
        awaitVersion(countermeasure, 1);

        screen(name, Map.of("type", "ORGANIZATION"))
                .body("matches[0].entryId", equalTo(id(countermeasure)))
                .body("matches[0].authority", equalTo("CN-MFA"))
                .body("matches[0].measures[0].type", equalTo("ENTRY_BAN"));
        screen(name, Map.of("type", "PERSON")).body("matches", hasSize(0));
        screen(name, Map.of("authorities", List.of("US-OFAC"))).body("matches", hasSize(0));
    }

    @Test
    void a_redelivered_or_older_event_changes_nothing_and_a_delisting_removes_the_match() {
        String name = "Velkorith Ambersand " + suffix();
        ObjectNode v1 = designation(name);
        ObjectNode v2 = next(v1, "DELISTED");
        publish(kafka, v1);
        awaitVersion(v1, 1);
        String versionWithV1 = watchlistVersion();

        publish(kafka, v1); // redelivered: same (id, version)
        publish(kafka, v2);
        awaitVersion(v1, 2);
        String versionWithV2 = watchlistVersion();
        assertNotEquals(versionWithV1, versionWithV2);

        publish(kafka, v1); // an old version arriving late
        String witness = "Witness Entry " + suffix();
        ObjectNode later = designation(witness);
        // same key, so same partition: once the witness is applied, the late event before it was consumed
        publish(kafka, id(v1), later.toString(), "sanctions.entity.listed", UUID.randomUUID().toString());
        awaitVersion(later, 1);
        given().get("/api/v1/watchlist/entries/" + id(v1)).then().body("version", equalTo(2))
                .body("status", equalTo("DELISTED"));

        screen(name, Map.of()).body("matches", hasSize(0));
        screen(name, Map.of("includeDelisted", true))
                .body("matches[0].entryId", equalTo(id(v1)))
                .body("matches[0].status", equalTo("DELISTED"));
    }

    @Test
    void records_that_are_not_designations_are_skipped_and_consumption_goes_on() {
        String key = UUID.randomUUID().toString();
        TestEvents.publishMalformed(kafka, key, "not json", "sanctions.entity.listed", UUID.randomUUID().toString());
        TestEvents.publishMalformed(kafka, key, "{\"designationId\":\"" + key + "\"}", "sanctions.entity.listed",
                UUID.randomUUID().toString());
        kafka.send(TestEvents.TOPIC, key, null, Map.of());
        ObjectNode witness = designation("Witness Entry " + suffix());
        publish(kafka, key, witness.toString(), "sanctions.entity.listed", UUID.randomUUID().toString()); // same partition

        awaitVersion(witness, 1);
        given().get("/api/v1/watchlist/entries/" + key).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void other_news_on_the_topic_such_as_a_list_sync_is_passed_over_without_counting_as_skipped() {
        double skipped = skippedRecords();
        TestEvents.publishMalformed(kafka, "US-CSL", "{\"list\": \"US-CSL\", \"outcome\": \"FAILED\"}",
                "sanctions.list.sync-failed", UUID.randomUUID().toString());
        ObjectNode witness = designation("Witness After A Sync " + suffix());
        publish(kafka, "US-CSL", witness.toString(), "sanctions.entity.listed", UUID.randomUUID().toString());
        awaitVersion(witness, 1);
        assertEquals(skipped, skippedRecords(), "a list event is not a malformed designation");
    }

    private static double skippedRecords() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("watchlist_events_skipped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void the_status_reports_entries_the_last_event_and_no_lag_once_caught_up() {
        ValidatableResponse before = caughtUp();
        int entries = before.extract().path("entries");
        int active = before.extract().path("activeEntries");
        int delisted = before.extract().path("delistedEntries");
        String version = before.extract().path("watchlistVersion");

        ObjectNode listed = designation("Status Probe " + suffix());
        String list = "PROBE-" + suffix();
        listed.put("sourceList", list);
        ObjectNode newer = designation("Status Probe Newer " + suffix());
        newer.put("sourceList", list);
        newer.put("listedOn", "2024-05-01");
        publish(kafka, listed);
        publish(kafka, next(listed, "DELISTED"));
        publish(kafka, newer);
        awaitVersion(listed, 2);
        awaitVersion(newer, 1);

        String probe = "lists.find { it.list == '" + list + "' }.";
        caughtUp().body("entries", equalTo(entries + 2))
                .body("activeEntries", equalTo(active + 1))
                .body("delistedEntries", equalTo(delisted + 1))
                .body(probe + "activeEntries", equalTo(1))
                .body(probe + "delistedEntries", equalTo(1))
                .body(probe + "newestListedOn", equalTo("2024-05-01"))
                .body("watchlistVersion", not(equalTo(version)))
                .body("lastEvent.eventId", notNullValue())
                .body("lastEvent.appliedAt", notNullValue());
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("watchlist"));
    }

    /** The status once every partition is read to its end. */
    private static ValidatableResponse caughtUp() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/watchlist/status").then()
                .statusCode(200)
                .body("consumerLag", equalTo(0))
                .body("loaded", equalTo(true))
                .body("partitions", hasSize(3)));
        return given().get("/api/v1/watchlist/status").then();
    }

    static ValidatableResponse screen(String name, Map<String, Object> options) {
        Map<String, Object> body = new java.util.HashMap<>(options);
        body.put("name", name);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/screenings").then().statusCode(200);
    }

    static String watchlistVersion() {
        return given().get("/api/v1/watchlist/status").then().extract().path("watchlistVersion");
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
