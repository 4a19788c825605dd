package io.sanctionsradar.screening.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Every paged listing refuses a page it cannot read (issue #24 item 11), naming the parameter. */
@QuarkusTest
class PagingTest {

    private static final List<Map<String, Object>> OUT_OF_BOUNDS = List.of(
            Map.of("offset", -1), Map.of("offset", "2147483648"), Map.of("offset", "99999999999999999999"),
            Map.of("offset", 10_000_001), Map.of("size", 0), Map.of("size", -3), Map.of("size", 1001),
            Map.of("size", "2147483648"), Map.of("size", "ten"));

    @Test
    void alerts_and_monitored_parties_refuse_out_of_bounds_pages_naming_the_parameter() {
        for (String path : List.of("/api/v1/alerts", "/api/v1/monitored-parties")) {
            for (Map<String, Object> query : OUT_OF_BOUNDS) {
                given().queryParam("portfolio", "paging").queryParams(query).when().get(path)
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo(query.keySet().iterator().next()));
            }
            given().queryParams(Map.of("portfolio", "paging", "offset", -1, "size", 0)).when().get(path)
                    .then().statusCode(400).body("errors.field", contains("offset", "size"));
        }
    }

    @Test
    void a_batch_receipt_refuses_out_of_bounds_pages_naming_the_parameter() {
        String batchId = aBatchOfTwo();
        for (Map<String, Object> query : OUT_OF_BOUNDS) {
            given().queryParams(query).when().get("/api/v1/screenings/batches/" + batchId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.keySet().iterator().next()));
        }
    }

    @Test
    void pages_within_the_bounds_still_work() {
        String portfolio = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        for (String id : List.of("p-1", "p-2", "p-3")) {
            given().queryParam("portfolio", portfolio).contentType(ContentType.JSON)
                    .body(Map.of("name", "Quillon Brasswick " + id, "type", "PERSON"))
                    .when().put("/api/v1/monitored-parties/" + id).then().statusCode(201);
        }
        given().queryParams(Map.of("portfolio", portfolio, "offset", 1, "size", 1)).when()
                .get("/api/v1/monitored-parties").then().statusCode(200)
                .body("items.partyId", contains("p-2")).body("offset", equalTo(1)).body("size", equalTo(1))
                .body("total", equalTo(3));
        given().queryParams(Map.of("portfolio", portfolio, "offset", 10_000_000, "size", 1000)).when()
                .get("/api/v1/monitored-parties").then().statusCode(200).body("items", hasSize(0));
        given().queryParams(Map.of("portfolio", portfolio)).when().get("/api/v1/alerts")
                .then().statusCode(200).body("offset", equalTo(0)).body("size", equalTo(100));
        String batchId = aBatchOfTwo();
        given().queryParams(Map.of("offset", 1, "size", 1)).when().get("/api/v1/screenings/batches/" + batchId)
                .then().statusCode(200).body("results", hasSize(1))
                .body("results[0].query.name", equalTo("Second Nobody Here"));
    }

    private static String aBatchOfTwo() {
        return given().contentType(ContentType.JSON)
                .body(List.of(Map.of("name", "First Nobody Here"), Map.of("name", "Second Nobody Here")))
                .post("/api/v1/screenings/batch").then().statusCode(200).extract().path("batchId");
    }
}
