package io.sanctionsradar.designation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Every paged listing refuses a page it cannot read (issue #24 item 11), naming the parameter. */
@QuarkusTest
class PagingTest {

    @Test
    void a_page_past_the_int_range_is_refused_not_a_500() {
        refused("/api/v1/designations", Map.of("size", 500, "page", Integer.MAX_VALUE), "page");
        refused("/api/v1/countermeasures", Map.of("size", 500, "page", Integer.MAX_VALUE), "page");
        refused("/api/v1/designations", Map.of("size", 500, "page", 20_001), "page");
    }

    @Test
    void negative_zero_and_huge_values_are_refused_naming_the_parameter() {
        refused("/api/v1/designations", Map.of("page", -1), "page");
        refused("/api/v1/designations", Map.of("size", 0), "size");
        refused("/api/v1/designations", Map.of("size", 1_000_000), "size");
        refused("/api/v1/designations", Map.of("page", "99999999999"), "page");
        refused("/api/v1/designations", Map.of("size", "99999999999999999999"), "size");
        refused("/api/v1/designations", Map.of("page", "two"), "page");
        refused("/api/v1/countermeasures", Map.of("size", -5), "size");
        given().queryParams(Map.of("page", -1, "size", 0)).when().get("/api/v1/designations")
                .then().statusCode(400).body("errors.field", contains("page", "size"));
    }

    @Test
    void the_audit_trail_refuses_a_bad_limit_or_cursor() {
        refused("/api/v1/audit", Map.of("limit", "99999999999"), "limit");
        refused("/api/v1/audit", Map.of("limit", -1), "limit");
        refused("/api/v1/audit", Map.of("before", "latest"), "before");
        refused("/api/v1/audit", Map.of("before", 0), "before");
        given().queryParam("limit", 1).when().get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void pages_within_the_bounds_still_work() {
        given().queryParams(Map.of("page", 0, "size", 1)).when().get("/api/v1/designations")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(1));
        given().queryParams(Map.of("page", 20_000, "size", 500)).when().get("/api/v1/designations")
                .then().statusCode(200).body("page", equalTo(20_000)).body("items", hasSize(0));
        given().queryParams(Map.of("page", 3, "size", 2)).when().get("/api/v1/countermeasures")
                .then().statusCode(200).body("page", equalTo(3)).body("size", equalTo(2));
        given().when().get("/api/v1/designations").then().statusCode(200).body("size", equalTo(50));
    }

    private static ValidatableResponse refused(String path, Map<String, ?> query, String field) {
        return given().queryParams(query).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
