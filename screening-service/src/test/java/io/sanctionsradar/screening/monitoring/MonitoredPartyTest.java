package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.screening.TestEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.id;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MonitoredPartyTest {

    private static final String LISTED = "Talvenhorst Meridian Logistics " + UUID.randomUUID().toString().substring(0, 6);
    private static ObjectNode listed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach // not @BeforeAll: RestAssured knows the application's port only per test
    void aDesignationIsOnTheWatchlist() {
        if (listed == null) {
            listed = TestEvents.listOrganization(bootstrapServers, LISTED);
        }
    }

    @Test
    void a_party_is_screened_when_stored_and_its_versions_follow_its_changes() {
        String portfolio = "book-" + suffix();
        put(portfolio, "cust-1", Map.of("name", LISTED, "type", "ORGANIZATION")).statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("party.version", equalTo(1))
                .body("screening.screeningId", notNullValue())
                .body("screening.matches[0].entryId", equalTo(id(listed)));
        put(portfolio, "cust-1", Map.of("name", LISTED, "type", "ORGANIZATION")).statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("party.version", equalTo(1));
        put(portfolio, "cust-1", Map.of("name", "Someone Entirely Different", "type", "PERSON")).statusCode(200)
                .body("outcome", equalTo("UPDATED")).body("party.version", equalTo(2))
                .body("screening.matches", hasSize(0));

        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/cust-1").then().statusCode(200)
                .body("name", equalTo("Someone Entirely Different")).body("type", equalTo("PERSON"));
        given().queryParam("portfolio", portfolio).delete("/api/v1/monitored-parties/cust-1").then().statusCode(204);
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/cust-1").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("portfolio", portfolio).delete("/api/v1/monitored-parties/cust-1").then().statusCode(404);
    }

    @Test
    void portfolios_keep_separate_books() {
        String a = "team-a-" + suffix();
        String b = "team-b-" + suffix();
        put(a, "c-7", Map.of("name", "Alpha Customer")).statusCode(201);
        put(b, "c-7", Map.of("name", "Beta Customer")).statusCode(201);
        given().queryParam("portfolio", a).get("/api/v1/monitored-parties/c-7").then().body("name", equalTo("Alpha Customer"));
        given().queryParam("portfolio", b).get("/api/v1/monitored-parties").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Beta Customer"));
    }

    @Test
    void an_auditor_reads_the_parties_of_the_portfolios_the_token_covers_and_changes_none() {
        String run = suffix();
        put("emea", "audited-" + run, Map.of("name", "Emea Audited Customer " + run)).statusCode(201);
        put("apac", "audited-" + run, Map.of("name", "Apac Audited Customer " + run)).statusCode(201);
        String auditor = TestTokens.bearer("auditor.emea", List.of("auditor"), List.of("emea"));

        given().header("Authorization", auditor).queryParam("portfolio", "emea")
                .get("/api/v1/monitored-parties/audited-" + run).then().statusCode(200)
                .body("name", equalTo("Emea Audited Customer " + run));
        given().header("Authorization", auditor).queryParam("portfolio", "*").queryParam("q", run)
                .get("/api/v1/monitored-parties").then().statusCode(200)
                .body("total", equalTo(1)).body("items.name", contains("Emea Audited Customer " + run));

        given().header("Authorization", auditor).queryParam("portfolio", "apac")
                .get("/api/v1/monitored-parties/audited-" + run).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", auditor).queryParam("portfolio", "apac")
                .get("/api/v1/monitored-parties").then().statusCode(403);
        given().header("Authorization", auditor).contentType(ContentType.JSON).queryParam("portfolio", "emea")
                .body(Map.of("name", "Changed By An Auditor")).put("/api/v1/monitored-parties/audited-" + run)
                .then().statusCode(403);
    }

    @Test
    void a_search_finds_parties_by_part_of_their_name_or_id_in_any_case() {
        String portfolio = "search-" + suffix();
        put(portfolio, "acct-7781", Map.of("name", "Hollingworth Agnes", "type", "PERSON")).statusCode(201);
        put(portfolio, "acct-7782", Map.of("name", "Agnes Tremaine Bakery")).statusCode(201);
        put(portfolio, "zz-1", Map.of("name", "Orlov Shipping")).statusCode(201);
        put("search-other-" + suffix(), "acct-7783", Map.of("name", "Agnes Elsewhere")).statusCode(201);

        search(portfolio, "aGNes").statusCode(200).body("total", equalTo(2))
                .body("items.partyId", contains("acct-7781", "acct-7782"));
        search(portfolio, "HOLLING").body("items.partyId", contains("acct-7781"));
        search(portfolio, "ACCT-7782").body("total", equalTo(1)).body("items.name", contains("Agnes Tremaine Bakery"));
        search(portfolio, "ZZ").body("items.partyId", contains("zz-1"));
        search(portfolio, "agnes%").body("total", equalTo(0)); // a wildcard is a character like any other
        given().queryParam("portfolio", portfolio).queryParam("q", "agnes").queryParam("offset", 1)
                .queryParam("size", 1).get("/api/v1/monitored-parties").then()
                .body("items.partyId", contains("acct-7782")).body("total", equalTo(2));
        search(portfolio, " ").statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("q"));
        search(portfolio, "x".repeat(201)).statusCode(400).body("errors.field", contains("q"));
    }

    private static io.restassured.response.ValidatableResponse search(String portfolio, String q) {
        return given().queryParam("portfolio", portfolio).queryParam("q", q).get("/api/v1/monitored-parties").then();
    }

    @Test
    void the_portfolios_a_token_covers_are_listed_with_their_parties_and_open_alerts() {
        String mine = "desk-" + suffix();
        String theirs = "desk-" + suffix();
        String unused = "desk-" + suffix();
        put(mine, "d-1", Map.of("name", LISTED)).statusCode(201);
        put(mine, "d-2", Map.of("name", "Quiet Harbour Bakery")).statusCode(201);
        put(theirs, "d-1", Map.of("name", "Another Quiet Bakery")).statusCode(201);

        // an auditor whose token names mine and a portfolio that holds nothing
        String auditor = TestTokens.bearer("auditor.ana", List.of("auditor"), List.of(mine, unused));
        given().header("Authorization", auditor).get("/api/v1/portfolios").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].portfolio", equalTo(mine))
                .body("items[0].parties", equalTo(2))
                .body("items[0].openAlerts", equalTo(1));
        String alertId = given().queryParam("portfolio", mine).queryParam("status", "OPEN").get("/api/v1/alerts")
                .then().extract().path("items[0].alertId");
        given().contentType(ContentType.JSON).body(Map.of("decision", "FALSE_POSITIVE", "comment", "Other company"))
                .post("/api/v1/alerts/" + alertId + "/disposition").then().statusCode(200);
        given().header("Authorization", auditor).get("/api/v1/portfolios").then()
                .body("items.openAlerts", contains(0)).body("items.parties", contains(2));

        String screener = TestTokens.bearer("sam", List.of("screener"), List.of(theirs));
        given().header("Authorization", screener).get("/api/v1/portfolios").then().statusCode(200)
                .body("items.portfolio", contains(theirs)).body("items.parties", contains(1))
                .body("items.openAlerts", contains(0));
        // a "*" token sees them all, by name
        List<String> all = given().get("/api/v1/portfolios").then().statusCode(200).extract().path("items.portfolio");
        assertTrue(all.containsAll(List.of(mine, theirs)) && !all.contains(unused), all.toString());
        assertEquals(all.stream().sorted().toList(), all);
    }

    @Test
    void a_bulk_upsert_stores_all_or_nothing_and_reports_the_parties_that_match() {
        String portfolio = "bulk-" + suffix();
        List<Map<String, Object>> book = List.of(
                Map.of("partyId", "p1", "name", LISTED),
                Map.of("partyId", "p2", "name", "Nobody Atall Here", "type", "PERSON", "country", "DE"),
                Map.of("partyId", "p3", "name", "Quiet Bakery Ltd"));
        bulk(portfolio, book).statusCode(200)
                .body("received", equalTo(3)).body("created", equalTo(3))
                .body("matched", hasSize(1))
                .body("matched[0].partyId", equalTo("p1"))
                .body("matched[0].matches[0].entryId", equalTo(id(listed)))
                .body("batchId", notNullValue());
        bulk(portfolio, book).statusCode(200).body("unchanged", equalTo(3)).body("created", equalTo(0));

        List<Map<String, Object>> bad = List.of(Map.of("partyId", "p4", "name", "Fine"),
                Map.of("partyId", "p5", "name", " "), Map.of("partyId", "p4", "name", "Twice"));
        bulk(portfolio, bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].name"))
                .body("errors.field", hasItem("[2].partyId"));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/p4").then().statusCode(404);
    }

    @Test
    void a_csv_book_is_stored_all_or_nothing_and_a_bad_line_is_named() {
        String portfolio = "csv-" + suffix();
        String csv = "\uFEFFPartyId,Name,Type,Country\n"
                + "k-1,\"" + LISTED + "\",organization,\n"
                + "k-2,\"Hollingworth, Agnes\",PERSON,gb\n";
        csv(portfolio, csv).statusCode(200).body("received", equalTo(2)).body("created", equalTo(2))
                .body("matched", hasSize(1)).body("matched[0].partyId", equalTo("k-1"));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/k-2").then()
                .body("name", equalTo("Hollingworth, Agnes")).body("country", equalTo("GB")).body("type", equalTo("PERSON"));

        String bad = "partyId,name,type\nk-3,Fine Name,PERSON\nk-4,Other,ROBOT\nk-5,,\n";
        csv(portfolio, bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[line 3].type"))
                .body("errors.field", hasItem("[line 4].name"));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/k-3").then().statusCode(404);
        csv(portfolio, "id,name\nk-6,X\n").statusCode(400).body("errors.field", hasItem("header"));
        csv(portfolio, "partyId,name\nk-7,\"unterminated\n").statusCode(400).body("errors.field", hasItem("[line 2]"));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties").then().body("total", equalTo(2));
    }

    private static io.restassured.response.ValidatableResponse csv(String portfolio, String body) {
        return given().contentType("text/csv; charset=UTF-8").queryParam("portfolio", portfolio).body(body)
                .post("/api/v1/monitored-parties/bulk").then();
    }

    @Test
    void bad_ids_and_details_are_refused_with_the_field_at_fault() {
        put("default", "bad id!", Map.of("name", "X")).statusCode(400).body("errors.field", hasItem("partyId"));
        put("no portfolio!", "ok-1", Map.of("name", "X")).statusCode(400).body("errors.field", hasItem("portfolio"));
        put("default", "ok-2", Map.of("name", "X", "country", "ZZ")).statusCode(400)
                .body("errors.field", hasItem("country"));
        put("default", "ok-3", Map.of("partyId", "other", "name", "X")).statusCode(400)
                .body("errors.field", hasItem("partyId"));
    }

    private static io.restassured.response.ValidatableResponse put(String portfolio, String partyId,
                                                                   Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(body)
                .put("/api/v1/monitored-parties/" + partyId).then();
    }

    private static io.restassured.response.ValidatableResponse bulk(String portfolio, List<Map<String, Object>> book) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(book)
                .post("/api/v1/monitored-parties/bulk").then();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
