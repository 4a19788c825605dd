package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.screening.DesignationTopicTest;
import io.sanctionsradar.screening.TestEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.awaitVersion;
import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.id;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Analysts' links and unlinks, consumed from the designations topic as designation-service publishes them, group
 * and split subjects, survive a reload from the database, and an older version of a pair's link changes nothing.
 */
@QuarkusTest
class SubjectLinksTest extends DesignationTopicTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Watchlist watchlist;

    @Inject
    WatchlistStore store;

    @Test
    void a_link_joins_two_listings_the_rules_keep_apart_and_an_unlink_splits_them_again() {
        String suffix = suffix();
        ObjectNode first = person("Quorvanek " + suffix + ", Junzheng", "2020-07-31");
        ObjectNode second = person("Telvarin " + suffix + ", Ostrokov", "2021-03-22");
        publish(kafka, first);
        publish(kafka, second);
        awaitVersion(first, 1);
        awaitVersion(second, 1);
        String firstSubject = SubjectGrouping.subjectId(id(first));
        String secondSubject = SubjectGrouping.subjectId(id(second));
        subject(firstSubject).body("listings.entryId", contains(id(first)));
        String apartVersion = watchlistVersion();
        String key = pairKey(first, second);

        publishLink(key, "sanctions.subject.linked", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> subject(firstSubject)
                .body("listings.entryId", contains(id(first), id(second))) // the first listed names the subject
                .body("joins", hasSize(1))
                .body("joins[0].entryId", equalTo(id(second)))
                .body("joins[0].joinedTo", equalTo(id(first)))
                .body("joins[0].reason", equalTo("ANALYST_LINK")));
        given().get("/api/v1/subjects/" + secondSubject).then().statusCode(404);
        assertNotEquals(apartVersion, watchlistVersion(), "a link changes answers, so it changes the version");
        aReloadFromTheDatabaseGroupsTheSame(first, second);

        publishLink(key, "sanctions.subject.unlinked", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> subject(firstSubject)
                .body("listings.entryId", contains(id(first))).body("joins", hasSize(0)));
        subject(secondSubject).body("listings.entryId", contains(id(second)));
        aReloadFromTheDatabaseGroupsTheSame(first, second);

        publishLink(key, "sanctions.subject.linked", 1); // version 1 again, redelivered or late
        ObjectNode witness = designation("Witness Entry " + suffix());
        // same key, so same partition: once the witness is applied, the late link before it was consumed
        publish(kafka, key, witness.toString(), "sanctions.entity.listed", UUID.randomUUID().toString());
        awaitVersion(witness, 1);
        subject(firstSubject).body("listings.entryId", contains(id(first)));
        subject(secondSubject).body("listings.entryId", contains(id(second)));
        SubjectLink stored = storedLink(key);
        assertEquals(2, stored.version());
        assertEquals("DIFFERENT_SUBJECTS", stored.relation());
    }

    @Test
    void an_unlink_keeps_apart_what_the_rules_join_and_a_link_event_that_contradicts_its_type_is_skipped() {
        String family = "Ambrevik" + suffix();
        ObjectNode ofac = person(family + ", Junzheng", "2020-07-31");
        ObjectNode eu = person("Junzheng " + family, "2021-03-22");
        for (ObjectNode listing : List.of(ofac, eu)) { // the same name, birth date and nationality
            ((ObjectNode) listing.get("subject")).putArray("birthDates").add("1963-08-01");
        }
        publish(kafka, ofac);
        publish(kafka, eu);
        awaitVersion(ofac, 1);
        awaitVersion(eu, 1);
        String subjectId = SubjectGrouping.subjectId(id(ofac));
        subject(subjectId).body("listings.entryId", contains(id(ofac), id(eu)))
                .body("joins[0].reason", equalTo("NAME_BIRTH_DATE_NATIONALITY"));
        String key = pairKey(ofac, eu);

        TestEvents.publishMalformed(kafka, key, link(key, "SAME_SUBJECT", 1), "sanctions.subject.unlinked",
                UUID.randomUUID().toString());
        TestEvents.publishMalformed(kafka, key, "{\"designationIds\": [\"" + id(ofac) + "\"], \"version\": 1}",
                "sanctions.subject.unlinked", UUID.randomUUID().toString());
        ObjectNode witness = designation("Witness Entry " + suffix());
        publish(kafka, key, witness.toString(), "sanctions.entity.listed", UUID.randomUUID().toString());
        awaitVersion(witness, 1);
        subject(subjectId).body("listings.entryId", contains(id(ofac), id(eu)));

        publishLink(key, "sanctions.subject.unlinked", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> subject(subjectId)
                .body("listings.entryId", contains(id(ofac))));
        subject(SubjectGrouping.subjectId(id(eu))).body("listings.entryId", contains(id(eu)));
        aReloadFromTheDatabaseGroupsTheSame(ofac, eu);
    }

    /** A watchlist built from the database, as at a restart, holds the same subjects and version as the live one. */
    private void aReloadFromTheDatabaseGroupsTheSame(ObjectNode a, ObjectNode b) {
        // the live watchlist takes a batch just before its transaction commits: wait for the commit
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Watchlist reloaded = new Watchlist();
            QuarkusTransaction.requiringNew().call(() -> {
                reloaded.load(store.loadAll(), store.loadLinks());
                return null;
            });
            for (String id : List.of(id(a), id(b))) {
                SubjectGrouping.Subject live = watchlist.read(v -> v.subjectOf(id));
                assertEquals(live, reloaded.<SubjectGrouping.Subject>read(v -> v.subjectOf(id)));
            }
            assertEquals(watchlist.summary().version(), reloaded.summary().version());
        });
    }

    private SubjectLink storedLink(String key) {
        return QuarkusTransaction.requiringNew().call(() -> store.loadLinks()).stream()
                .filter(l -> l.pairKey().equals(key)).findFirst().orElseThrow();
    }

    private void publishLink(String key, String type, int version) {
        String relation = type.endsWith(".linked") ? "SAME_SUBJECT" : "DIFFERENT_SUBJECTS";
        publish(kafka, key, link(key, relation, version), type, UUID.randomUUID().toString());
    }

    /** A link event's data as designation-service writes it. */
    private static String link(String key, String relation, int version) {
        ObjectNode data = JSON.createObjectNode();
        String[] pair = key.split("\\+");
        data.putArray("designationIds").add(pair[0]).add(pair[1]);
        data.put("relation", relation);
        data.put("comment", "checked by the test");
        data.put("decidedAt", Instant.now().toString());
        data.put("version", version);
        return data.toString();
    }

    private static String pairKey(ObjectNode a, ObjectNode b) {
        List<String> pair = new ArrayList<>(List.of(id(a), id(b)));
        pair.sort(null);
        return pair.get(0) + "+" + pair.get(1);
    }

    private static ObjectNode person(String name, String listedOn) {
        ObjectNode d = designation(name);
        d.put("listedOn", listedOn);
        ObjectNode subject = (ObjectNode) d.get("subject");
        subject.putArray("nationalities").add("CN");
        return d;
    }

    private static ValidatableResponse subject(String subjectId) {
        return given().get("/api/v1/subjects/" + subjectId).then().statusCode(200);
    }

    private static String watchlistVersion() {
        return given().get("/api/v1/watchlist/status").then().statusCode(200).extract().path("watchlistVersion");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
    }
}
