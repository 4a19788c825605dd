package io.sanctionsradar.designation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OperationsTest {

    @Test
    void readiness_checks_the_real_database_and_kafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo("designation-service"))
                .body(schemaTypeOf("/api/v1/designations", "page"), equalTo("integer"))
                .body(schemaTypeOf("/api/v1/designations", "size"), equalTo("integer"))
                .body(schemaTypeOf("/api/v1/audit", "limit"), equalTo("integer"))
                .body(schemaTypeOf("/api/v1/audit", "before"), equalTo("integer"));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200);
    }

    @Test
    void an_unknown_api_path_answers_problem_json() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    /** Paging parameters are read as text (service-support's Paging) but are whole numbers in the contract. */
    private static String schemaTypeOf(String path, String parameter) {
        return "paths.'" + path + "'.get.parameters.find { it.name == '" + parameter + "' }.schema.type";
    }
}
