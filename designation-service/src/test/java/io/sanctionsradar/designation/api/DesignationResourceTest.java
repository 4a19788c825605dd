package io.sanctionsradar.designation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class DesignationResourceTest {

    @Test
    void a_recorded_designation_can_be_read_back_with_its_version_and_default_legal_basis() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        String id = post("/api/v1/designations", draft).statusCode(201)
                .header("Location", containsString("/api/v1/designations/"))
                .body("version", equalTo(1))
                .body("status", equalTo("ACTIVE"))
                .body("kind", equalTo("DESIGNATION"))
                .body("legalBasis", equalTo("E.O. 13818; Global Magnitsky Human Rights Accountability Act"))
                .extract().path("designationId");

        given().when().get("/api/v1/designations/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("subject.name", equalTo("WANG, Junzheng"))
                .body("subject.aliases[0].name", equalTo("王君正"))
                .body("subject.aliases[0].script", equalTo("Hani"))
                .body("subject.birthDates", contains("1963-06"))
                .body("measures[0].type", equalTo("ASSET_FREEZE"))
                .body("sourceId", equalTo(draft.get("sourceId")));
    }

    @Test
    void an_amendment_raises_the_version_and_the_history_says_who_changed_what() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        String id = post("/api/v1/designations", draft).statusCode(201).extract().path("designationId");
        @SuppressWarnings("unchecked")
        List<Object> aliases = (List<Object>) Drafts.subjectOf(draft).get("aliases");
        aliases.add(Map.of("name", "Wang Jun-zheng", "kind", "AKA", "script", "Latn"));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .header("Authorization", TestTokens.bearer("analyst.lee", List.of("analyst"), List.of()))
                .body(draft).when().put("/api/v1/designations/" + id)
                .then().statusCode(200).body("version", equalTo(2)).header("ETag", "\"2\"");

        given().when().get("/api/v1/designations/" + id + "/history")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].eventType", equalTo("sanctions.entity.listed"))
                .body("[0].changedBy", equalTo(TestTokens.TEST_USER))
                .body("[0].changes", hasSize(0))
                .body("[1].eventType", equalTo("sanctions.entity.amended"))
                .body("[1].changedBy", equalTo("analyst.lee"))
                .body("[1].changes.field", contains("subject.aliases[1].kind", "subject.aliases[1].name",
                        "subject.aliases[1].script"))
                .body("[1].changes[1].to", equalTo("Wang Jun-zheng"));
        given().when().get("/api/v1/designations/" + id + "/versions/1")
                .then().statusCode(200).body("subject.aliases", hasSize(1));
    }

    @Test
    void an_amendment_that_changes_nothing_keeps_the_version() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        String id = post("/api/v1/designations", draft).statusCode(201).extract().path("designationId");

        given().contentType(ContentType.JSON).body(draft).when().put("/api/v1/designations/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().when().get("/api/v1/designations/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void an_amendment_based_on_a_stale_version_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        String id = post("/api/v1/designations", draft).statusCode(201).extract().path("designationId");
        draft.put("sourceReference", "corrected");
        given().contentType(ContentType.JSON).body(draft).when().put("/api/v1/designations/" + id).then().statusCode(200);

        draft.put("sourceReference", "a lost update");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(draft)
                .when().put("/api/v1/designations/" + id)
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void a_delisting_ends_the_designation_once() {
        String id = post("/api/v1/designations", Drafts.wangJunzheng()).statusCode(201).extract().path("designationId");

        given().contentType(ContentType.JSON).body(Map.of("delistedOn", "2024-01-15", "reason", "court ruling"))
                .when().post("/api/v1/designations/" + id + "/delisting")
                .then().statusCode(200)
                .body("status", equalTo("DELISTED"))
                .body("version", equalTo(2))
                .body("delistedOn", equalTo("2024-01-15"));

        given().contentType(ContentType.JSON).body(Map.of("reason", "delisted twice"))
                .when().post("/api/v1/designations/" + id + "/delisting")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Drafts.wangJunzheng())
                .when().put("/api/v1/designations/" + id)
                .then().statusCode(409);
    }

    @Test
    void a_delisting_without_a_reason_is_refused_and_changes_nothing() {
        String id = post("/api/v1/designations", Drafts.wangJunzheng()).statusCode(201).extract().path("designationId");
        for (Map<String, Object> body : List.of(Map.<String, Object>of(), Map.<String, Object>of("reason", "  "),
                Map.<String, Object>of("delistedOn", "2024-01-15"))) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/designations/" + id + "/delisting")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("reason"));
        }
        given().contentType(ContentType.JSON).when().post("/api/v1/designations/" + id + "/delisting")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        given().get("/api/v1/designations/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("version", equalTo(1));
    }

    @Test
    void a_delisting_cannot_predate_the_listing() {
        String id = post("/api/v1/designations", Drafts.wangJunzheng()).statusCode(201).extract().path("designationId");
        given().contentType(ContentType.JSON).body(Map.of("delistedOn", "2020-01-01", "reason", "listed in error"))
                .when().post("/api/v1/designations/" + id + "/delisting")
                .then().statusCode(400).body("errors[0].field", equalTo("delistedOn"));
    }

    @Test
    void a_countermeasure_names_what_it_answers() {
        Map<String, Object> draft = Drafts.countermeasureOnZenz();
        post("/api/v1/countermeasures", draft).statusCode(201)
                .body("kind", equalTo("COUNTERMEASURE"))
                .body("authority", equalTo("CN-MFA"))
                .body("respondsTo[0].authority", equalTo("EU-COUNCIL"))
                .body("measures.type", contains("ENTRY_BAN", "FINANCIAL_DEALINGS_BAN"));

        Map<String, Object> unanswered = Drafts.countermeasureOnZenz();
        unanswered.remove("respondsTo");
        post("/api/v1/countermeasures", unanswered).statusCode(400).body("errors.field", hasItem("respondsTo"));
    }

    @Test
    void a_countermeasure_can_answer_a_designation_recorded_here() {
        String designationId = post("/api/v1/designations", Drafts.wangJunzheng()).statusCode(201)
                .extract().path("designationId");
        Map<String, Object> draft = Drafts.countermeasureOnZenz();
        draft.put("respondsTo", List.of(Map.of("designationId", designationId)));
        post("/api/v1/countermeasures", draft).statusCode(201).body("respondsTo[0].designationId", equalTo(designationId));

        draft.put("respondsTo", List.of(Map.of("designationId", UUID.randomUUID().toString())));
        draft.put("sourceId", "test-" + UUID.randomUUID());
        post("/api/v1/countermeasures", draft).statusCode(400).body("errors[0].field", equalTo("respondsTo[0].designationId"));
    }

    @Test
    void the_countermeasures_answering_a_designation_are_those_naming_it_or_its_action_of_that_day() {
        String listedOn = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000)).toString();
        Map<String, Object> designation = Drafts.wangJunzheng();
        designation.put("listedOn", listedOn);
        String designationId = post("/api/v1/designations", designation).statusCode(201).extract().path("designationId");
        String byId = countermeasureAnswering(Map.of("designationId", designationId));
        String byAction = countermeasureAnswering(Map.of("authority", "US-OFAC", "actionDate", listedOn));
        countermeasureAnswering(Map.of("authority", "EU-COUNCIL", "actionDate", listedOn));
        countermeasureAnswering(Map.of("authority", "US-OFAC",
                "actionDate", LocalDate.parse(listedOn).plusDays(1).toString()));

        given().queryParam("respondsTo", designationId).when().get("/api/v1/countermeasures")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.designationId", containsInAnyOrder(byId, byAction));
        given().queryParam("respondsTo", designationId).queryParam("status", "DELISTED")
                .when().get("/api/v1/countermeasures").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("respondsTo", UUID.randomUUID().toString()).when().get("/api/v1/countermeasures")
                .then().statusCode(400).body("errors[0].field", equalTo("respondsTo"));
    }

    private static String countermeasureAnswering(Map<String, Object> answer) {
        Map<String, Object> draft = Drafts.countermeasureOnZenz();
        draft.put("respondsTo", List.of(answer));
        return post("/api/v1/countermeasures", draft).statusCode(201).extract().path("designationId");
    }

    @Test
    void the_same_list_entry_is_not_designated_twice() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        post("/api/v1/designations", draft).statusCode(201);
        post("/api/v1/designations", draft).statusCode(409).body("errors[0].field", equalTo("sourceId"));
    }

    @Test
    void a_retried_post_with_the_same_idempotency_key_records_once() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(draft)
                .when().post("/api/v1/designations").then().statusCode(201).extract().path("designationId");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(draft)
                .when().post("/api/v1/designations")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first))
                .body("designationId", equalTo(first));
        given().queryParam("sourceList", "US-OFAC-SDN").queryParam("sourceId", draft.get("sourceId"))
                .when().get("/api/v1/designations").then().body("total", equalTo(1));

        draft.put("sourceReference", "something else");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(draft)
                .when().post("/api/v1/designations")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void browsing_filters_by_authority_programme_status_and_name() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        Drafts.subjectOf(draft).put("name", "WANG, " + marker);
        String id = post("/api/v1/designations", draft).statusCode(201).extract().path("designationId");

        given().queryParam("q", marker.toLowerCase()).queryParam("authority", "US-OFAC")
                .queryParam("program", "GLOMAG").queryParam("status", "ACTIVE")
                .when().get("/api/v1/designations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].designationId", equalTo(id));
        given().queryParam("q", marker).queryParam("program", "CMIC")
                .when().get("/api/v1/designations").then().body("total", equalTo(0));
        given().queryParam("q", marker).queryParam("listedOn", "2021-03-22")
                .when().get("/api/v1/designations").then().body("total", equalTo(1));
        given().queryParam("q", marker).queryParam("listedOn", "2021-03-23")
                .when().get("/api/v1/designations").then().body("total", equalTo(0));
        given().queryParam("listedOn", "22.3.2021").when().get("/api/v1/designations")
                .then().statusCode(400).body("errors[0].field", equalTo("listedOn"));
        given().queryParam("q", "王君正").queryParam("size", 1)
                .when().get("/api/v1/designations").then().body("items", hasSize(1)).body("size", equalTo(1));
        given().queryParam("status", "GONE").when().get("/api/v1/designations")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("size", 501).when().get("/api/v1/designations")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknown_designations_are_404_problems() {
        given().when().get("/api/v1/designations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/designations/not-a-uuid/history")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void reference_data_lists_authorities_and_programmes_and_takes_new_ones() {
        given().when().get("/api/v1/authorities").then().statusCode(200).body("code", hasItem("CN-MFA"));
        given().contentType(ContentType.JSON)
                .body(Map.of("authority", "US-OFAC", "name", "Russia-related sanctions", "legalBasis", "E.O. 14024"))
                .when().put("/api/v1/programmes/RUSSIA-EO14024")
                .then().statusCode(200).body("code", equalTo("RUSSIA-EO14024"));
        given().when().get("/api/v1/programmes").then().body("code", hasItem("RUSSIA-EO14024"));
        given().contentType(ContentType.JSON).body(Map.of("authority", "XX-NOBODY", "name", "x"))
                .when().put("/api/v1/programmes/NOPE")
                .then().statusCode(400).body("errors[0].field", equalTo("authority"));
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }
}
