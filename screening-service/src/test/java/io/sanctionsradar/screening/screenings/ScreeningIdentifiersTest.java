package io.sanctionsradar.screening.screenings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.TestEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ScreeningIdentifiersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VESSEL_NAME = "Zelvarin Tide " + UUID.randomUUID().toString().substring(0, 6);
    /** A valid IMO number (check digit 9) of this test run only, so that other tests' listings never share it. */
    private static final String IMO = imo();
    private static ObjectNode listed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void aVesselWithAnImoNumberAndAPassportHolderAreListed() {
        if (listed == null) {
            listed = TestEvents.designation(VESSEL_NAME);
            ObjectNode subject = (ObjectNode) listed.get("subject");
            subject.put("type", "VESSEL");
            subject.putObject("vessel").put("imo", IMO);
            subject.putArray("identifiers").addObject().put("kind", "Registration ID").put("number", "RG-" + IMO)
                    .put("country", "PA");
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                kafka.createCompactedTopic(TestEvents.TOPIC, 3);
                TestEvents.publish(kafka, listed);
            }
            TestEvents.awaitVersion(listed, 1);
        }
    }

    private static String imo() {
        String six = String.valueOf(100_000 + (int) (Math.random() * 899_999));
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (six.charAt(i) - '0') * (7 - i);
        }
        return six + sum % 10;
    }

    private static Map<String, Object> identifier(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    @Test
    void an_equal_identifier_matches_at_one_whatever_the_name_and_the_receipt_keeps_it() {
        String spaced = "IMO " + IMO.substring(0, 3) + " " + IMO.substring(3);
        var answer = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Completely Other Name", "identifiers", List.of(identifier("imo", spaced))))
                .post("/api/v1/screenings").then().statusCode(200)
                .body("matches", hasSize(1))
                .body("matches[0].entryId", equalTo(id(listed)))
                .body("matches[0].score", equalTo(1.0f))
                .body("matches[0].explanation.identifierMatches[0].listed.type", equalTo("IMO"))
                .body("matches[0].explanation.identifierMatches[0].listed.value", equalTo(IMO))
                .body("matches[0].explanation.summary", containsString("identifier IMO " + IMO))
                .extract();
        given().get("/api/v1/screenings/" + answer.path("screeningId")).then().statusCode(200)
                .body("query.identifiers[0].type", equalTo("imo"))
                .body("query.identifiers[0].value", equalTo(spaced))
                .body("matches[0].explanation.identifierMatches[0].listed.value", equalTo(IMO));
    }

    @Test
    void an_identifier_matches_under_any_name_and_country_scoped_ones_need_agreeing_countries() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Unrelated", "identifiers", List.of(Map.of("type", "REGISTRATION",
                        "value", "rg " + IMO, "country", "pa"))))
                .post("/api/v1/screenings").then().statusCode(200)
                .body("matches[0].entryId", equalTo(id(listed)))
                .body("matches[0].matchedName", equalTo(VESSEL_NAME));
        given().contentType(ContentType.JSON).body(Map.of("name", "Unrelated", "identifiers",
                        List.of(Map.of("type", "REGISTRATION", "value", "RG" + IMO, "country", "LR"))))
                .post("/api/v1/screenings").then().statusCode(200).body("matches", hasSize(0));
    }

    @Test
    void a_contradicting_identifier_lowers_a_name_match_and_says_why() {
        String other = IMO.startsWith("9") ? "1000007" : "9074729"; // both valid; never this run's number
        given().contentType(ContentType.JSON)
                .body(Map.of("name", VESSEL_NAME, "threshold", 0.5, "identifiers", List.of(identifier("IMO", other))))
                .post("/api/v1/screenings").then().statusCode(200)
                .body("matches[0].entryId", equalTo(id(listed)))
                .body("matches[0].score", equalTo(0.85f))
                .body("matches[0].explanation.adjustments.signal", hasItem("identifier"));
    }

    @Test
    void a_bad_identifier_is_refused_naming_the_field_at_fault() {
        refused(Map.of("name", "X", "identifiers", List.of(identifier("IMO", "9074728"))), "identifiers[0].value",
                "check digit");
        refused(Map.of("name", "X", "identifiers", List.of(identifier("IMO", "9074729"), identifier("Website", "a.b"))),
                "identifiers[1].type", "");
        refused(Map.of("name", "X", "identifiers", List.of(Map.of("type", "PASSPORT", "value", "AB1",
                "country", "Russia"))), "identifiers[0].country", "");
        refused(Map.of("name", "X", "identifiers", List.of(identifier("BIC", "DEUT1EFF"))), "identifiers[0].value",
                "BIC");
        // the name stays required with identifiers: answers and receipts echo it (the public contract)
        refused(Map.of("identifiers", List.of(identifier("IMO", IMO))), "name", "blank");
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("name", "A"), Map.of("name", "B", "identifiers", List.of(identifier("MMSI", "1")))))
                .post("/api/v1/screenings/batch").then().statusCode(400)
                .body("errors.field", hasItem("[1].identifiers[0].value"));
    }

    @Test
    void a_csv_batch_carries_identifiers_in_one_column() throws Exception {
        String csv = "name,identifiers,reference\n"
                + "Unrelated,IMO:" + IMO + ";PASSPORT:AB123/RU,by-imo\n"
                + "Nobody,IMO:9074728,bad-imo\n"
                + "Nobody,IMO,no-value\n";
        String body = given().contentType("text/csv").body(csv).post("/api/v1/screenings/batch")
                .then().statusCode(200).extract().asString();
        String[] lines = body.split("\n");
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals(id(listed), first.get("result").get("matches").get(0).get("entryId").asText(), body);
        assertEquals("RU", first.get("result").get("query").get("identifiers").get(1).get("country").asText());
        assertEquals("identifiers[0].value", JSON.readTree(lines[1]).get("errors").get(0).get("field").asText());
        assertEquals("identifiers", JSON.readTree(lines[2]).get("errors").get(0).get("field").asText());
    }

    private static void refused(Map<String, Object> body, String field, String detail) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/screenings").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(detail));
    }
}
