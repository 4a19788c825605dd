package io.sanctionsradar.screening.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.support.audit.AuditTrail;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;

/**
 * The audit trail keeps to the auditor's portfolios, against the real database: records of a monitored party, a
 * bulk upsert or an alert decision show only to auditors whose token covers its portfolio; records of no portfolio
 * show to every auditor.
 */
@QuarkusTest
class AuditPortfolioTest {

    @Inject
    AuditTrail trail;

    @Test
    void an_auditor_of_one_portfolio_reads_its_records_and_not_those_of_another() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pa = "pa-" + run;
        String pb = "pb-" + run;
        saveParty("screener-a-" + run, pa);
        saveParty("screener-b-" + run, pb);
        String alertOfA = "alert/" + UUID.randomUUID();
        String alertOfB = "alert/" + UUID.randomUUID();
        trail.record("alert.disposition", alertOfA, Map.of("portfolio", pa, "decision", "TRUE_MATCH"));
        trail.record("alert.disposition", alertOfB, Map.of("portfolio", pb, "decision", "TRUE_MATCH"));
        String ofNoPortfolio = "watchlist/" + run; // as designation-level records are
        trail.record("watchlist.checked", ofNoPortfolio, Map.of());

        String auditorOfA = TestTokens.bearer("auditor-a-" + run, List.of("auditor"), List.of(pa));
        audit(auditorOfA, "party.").body("items.target", containsInAnyOrder("party/" + pa + "/c-1"));
        audit(auditorOfA, "parties.").body("items.target", containsInAnyOrder("portfolio/" + pa));
        audit(auditorOfA, "alert.").body("items.target", containsInAnyOrder(alertOfA));
        audit(auditorOfA, "watchlist.").body("items.target", containsInAnyOrder(ofNoPortfolio));

        String auditorOfAll = TestTokens.bearer("auditor-all-" + run, List.of("auditor"), List.of("*"));
        audit(auditorOfAll, "party.").body("items.target", hasItems("party/" + pa + "/c-1", "party/" + pb + "/c-1"));
        audit(auditorOfAll, "alert.").body("items.target", hasItems(alertOfA, alertOfB));

        String auditorOfNone = TestTokens.bearer("auditor-none-" + run, List.of("auditor"), List.of());
        audit(auditorOfNone, "party.").body("items", empty());
        audit(auditorOfNone, "watchlist.").body("items.target", containsInAnyOrder(ofNoPortfolio));
    }

    private static void saveParty(String screener, String portfolio) {
        String token = TestTokens.bearer(screener, List.of("screener"), List.of(portfolio));
        given().header("Authorization", token).contentType(ContentType.JSON).queryParam("portfolio", portfolio)
                .body(Map.of("name", "Harmless Bakery " + portfolio, "type", "ORGANIZATION"))
                .put("/api/v1/monitored-parties/c-1").then().statusCode(201);
        given().header("Authorization", token).contentType(ContentType.JSON).queryParam("portfolio", portfolio)
                .body(List.of(Map.of("partyId", "c-2", "name", "Another Harmless Bakery")))
                .post("/api/v1/monitored-parties/bulk").then().statusCode(200);
    }

    /** The auditor's records of actions under {@code action} made in this test (its portfolios' names are unique). */
    private static ValidatableResponse audit(String auditor, String action) {
        return given().header("Authorization", auditor).queryParam("action", action).queryParam("limit", 1000)
                .get("/api/v1/audit").then().statusCode(200);
    }
}
