package io.sanctionsradar.screening.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.TestEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.id;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Monitored parties carry identifiers: stored, screened with, and alerted on when a new listing holds one. */
@QuarkusTest
class PartyIdentifiersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void a_new_listing_with_a_partys_identifier_alerts_it_whatever_the_names() {
        String portfolio = "ids-" + suffix();
        String imo = imo();
        put(portfolio, "v-1", Map.of("name", "Harbour Owl " + suffix(), "type", "VESSEL",
                "identifiers", List.of(Map.of("type", "IMO", "value", "IMO " + imo)))).statusCode(201)
                .body("party.identifiers[0].value", equalTo("IMO " + imo))
                .body("screening.matches", hasSize(0));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/v-1").then().statusCode(200)
                .body("identifiers[0].type", equalTo("IMO"));

        ObjectNode listed = TestEvents.designation("Quillon Marisk " + suffix());
        ObjectNode subject = (ObjectNode) listed.get("subject");
        subject.put("type", "VESSEL");
        subject.putObject("vessel").put("imo", imo);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.createCompactedTopic(TestEvents.TOPIC, 3);
            TestEvents.publish(kafka, listed);
        }
        JsonPath alert = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> alerts(portfolio), page -> page.getInt("total") == 1).setRootPath("items[0]");
        assertEquals("v-1", alert.getString("partyId"));
        assertEquals(id(listed), alert.getString("entryId"));
        assertEquals(1.0f, alert.getFloat("match.score"));
        assertEquals("IMO " + imo, alert.getString("party.identifiers[0].value"), "the alert shows the party's identifiers");
        assertEquals(imo, alert.getString("match.explanation.identifierMatches[0].listed.value"));

        // a party stored after the listing is screened with its identifiers too
        put(portfolio, "v-2", Map.of("name", "Another Name Entirely", "identifiers",
                List.of(Map.of("type", "imo", "value", imo)))).statusCode(201)
                .body("screening.matches[0].entryId", equalTo(id(listed)));
    }

    @Test
    void a_bad_identifier_is_refused_naming_the_field() {
        put("ids-" + suffix(), "p-1", Map.of("name", "X", "identifiers",
                List.of(Map.of("type", "IMO", "value", "9074728")))).statusCode(400)
                .body("errors.field", hasItem("identifiers[0].value"));
        given().contentType("text/csv").queryParam("portfolio", "ids-" + suffix())
                .body("partyId,name,identifiers\np-1,Some Name,IMO:9074728\n")
                .post("/api/v1/monitored-parties/bulk").then().statusCode(400)
                .body("errors.field", hasItem("[line 2].identifiers[0].value"));
    }

    @Test
    void a_csv_book_carries_identifiers_in_one_column() {
        String portfolio = "ids-" + suffix();
        given().contentType("text/csv").queryParam("portfolio", portfolio)
                .body("partyId,name,identifiers\np-1,Some Name,IMO:9074729;PASSPORT:AB 123/ru\np-2,Other Name,\n")
                .post("/api/v1/monitored-parties/bulk").then().statusCode(200);
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/p-1").then().statusCode(200)
                .body("identifiers", hasSize(2))
                .body("identifiers[1].type", equalTo("PASSPORT"))
                .body("identifiers[1].value", equalTo("AB 123"))
                .body("identifiers[1].country", equalTo("ru"));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties/p-2").then().statusCode(200)
                .body("identifiers", hasSize(0));
        // the same book again is unchanged: identifiers compare as stored
        given().contentType("text/csv").queryParam("portfolio", portfolio)
                .body("partyId,name,identifiers\np-1,Some Name,IMO:9074729;PASSPORT:AB 123/ru\np-2,Other Name,\n")
                .post("/api/v1/monitored-parties/bulk").then().statusCode(200).body("unchanged", equalTo(2));
    }

    private static String imo() {
        String six = String.valueOf(100_000 + (int) (Math.random() * 899_999));
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (six.charAt(i) - '0') * (7 - i);
        }
        return six + sum % 10;
    }

    private static JsonPath alerts(String portfolio) {
        return given().queryParam("portfolio", portfolio).queryParam("status", "OPEN").get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse put(String portfolio, String partyId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(body)
                .put("/api/v1/monitored-parties/" + partyId).then();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
