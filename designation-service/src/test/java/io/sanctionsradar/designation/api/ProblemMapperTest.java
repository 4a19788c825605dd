package io.sanctionsradar.designation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemMapperTest {

    /** A resource that exists only in tests, so every kind of failure can be provoked through real HTTP. */
    @Path("/test/problems")
    @jakarta.annotation.security.PermitAll // only the mapping is under test here
    public static class ProblemProvokingResource {

        public record Subject(@NotBlank @Size(max = 512) String name, @NotNull LocalDate listedOn) {
        }

        @POST
        public Subject echo(@Valid @NotNull Subject subject) {
            if ("boom".equals(subject.name())) {
                throw new IllegalStateException("secret internal detail");
            }
            return subject;
        }
    }

    @Test
    void bean_validation_names_every_offending_field() {
        given().contentType(ContentType.JSON).body("{\"name\":\" \"}")
                .when().post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", org.hamcrest.Matchers.contains("listedOn", "name"))
                .body("detail", containsString("listedOn"));
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Wang Junzheng\",\"listedOn\":\"2021-02-30\"}")
                .when().post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("listedOn"));
    }

    @Test
    void malformed_json_is_a_problem_not_a_crash() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/test/problems")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void an_unsupported_media_type_is_a_problem() {
        given().contentType(ContentType.XML).body("<subject/>")
                .when().post("/test/problems")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void an_unexpected_failure_gives_a_reference_and_hides_the_cause() {
        given().contentType(ContentType.JSON).body("{\"name\":\"boom\",\"listedOn\":\"2021-03-22\"}")
                .when().post("/test/problems")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", containsString("reference"))
                .body(not(containsString("secret internal detail")));
    }
}
