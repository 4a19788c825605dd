package io.sanctionsradar.designation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A string that is not valid Unicode is refused, naming its field, not stored with a "?" (issue #24 item 12). */
@QuarkusTest
class InvalidUnicodeTest {

    private static final String MARK = "UNPAIRED-SURROGATE";

    @Test
    void an_unpaired_surrogate_in_a_name_is_refused_naming_the_field() throws Exception {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("name", MARK + "x");
        refused(json(draft).replace(MARK, "\\ud800"), "subject.name");
    }

    @Test
    void an_unpaired_surrogate_deep_in_a_list_names_its_path() throws Exception {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("aliases", List.of(Map.of("name", "Wang " + MARK, "kind", "AKA")));
        refused(json(draft).replace(MARK, "\\udc00"), "subject.aliases[0].name");
    }

    @Test
    void a_surrogate_pair_is_valid_unicode_and_kept() throws Exception {
        Map<String, Object> draft = Drafts.wangJunzheng();
        Drafts.subjectOf(draft).put("name", "WANG, Junzheng " + MARK);
        String id = given().contentType(ContentType.JSON).body(json(draft).replace(MARK, "\\ud842\\udfb7"))
                .when().post("/api/v1/designations").then().statusCode(201).extract().path("designationId");
        given().when().get("/api/v1/designations/" + id).then().statusCode(200)
                .body("subject.name", equalTo("WANG, Junzheng \uD842\uDFB7"));
    }

    private static void refused(String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/designations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private static String json(Object value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }
}
