package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.screening.TestEvents;
import io.sanctionsradar.screening.messaging.AlertEventSamples;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static io.sanctionsradar.screening.TestEvents.designation;
import static io.sanctionsradar.screening.TestEvents.id;
import static io.sanctionsradar.screening.TestEvents.next;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ongoing monitoring against a real broker and database: designation events alert the parties they concern,
 * stored parties alert on what is already listed, and alerts follow amendments, delistings, party changes and
 * analysts' decisions without ever alerting twice for the same pair of versions.
 */
@QuarkusTest
class AlertMonitoringTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void a_listing_alerts_the_parties_it_concerns_once_per_version_and_a_delisting_clears_them() {
        String portfolio = "book-" + suffix();
        String name = "Velimir Oskarovich Brantsev " + letters();
        put(portfolio, "c-1", Map.of("name", name, "type", "PERSON")).statusCode(201).body("screening.matches", hasSize(0));
        put(portfolio, "c-2", Map.of("name", "Unrelated Bakery Partners", "type", "ORGANIZATION")).statusCode(201);

        ObjectNode listed = designation(name.toUpperCase());
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.createCompactedTopic(TestEvents.TOPIC, 3);
            String eventId = UUID.randomUUID().toString();
            TestEvents.publish(kafka, id(listed), listed.toString(), "sanctions.entity.listed", eventId);
            JsonPath alert = awaitAlerts(portfolio, "OPEN", 1).setRootPath("items[0]");
            assertEquals("c-1", alert.getString("partyId"));
            assertEquals(id(listed), alert.getString("entryId"));
            assertEquals(1, alert.getInt("entryVersion"));
            assertEquals("WATCHLIST_CHANGE", alert.getString("trigger.kind"));
            assertEquals(eventId, alert.getString("trigger.eventId"));
            assertEquals("sanctions.entity.listed", alert.getString("trigger.eventType"));
            assertEquals(name, alert.getString("party.name"));
            assertEquals("US-OFAC", alert.getString("match.authority"));

            // the same version again (a redelivery) and the party stored again unchanged: still one alert
            TestEvents.publish(kafka, id(listed), listed.toString(), "sanctions.entity.listed", UUID.randomUUID().toString());
            put(portfolio, "c-1", Map.of("name", name, "type", "PERSON")).statusCode(200).body("outcome", equalTo("UNCHANGED"));
            ObjectNode amended = next(listed, "ACTIVE");
            ((ObjectNode) amended.get("subject")).putArray("nationalities").add("RU");
            TestEvents.publish(kafka, amended);
            // one alert is open before the amendment too: wait for the one on the new version
            JsonPath afterAmendment = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> alerts(portfolio, "OPEN"), page -> page.getInt("total") == 1
                            && page.getInt("items[0].entryVersion") == 2);
            assertEquals(2, afterAmendment.getInt("items[0].entryVersion"), "an amendment alerts on the new version");
            given().queryParam("portfolio", portfolio).get("/api/v1/alerts").then()
                    .body("total", equalTo(2)).body("items.status", hasItem("SUPERSEDED"));

            TestEvents.publish(kafka, next(amended, "DELISTED"));
            JsonPath cleared = awaitAlerts(portfolio, "CLEARED", 1).setRootPath("items[0]");
            assertEquals("DELISTED", cleared.getString("clearedReason"));
            assertEquals(2, cleared.getInt("entryVersion"));
            given().queryParam("portfolio", portfolio).queryParam("status", "OPEN").get("/api/v1/alerts").then()
                    .body("total", equalTo(0));

            // on screening.alerts, keyed by the party: found (v1), found (v2), cleared, each valid against its schema
            String key = portfolio + "/c-1";
            List<ConsumerRecord<String, String>> events = kafka.readUntil("screening.alerts",
                    r -> key.equals(r.key()) && AlertEvents.CLEARED.equals(header(r, "ce_type")), WAIT).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertEquals(List.of(AlertEvents.FOUND, AlertEvents.FOUND, AlertEvents.CLEARED),
                    events.stream().map(r -> header(r, "ce_type")).toList());
            for (ConsumerRecord<String, String> event : events) {
                assertEquals(Set.of(), AlertEventSamples.violations(header(event, "ce_type"), event.value()));
            }
            assertEquals(cleared.getString("alertId"), header(events.get(2), "ce_subject"));
        }
        assertAlertCounts(portfolio, 2, 1);
    }

    @Test
    void a_stored_party_alerts_on_what_is_listed_and_a_change_or_removal_clears_it() {
        String listedName = "Korvanth Meridian Shipping " + letters();
        ObjectNode listed = TestEvents.listOrganization(bootstrapServers, listedName);
        String portfolio = "book-" + suffix();
        put(portfolio, "p-1", Map.of("name", listedName)).statusCode(201)
                .body("screening.matches[0].entryId", equalTo(id(listed)));
        JsonPath alert = alerts(portfolio, "OPEN").setRootPath("items[0]");
        assertEquals("PARTY_UPSERT", alert.getString("trigger.kind"));
        assertEquals(1, alert.getInt("trigger.partyVersion"));

        put(portfolio, "p-1", Map.of("name", "Completely Different Florist")).statusCode(200);
        JsonPath changed = alerts(portfolio, "CLEARED").setRootPath("items[0]");
        assertEquals("PARTY_CHANGED", changed.getString("clearedReason"));

        put(portfolio, "p-2", Map.of("name", listedName)).statusCode(201);
        given().queryParam("portfolio", portfolio).delete("/api/v1/monitored-parties/p-2").then().statusCode(204);
        given().queryParam("portfolio", portfolio).queryParam("partyId", "p-2").get("/api/v1/alerts").then()
                .body("items[0].status", equalTo("CLEARED")).body("items[0].clearedReason", equalTo("PARTY_REMOVED"));

        // another portfolio never sees these
        given().queryParam("portfolio", "other-" + suffix()).get("/api/v1/alerts").then().body("total", equalTo(0));
    }

    @Test
    void a_dismissed_alert_returns_only_when_the_party_or_the_entry_changes() {
        String listedName = "Dravenholt Capital Partners " + letters();
        ObjectNode listed = TestEvents.listOrganization(bootstrapServers, listedName);
        String portfolio = "book-" + suffix();
        put(portfolio, "x-1", Map.of("name", listedName)).statusCode(201);
        String alertId = alerts(portfolio, "OPEN").getString("items[0].alertId");

        decide(alertId, Map.of("decision", "FALSE_POSITIVE", "comment", "Different company, Luxembourg registry"))
                .statusCode(200).body("status", equalTo("FALSE_POSITIVE"))
                .body("disposition.decision", equalTo("FALSE_POSITIVE"))
                .body("disposition.comment", equalTo("Different company, Luxembourg registry"));
        put(portfolio, "x-1", Map.of("name", listedName)).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        given().queryParam("portfolio", portfolio).get("/api/v1/alerts").then().body("total", equalTo(1));

        // the party changes (a country added) and still matches: the pair is looked at again
        put(portfolio, "x-1", Map.of("name", listedName, "country", "LU")).statusCode(200).body("party.version", equalTo(2));
        JsonPath open = alerts(portfolio, "OPEN").setRootPath("items[0]");
        assertEquals(2, open.getInt("partyVersion"));
        decide(open.getString("alertId"), Map.of("decision", "TRUE_MATCH", "comment", "Confirmed by KYC")).statusCode(200);

        // the entry is amended so that its names no longer match: the confirmed alert is cleared
        ObjectNode renamed = next(listed, "ACTIVE");
        ((ObjectNode) renamed.get("subject")).put("name", "Zyxwvut Quorlan Hydrofoils");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            TestEvents.publish(kafka, renamed);
        }
        JsonPath cleared = awaitAlerts(portfolio, "CLEARED", 1).setRootPath("items[0]");
        assertEquals("AMENDED", cleared.getString("clearedReason"));
        assertEquals("TRUE_MATCH", cleared.getString("disposition.decision"), "the decision stays on record");
        decide(cleared.getString("alertId"), Map.of("decision", "FALSE_POSITIVE", "comment", "late")).statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void a_token_sees_only_its_portfolios_and_every_change_is_audited_under_its_name() {
        String listedName = "Quellmarsh Bunkering Agency " + letters();
        TestEvents.listOrganization(bootstrapServers, listedName);
        String mine = "book-" + suffix();
        String theirs = "book-" + suffix();
        String alice = screener("alice", mine);
        String bob = screener("bob", theirs);

        JsonPath stored = given().header("Authorization", alice).contentType(ContentType.JSON)
                .queryParam("portfolio", mine).body(Map.of("name", listedName))
                .put("/api/v1/monitored-parties/c-1").then().statusCode(201).extract().jsonPath();
        String screeningId = stored.getString("screening.screeningId");
        String batchId = stored.getString("screening.batchId");
        String alertId = alerts(mine, "OPEN").getString("items[0].alertId");

        // another portfolio's screener: refused by name, and its alert does not exist for them
        for (String path : List.of("/api/v1/monitored-parties", "/api/v1/monitored-parties/c-1", "/api/v1/alerts")) {
            given().header("Authorization", bob).queryParam("portfolio", mine).get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString(mine));
        }
        given().header("Authorization", bob).contentType(ContentType.JSON).queryParam("portfolio", mine)
                .body(Map.of("name", "Overwritten")).put("/api/v1/monitored-parties/c-1").then().statusCode(403);
        given().header("Authorization", bob).queryParam("portfolio", mine)
                .delete("/api/v1/monitored-parties/c-1").then().statusCode(403);
        given().header("Authorization", bob).get("/api/v1/alerts/" + alertId).then().statusCode(404);
        // the receipts of the party's screening name it too
        given().header("Authorization", bob).get("/api/v1/screenings/" + screeningId).then().statusCode(404);
        given().header("Authorization", bob).get("/api/v1/screenings/batches/" + batchId).then().statusCode(404);
        given().header("Authorization", alice).get("/api/v1/screenings/" + screeningId).then().statusCode(200)
                .body("query.name", equalTo(listedName));
        given().header("Authorization", alice).get("/api/v1/screenings/batches/" + batchId).then().statusCode(200)
                .body("batch.portfolio", equalTo(mine));
        given().header("Authorization", bob).contentType(ContentType.JSON)
                .body(Map.of("decision", "FALSE_POSITIVE", "comment", "not mine to decide"))
                .post("/api/v1/alerts/" + alertId + "/disposition").then().statusCode(404);
        given().header("Authorization", screener("nobody")).queryParam("portfolio", mine)
                .get("/api/v1/monitored-parties").then().statusCode(403);
        given().queryParam("portfolio", mine).get("/api/v1/monitored-parties/c-1").then().statusCode(200)
                .body("name", equalTo(listedName)); // bob changed nothing
        given().header("Authorization", TestTokens.bearer("auditor.ana", List.of("auditor"), List.of(theirs)))
                .get("/api/v1/alerts/" + alertId).then().statusCode(404);

        given().header("Authorization", alice).contentType(ContentType.JSON)
                .body(Map.of("decision", "FALSE_POSITIVE", "comment", "Different agency, Rotterdam"))
                .post("/api/v1/alerts/" + alertId + "/disposition").then().statusCode(200);
        given().header("Authorization", alice).contentType(ContentType.JSON).queryParam("portfolio", mine)
                .body(List.of(Map.of("partyId", "c-2", "name", "Harmless Bakery"),
                        Map.of("partyId", "c-3", "name", "Another Harmless Bakery")))
                .post("/api/v1/monitored-parties/bulk").then().statusCode(200);

        // the auditor's token covers the portfolio: its records show to no other auditor
        String auditor = TestTokens.bearer("auditor.ana", List.of("auditor"), List.of(mine));
        given().header("Authorization", auditor).queryParam("actor", "alice").get("/api/v1/audit").then()
                .statusCode(200)
                .body("items.action", contains("parties.bulk-saved", "alert.disposition", "party.saved"))
                .body("items.target", contains("portfolio/" + mine, "alert/" + alertId, "party/" + mine + "/c-1"))
                .body("items[0].detail.received", equalTo(2))
                .body("items[0].detail.created", equalTo(2))
                .body("items[1].detail.decision", equalTo("FALSE_POSITIVE"))
                .body("items[1].detail.comment", equalTo("Different agency, Rotterdam"))
                .body("items[2].detail.outcome", equalTo("CREATED"));
        given().header("Authorization", auditor).queryParam("actor", "bob").get("/api/v1/audit").then()
                .body("items", hasSize(0));
    }

    @Test
    void the_alert_queue_filters_by_the_raising_listing_and_the_score_and_sorts_by_score() {
        String ofac = "Brennvald Orestes Haulage " + letters();
        String csl = "Ystrafell Quinbury Metallurgy " + letters();
        String fsf = "Marrowdene Ulsterholt Trading " + letters();
        TestEvents.listOrganization(bootstrapServers, ofac, "US-OFAC", "US-OFAC-SDN");
        TestEvents.listOrganization(bootstrapServers, csl, "US-BIS", "US-CSL");
        TestEvents.listOrganization(bootstrapServers, fsf, "EU-COUNCIL", "EU-FSF");
        String portfolio = "queue-" + suffix();
        // raised in this order: an exact name, a misspelt one (a lower score), an exact name again
        put(portfolio, "q-1", Map.of("name", ofac)).statusCode(201);
        put(portfolio, "q-2", Map.of("name", csl.replace("Quinbury", "Quinburry"))).statusCode(201);
        put(portfolio, "q-3", Map.of("name", fsf)).statusCode(201);

        JsonPath newest = queue(Map.of("portfolio", portfolio));
        assertEquals(List.of("q-3", "q-2", "q-1"), newest.getList("items.partyId"), "newest raised first");
        assertEquals(List.of(portfolio, portfolio, portfolio), newest.getList("items.portfolio"));
        assertEquals(3, newest.getInt("total"));
        double misspelt = newest.getDouble("items[1].score");
        assertEquals(true, misspelt < 1.0, "the misspelt name scores lower: " + misspelt);
        assertEquals(newest.getList("items.partyId"), queue(Map.of("portfolio", portfolio, "sort", "newest"))
                .getList("items.partyId"));
        assertEquals(List.of("q-3", "q-1", "q-2"), queue(Map.of("portfolio", portfolio, "sort", "score"))
                .getList("items.partyId"), "highest score first, then newest");

        JsonPath byAuthority = queue(Map.of("portfolio", portfolio, "authority", "US-OFAC"));
        assertEquals(List.of("q-1"), byAuthority.getList("items.partyId"));
        assertEquals(1, byAuthority.getInt("total"));
        assertEquals("US-OFAC", byAuthority.getString("items[0].match.authority"));
        JsonPath bySourceList = queue(Map.of("portfolio", portfolio, "sourceList", "US-CSL"));
        assertEquals(List.of("q-2"), bySourceList.getList("items.partyId"));
        assertEquals("US-CSL", bySourceList.getString("items[0].match.source"));
        assertEquals(0, queue(Map.of("portfolio", portfolio, "authority", "US-OFAC", "sourceList", "US-CSL"))
                .getInt("total"), "filters combine");

        String between = String.valueOf((misspelt + 1.0) / 2);
        JsonPath strong = queue(Map.of("portfolio", portfolio, "minScore", between));
        assertEquals(List.of("q-3", "q-1"), strong.getList("items.partyId"));
        assertEquals(2, strong.getInt("total"));
        assertEquals(List.of("q-2"), queue(Map.of("portfolio", portfolio, "minScore", String.valueOf(misspelt),
                "sourceList", "US-CSL", "status", "OPEN")).getList("items.partyId"), "the minimum itself passes");
        assertEquals(List.of("q-1", "q-2"), queue(Map.of("portfolio", portfolio, "sort", "score", "size", 2,
                "offset", 1)).getList("items.partyId"), "pages follow the order");
    }

    @Test
    void bad_queue_filters_are_refused_naming_the_parameter() {
        for (String minScore : List.of("2", "-0.1", "1.0001", "high", "NaN", "0x1p-1", " ", "1e5")) {
            given().queryParam("minScore", minScore).get("/api/v1/alerts").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("minScore"));
        }
        given().queryParam("sort", "oldest").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", contains("sort"));
        given().queryParam("authority", " ").queryParam("sourceList", "x".repeat(129)).get("/api/v1/alerts").then()
                .statusCode(400).body("errors.field", contains("authority", "sourceList"));
        given().queryParam("minScore", "1").queryParam("sort", "score").get("/api/v1/alerts").then().statusCode(200);
    }

    @Test
    void portfolio_star_reads_every_portfolio_the_token_covers_and_no_other() {
        String listedName = "Oskvarren Deltamere Freight " + letters();
        TestEvents.listOrganization(bootstrapServers, listedName);
        String partyId = "star-" + suffix();
        String first = "desk-a-" + suffix();
        String second = "desk-b-" + suffix();
        String third = "desk-c-" + suffix();
        for (String portfolio : List.of(first, second, third)) {
            put(portfolio, partyId, Map.of("name", listedName)).statusCode(201);
        }
        String carol = screener("carol", first, second);

        given().header("Authorization", carol).queryParam("portfolio", "*").queryParam("partyId", partyId)
                .get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(2))
                .body("items.portfolio", containsInAnyOrder(first, second));
        given().header("Authorization", carol).queryParam("portfolio", first, second).queryParam("partyId", partyId)
                .get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(2))
                .body("items.portfolio", containsInAnyOrder(first, second));
        given().header("Authorization", carol).queryParam("portfolio", first).queryParam("partyId", partyId)
                .get("/api/v1/alerts").then().statusCode(200).body("items.portfolio", contains(first));
        given().header("Authorization", carol).queryParam("portfolio", first, third).get("/api/v1/alerts").then()
                .statusCode(403).body("detail", containsString(third));
        given().header("Authorization", carol).queryParam("portfolio", "*", third).get("/api/v1/alerts").then()
                .statusCode(403);
        // absent, the portfolio is "default" as it always was, which carol's token does not cover
        given().header("Authorization", carol).get("/api/v1/alerts").then().statusCode(403);

        // a "*" token asking for "*" reads every portfolio
        given().queryParam("portfolio", "*").queryParam("partyId", partyId).get("/api/v1/alerts").then()
                .statusCode(200).body("total", equalTo(3))
                .body("items.portfolio", containsInAnyOrder(first, second, third));
        // and so do the monitored parties
        given().header("Authorization", carol).queryParam("portfolio", "*").queryParam("q", partyId)
                .get("/api/v1/monitored-parties").then().statusCode(200).body("total", equalTo(2))
                .body("items.portfolio", containsInAnyOrder(first, second));
        given().queryParam("portfolio", "*").queryParam("q", partyId).get("/api/v1/monitored-parties").then()
                .statusCode(200).body("total", equalTo(3));
        given().header("Authorization", carol).queryParam("portfolio", second, third)
                .get("/api/v1/monitored-parties").then().statusCode(403);
    }

    private static JsonPath queue(Map<String, ?> query) {
        return given().queryParams(query).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    private static String screener(String name, String... portfolios) {
        return TestTokens.bearer(name, List.of("screener"), List.of(portfolios));
    }

    @Test
    void bad_alert_requests_are_refused_with_the_field_at_fault() {
        decide(UUID.randomUUID().toString(), Map.of("decision", "MAYBE", "comment", " ")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("decision")).body("errors.field", hasItem("comment"));
        decide(UUID.randomUUID().toString(), Map.of("decision", "TRUE_MATCH", "comment", "ok")).statusCode(404);
        given().queryParam("status", "NEW").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().queryParam("portfolio", "no portfolio!").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItem("portfolio"));
        given().get("/api/v1/alerts/not-a-uuid").then().statusCode(404);
    }

    /** The portfolio's alerts: how many were raised in all, and how many of them are cleared. */
    private static void assertAlertCounts(String portfolio, int found, int cleared) {
        List<Map<String, Object>> all = given().queryParam("portfolio", portfolio).queryParam("size", 100)
                .get("/api/v1/alerts").jsonPath().getList("items");
        assertEquals(found, all.size());
        assertEquals(cleared, all.stream().filter(a -> "CLEARED".equals(a.get("status"))).count());
    }

    private static JsonPath awaitAlerts(String portfolio, String status, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> alerts(portfolio, status), page -> page.getInt("total") == count);
    }

    private static JsonPath alerts(String portfolio, String status) {
        return given().queryParam("portfolio", portfolio).queryParam("status", status).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse decide(String alertId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/alerts/" + alertId + "/disposition").then();
    }

    private static io.restassured.response.ValidatableResponse put(String portfolio, String partyId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(body)
                .put("/api/v1/monitored-parties/" + partyId).then();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random word: test names must not match each other's listings across tests. */
    private static String letters() {
        StringBuilder b = new StringBuilder();
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }
}
