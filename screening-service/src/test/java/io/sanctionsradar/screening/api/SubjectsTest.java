package io.sanctionsradar.screening.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.screening.DesignationTopicTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.awaitVersion;
import static io.sanctionsradar.screening.TestEvents.id;
import static io.sanctionsradar.screening.TestEvents.person;
import static io.sanctionsradar.screening.TestEvents.publish;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SubjectsTest extends DesignationTopicTest {

    @Test
    void a_person_listed_by_two_authorities_is_answered_as_one_subject_holding_both_listings() {
        String family = "Quorvanek" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        ObjectNode ofac = person(family + ", Junzheng", "US-OFAC", "US-OFAC-SDN", "2020-07-31");
        ObjectNode eu = person("Junzheng " + family, "EU", "EU-FSF", "2021-03-22");
        publish(kafka, ofac);
        publish(kafka, eu);
        awaitVersion(ofac, 1);
        awaitVersion(eu, 1);

        String subjectId = given().contentType(ContentType.JSON).body(Map.of("name", "Junzheng " + family))
                .post("/api/v1/screenings").then().statusCode(200)
                .body("matches", hasSize(2))
                .body("subjects", hasSize(1))
                .body("subjects[0].score", equalTo(1.0f))
                .body("subjects[0].listings.entryId", containsInAnyOrder(id(ofac), id(eu)))
                .body("subjects[0].listings.authority", containsInAnyOrder("US-OFAC", "EU"))
                .body("subjects[0].listings.source", containsInAnyOrder("US-OFAC-SDN", "EU-FSF"))
                .body("subjects[0].listings[0].programs[0]", equalTo("SDGT"))
                .body("subjects[0].listings[0].measures[0].type", equalTo("ASSET_FREEZE"))
                .extract().path("subjects[0].subjectId");

        given().get("/api/v1/subjects/" + subjectId).then().statusCode(200)
                .body("subjectId", equalTo(subjectId))
                .body("listings.entryId", containsInAnyOrder(id(ofac), id(eu)))
                .body("listings[0].entryId", equalTo(id(ofac))) // the first listed names the subject
                .body("joins", hasSize(1))
                .body("joins[0].entryId", equalTo(id(eu)))
                .body("joins[0].joinedTo", equalTo(id(ofac)))
                .body("joins[0].reason", equalTo("NAME_BIRTH_DATE_NATIONALITY"));
    }

    @Test
    void an_unknown_subject_is_a_problem() {
        given().get("/api/v1/subjects/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/subjects/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
