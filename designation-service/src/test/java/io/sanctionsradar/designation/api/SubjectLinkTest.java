package io.sanctionsradar.designation.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.designation.messaging.OutboxEvent;
import io.sanctionsradar.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Analysts link and unlink designations as one subject; each change is versioned, announced and audited once. */
@QuarkusTest
class SubjectLinkTest {

    private static final String ANALYST = TestTokens.bearer("analyst.lin", List.of("analyst"), List.of());

    @Test
    void a_link_is_stored_in_canonical_order_then_unlinked_at_the_next_version() {
        List<String> pair = sorted(designate(), designate());

        decide(List.of(pair.get(1), pair.get(0)), "SAME_SUBJECT", "same passport in both listings")
                .statusCode(200)
                .body("designationIds", equalTo(pair))
                .body("relation", equalTo("SAME_SUBJECT"))
                .body("comment", equalTo("same passport in both listings"))
                .body("decidedBy", equalTo("analyst.lin"))
                .body("decidedAt", notNullValue())
                .body("version", equalTo(1));
        decide(pair, "DIFFERENT_SUBJECTS", "passport numbers differ in one digit")
                .statusCode(200)
                .body("relation", equalTo("DIFFERENT_SUBJECTS"))
                .body("version", equalTo(2));

        for (String id : pair) {
            given().get("/api/v1/designations/" + id + "/subject-links").then().statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].designationIds", equalTo(pair))
                    .body("[0].relation", equalTo("DIFFERENT_SUBJECTS"))
                    .body("[0].comment", equalTo("passport numbers differ in one digit"))
                    .body("[0].version", equalTo(2));
        }
        assertEquals(List.of("sanctions.subject.linked", "sanctions.subject.unlinked"), eventTypes(pair));
        audit(pair).body("items.action", contains("subject.unlinked", "subject.linked"))
                .body("items.actor", contains("analyst.lin", "analyst.lin"))
                .body("items.detail.version", contains(2, 1))
                .body("items[1].detail.comment", equalTo("same passport in both listings"));
    }

    @Test
    void deciding_the_same_again_changes_nothing_but_a_new_comment_is_a_new_version() {
        List<String> pair = sorted(designate(), designate());
        decide(pair, "SAME_SUBJECT", "same IMO number").statusCode(200).body("version", equalTo(1));

        decide(List.of(pair.get(1), pair.get(0)), "SAME_SUBJECT", "same IMO number ").statusCode(200)
                .body("version", equalTo(1));
        assertEquals(List.of("sanctions.subject.linked"), eventTypes(pair));
        audit(pair).body("items", hasSize(1));

        decide(pair, "SAME_SUBJECT", "same IMO number and owner").statusCode(200).body("version", equalTo(2));
        assertEquals(List.of("sanctions.subject.linked", "sanctions.subject.linked"), eventTypes(pair));
    }

    @Test
    void a_designation_without_links_has_none_and_an_unknown_one_is_not_found() {
        given().get("/api/v1/designations/" + designate() + "/subject-links").then().statusCode(200)
                .body("", hasSize(0));
        given().get("/api/v1/designations/" + UUID.randomUUID() + "/subject-links").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/designations/not-an-id/subject-links").then().statusCode(404);
    }

    @Test
    void bad_decisions_are_refused_naming_the_field_and_nothing_is_recorded() {
        String known = designate();
        String unknown = UUID.randomUUID().toString();
        refused(body(List.of(known, unknown), "SAME_SUBJECT", "x"), "designationIds[1]");
        refused(body(List.of("not-an-id", known), "SAME_SUBJECT", "x"), "designationIds[0]");
        refused(body(List.of(known, known), "SAME_SUBJECT", "x"), "designationIds");
        refused(body(List.of(known), "SAME_SUBJECT", "x"), "designationIds");
        refused(body(List.of(known, designate(), designate()), "SAME_SUBJECT", "x"), "designationIds");
        refused(body(List.of(known, designate()), "SAME_SUBJECT", "  "), "comment");
        refused(body(List.of(known, designate()), "SAME_SUBJECT", null), "comment");
        refused(body(List.of(known, designate()), "PROBABLY_SAME", "x"), "relation");
        refused(body(List.of(known, designate()), null, "x"), "relation");

        given().get("/api/v1/designations/" + known + "/subject-links").then().body("", hasSize(0));
    }

    @Test
    void only_an_analyst_decides() {
        List<String> pair = List.of(designate(), designate());
        given().header("Authorization", TestTokens.bearer("screener.sam", List.of("screener"), List.of("*")))
                .contentType(ContentType.JSON).body(body(pair, "SAME_SUBJECT", "x"))
                .put("/api/v1/subject-links").then().statusCode(403);
        assertEquals(List.of(), eventTypes(sorted(pair.get(0), pair.get(1))));
    }

    private static ValidatableResponse decide(List<String> ids, String relation, String comment) {
        return given().header("Authorization", ANALYST).contentType(ContentType.JSON)
                .body(body(ids, relation, comment)).put("/api/v1/subject-links").then();
    }

    private static void refused(Map<String, Object> body, String field) {
        given().header("Authorization", ANALYST).contentType(ContentType.JSON).body(body)
                .put("/api/v1/subject-links").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    private static Map<String, Object> body(List<String> ids, String relation, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("designationIds", ids);
        body.put("relation", relation);
        body.put("comment", comment);
        return body;
    }

    private static String designate() {
        return given().contentType(ContentType.JSON).body(Drafts.wangJunzheng()).post("/api/v1/designations")
                .then().statusCode(201).extract().path("designationId");
    }

    private static List<String> sorted(String a, String b) {
        List<String> pair = new ArrayList<>(List.of(a, b));
        pair.sort(null);
        return pair;
    }

    /** The outbox's events of the pair, oldest first. */
    private static List<String> eventTypes(List<String> pair) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                        "aggregateType = 'SubjectLink' and aggregateId = ?1 order by sequence", pair.get(0) + "+" + pair.get(1))
                .stream().map(e -> e.eventType).toList());
    }

    private static ValidatableResponse audit(List<String> pair) {
        return given().header("Authorization", TestTokens.bearer("auditor.ana", List.of("auditor"), List.of()))
                .queryParam("target", "subject-link/" + pair.get(0) + "+" + pair.get(1))
                .get("/api/v1/audit").then().statusCode(200);
    }
}
