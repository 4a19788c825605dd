package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.TestInfrastructure;
import io.sanctionsradar.screening.TestEvents;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.id;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The monitoring reverse index in the service, against a real broker and database. A listing is checked against the
 * whole book while the book holds at most 50 parties per listing, through the reverse index past that, and either way
 * it alerts exactly the parties a screening of each of them finds it for. The service starts on a database and a topic
 * of its own, so the book holds exactly the parties stored here and no other test's listing arrives meanwhile.
 */
@QuarkusTest
@TestProfile(ReverseMonitoringTest.OwnTopic.class)
class ReverseMonitoringTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PORTFOLIO = "bank";
    private static final String[] GIVEN = {"Anna", "Pieter", "Sofia", "Lukas", "Ines", "Mateo", "Emma", "Jonas", "Clara",
            "Hugo", "Lea", "Nils", "Marta", "Oskar", "Elena", "Tomas", "Julia", "Felix", "Nora", "Bruno"};
    private static final String[] FAMILY = {"Keller", "Janssen", "Moreau", "Rossi", "Lindqvist", "Novak", "Fischer",
            "Dubois", "Costa", "Berg", "Horvath", "Meyer", "Larsen", "Ferreira", "Weber", "Kowalski", "Nieminen",
            "Schubert", "Garcia", "Vogel", "Hansen", "Bianchi", "Lambert", "Kraus", "Olsen"};

    /** The service reads designations from a topic made for this class, so nothing else is replayed into it. */
    public static class OwnTopic implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FreshTopic.class));
        }
    }

    public static class FreshTopic implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String topic = "sanctions.designations.reverse-" + UUID.randomUUID();
            try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.get().kafkaBootstrapServers())) {
                kafka.createCompactedTopic(topic, 3);
            }
            return Map.of("mp.messaging.incoming.designations.topic", topic);
        }

        @Override
        public void stop() {
            // the topic goes with the broker
        }
    }

    @Inject
    LiveBook monitored;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mp.messaging.incoming.designations.topic")
    String topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void a_listing_alerts_exactly_the_parties_it_concerns_through_the_whole_book_up_to_the_threshold_and_the_reverse_index_past_it() {
        ObjectNode person = designation("Radomir Stanislavovich Vekshin");
        ObjectNode company = designation("Zhelezny Bereg Logistics");
        ((ObjectNode) company.get("subject")).put("type", "ORGANIZATION");
        ObjectNode third = designation("Tamerlan Ruslanovich Abdurakhmanov");

        List<Map<String, Object>> book = new ArrayList<>(List.of(
                party("v-exact", "Radomir Stanislavovich Vekshin", "PERSON"),
                party("v-surname-first", "VEKSHIN, Radomir Stanislavovich", "PERSON"),
                party("v-no-middle", "Radomir Vekshin", "PERSON"),
                party("v-other-person", "Radomir Petrovich Kolesnikov", "PERSON"),
                party("z-exact", "Zhelezny Bereg Logistics", "ORGANIZATION"),
                party("z-legal-form", "ZHELEZNY BEREG LOGISTICS LLC", "ORGANIZATION"),
                party("z-typo", "Zhelezniy Bereg Logistics", "ORGANIZATION"),
                party("z-other-company", "Bereg Shipping Agency", "ORGANIZATION")));
        fill(book, 50 - book.size(), 0);
        bulk(book);
        assertEquals(50, monitored.size());

        // 50 parties for one listing: exactly at the threshold, the whole book is screened
        publishAndAwait(person);
        assertEquals(Set.of("v-exact", "v-surname-first", "v-no-middle"), alerted(person));
        assertChecked(0, 1);

        // 51 parties: one past it, the reverse index proposes the parties to screen
        List<Map<String, Object>> oneMore = new ArrayList<>();
        fill(oneMore, 1, 50);
        bulk(oneMore);
        assertEquals(51, monitored.size());
        publishAndAwait(company);
        assertEquals(Set.of("z-exact", "z-legal-form", "z-typo"), alerted(company));
        assertChecked(1, 1);

        // a bank's book, a thousand parties more
        List<Map<String, Object>> more = new ArrayList<>(List.of(
                party("t-exact", "Tamerlan Ruslanovich Abdurakhmanov", "PERSON"),
                party("t-surname-first", "ABDURAKHMANOV Tamerlan Ruslanovich", "PERSON"),
                party("t-spelling", "Tamerlan Ruslanovich Abdurahmanov", "PERSON"),
                party("t-other-person", "Ruslan Tamerlanovich Gadzhiev", "PERSON")));
        fill(more, 1000 - more.size(), 51);
        bulk(more);
        assertEquals(1051, monitored.size());
        publishAndAwait(third);
        assertEquals(Set.of("t-exact", "t-surname-first", "t-spelling"), alerted(third));
        assertChecked(2, 1);

        // what each path alerted is what a screening of every party of the book finds
        List<Map<String, Object>> everyone = new ArrayList<>(book);
        everyone.addAll(oneMore);
        everyone.addAll(more);
        for (ObjectNode listed : List.of(person, company, third)) {
            assertEquals(screenedHits(everyone, id(listed)), alerted(listed), listed.get("subject").get("name").asText());
        }
    }

    private static Map<String, Object> party(String partyId, String name, String type) {
        return Map.of("partyId", partyId, "name", name, "type", type);
    }

    /** Ordinary customers that no listing here concerns. */
    private static void fill(List<Map<String, Object>> book, int count, int from) {
        for (int i = from; i < from + count; i++) {
            book.add(party("filler-" + i, GIVEN[i % GIVEN.length] + " " + FAMILY[i / GIVEN.length % FAMILY.length]
                    + " " + FAMILY[(i * 7 + 3) % FAMILY.length], "PERSON"));
        }
    }

    private static void bulk(List<Map<String, Object>> parties) {
        given().contentType(ContentType.JSON).queryParam("portfolio", PORTFOLIO).body(parties)
                .post("/api/v1/monitored-parties/bulk").then().statusCode(200);
    }

    private void publishAndAwait(ObjectNode listed) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            TestEvents.publish(kafka, topic, listed);
        }
        // a listing's alerts commit together: once one is there, all are
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !alerted(listed).isEmpty());
    }

    private static Set<String> alerted(ObjectNode listed) {
        List<Map<String, Object>> alerts = given().queryParam("portfolio", PORTFOLIO).queryParam("size", 100)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items");
        Set<String> parties = new HashSet<>();
        alerts.stream().filter(a -> id(listed).equals(a.get("entryId"))).forEach(a -> parties.add((String) a.get("partyId")));
        return parties;
    }

    /** The parties whose own screening finds the entry, as a batch screening of the whole book answers it. */
    private static Set<String> screenedHits(List<Map<String, Object>> book, String entryId) {
        List<Map<String, Object>> queries = book.stream()
                .map(p -> Map.<String, Object>of("name", p.get("name"), "type", p.get("type"))).toList();
        List<List<String>> matched = given().contentType(ContentType.JSON).body(queries).post("/api/v1/screenings/batch")
                .then().statusCode(200).extract().jsonPath().getList("results.matches.entryId");
        Set<String> hits = new HashSet<>();
        for (int i = 0; i < book.size(); i++) {
            if (matched.get(i).contains(entryId)) {
                hits.add((String) book.get(i).get("partyId"));
            }
        }
        return hits;
    }

    private void assertChecked(double reverse, double wholeBook) {
        Map<String, Double> checked = new HashMap<>();
        registry.find("monitoring.listings.checked").counters()
                .forEach(c -> checked.put(c.getId().getTag("path"), c.count()));
        assertEquals(Map.of("reverse", reverse, "whole-book", wholeBook), checked);
    }
}
