package io.sanctionsradar.designation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input is refused with problem+json naming the field at fault, and nothing is recorded. */
@QuarkusTest
class ValidationTest {

    @Test
    void an_unknown_subject_type_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("type", "ALIEN");
        refused(draft, "subject.type");
    }

    @Test
    void an_unknown_measure_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        draft.put("measures", List.of(Map.of("type", "STERN_LOOK")));
        refused(draft, "measures[0].type");
    }

    @Test
    void an_impossible_listing_date_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        draft.put("listedOn", "2021-02-30");
        refused(draft, "listedOn");
    }

    @Test
    void an_impossible_partial_birth_date_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("birthDates", List.of("1963-13"));
        refused(draft, "subject.birthDates[0]");
    }

    @Test
    void an_empty_name_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("name", "  ");
        refused(draft, "subject.name");
    }

    @Test
    void a_name_over_512_characters_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("name", "A".repeat(513));
        refused(draft, "subject.name");
    }

    @Test
    void an_unknown_country_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("nationalities", List.of("XX"));
        refused(draft, "subject.nationalities[0]");
    }

    @Test
    void a_bad_alias_script_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("aliases", List.of(Map.of("name", "王君正", "kind", "AKA", "script", "chinese")));
        refused(draft, "subject.aliases[0].script");
    }

    @Test
    void an_unknown_authority_and_a_programme_of_another_authority_are_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        draft.put("authority", "US-NOBODY");
        refused(draft, "authority");
        draft.put("authority", "US-OFAC");
        draft.put("programs", List.of("ENTITY-LIST"));
        refused(draft, "programs[0]");
    }

    @Test
    void missing_required_fields_are_all_named() {
        given().contentType(ContentType.JSON).body(Map.of("authority", "US-OFAC"))
                .when().post("/api/v1/designations")
                .then().statusCode(400)
                .body("errors.field", hasItem("listedOn"))
                .body("errors.field", hasItem("measures"))
                .body("errors.field", hasItem("programs"))
                .body("errors.field", hasItem("sourceList"))
                .body("errors.field", hasItem("subject"));
    }

    @Test
    void an_unknown_property_is_refused_rather_than_ignored() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        draft.put("progams", List.of("GLOMAG"));
        refused(draft, "progams");
    }

    @Test
    void a_body_over_the_size_limit_is_refused() {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("remarks", "x".repeat(3 * 1024 * 1024));
        given().contentType(ContentType.JSON).body(draft).when().post("/api/v1/designations")
                .then().statusCode(413).contentType("application/problem+json");
    }

    private static void refused(Map<String, Object> draft, String field) {
        given().contentType(ContentType.JSON).body(draft).when().post("/api/v1/designations")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        given().queryParam("sourceId", draft.get("sourceId")).when().get("/api/v1/designations")
                .then().body("total", equalTo(0));
    }
}
