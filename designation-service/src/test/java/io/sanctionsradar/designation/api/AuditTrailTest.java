package io.sanctionsradar.designation.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.infra.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditTrailTest {

    private static final Path OFAC_FIXTURE = Path.of("src/test/resources/lists/ofac-sdn");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void every_change_through_the_api_is_recorded_with_who_made_it_newest_first() {
        String analyst = analyst("analyst.kim");
        Map<String, Object> draft = Drafts.wangJunzheng();
        draft.put("sourceId", "AUDIT-" + UUID.randomUUID());
        String id = given().header("Authorization", analyst).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/designations").then().statusCode(201).extract().path("designationId");
        draft.put("legalBasis", "amended for the audit test");
        given().header("Authorization", analyst).contentType(ContentType.JSON).body(draft)
                .when().put("/api/v1/designations/" + id).then().statusCode(200);
        given().header("Authorization", analyst).contentType(ContentType.JSON)
                .body(Map.of("reason", "court ruling"))
                .when().post("/api/v1/designations/" + id + "/delisting").then().statusCode(200);

        audit(Map.of("target", "designation/" + id))
                .body("items", hasSize(3))
                .body("items.action", contains("designation.delisted", "designation.amended", "designation.recorded"))
                .body("items.actor", everyItem(equalTo("analyst.kim")))
                .body("items.roles", everyItem(contains("analyst")))
                .body("items.detail.version", contains(3, 2, 1))
                .body("items[0].detail.reason", equalTo("court ruling"))
                .body("items[2].detail.authority", equalTo(draft.get("authority")))
                .body("items[0].at", notNullValue())
                .body("nextBefore", nullValue());
        // the designation's own history names the same person
        given().when().get("/api/v1/designations/" + id + "/history")
                .then().body("changedBy", everyItem(equalTo("analyst.kim")));
    }

    @Test
    void an_import_is_recorded_once_as_a_whole_with_its_counts() throws IOException {
        String importer = "importer-" + UUID.randomUUID();
        var request = given().header("Authorization", analyst(importer))
                .multiPart("format", "ofac-sdn-csv").multiPart("force", "true");
        for (String file : List.of("sdn.csv", "alt.csv", "add.csv")) {
            request = request.multiPart("file", file, Files.readAllBytes(OFAC_FIXTURE.resolve(file)));
        }
        var report = request.when().post("/api/v1/imports").then().statusCode(200).extract();

        audit(Map.of("actor", importer))
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("list.imported"))
                .body("items[0].target", equalTo("list/US-OFAC-SDN"))
                .body("items[0].detail.format", equalTo("ofac-sdn-csv"))
                .body("items[0].detail.files", contains("add.csv", "alt.csv", "sdn.csv"))
                .body("items[0].detail.forced", equalTo(true))
                .body("items[0].detail.listed", equalTo(report.<Integer>path("listed")))
                .body("items[0].detail.unchanged", equalTo(report.<Integer>path("unchanged")));
    }

    @Test
    void reference_data_changes_are_recorded() {
        String code = "AUD-" + (System.nanoTime() % 100_000);
        given().header("Authorization", analyst("analyst.ref")).contentType(ContentType.JSON)
                .body(Map.of("name", "Audit Test Authority", "country", "GB"))
                .when().put("/api/v1/authorities/" + code).then().statusCode(200);

        audit(Map.of("target", "authority/" + code))
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("authority.saved"))
                .body("items[0].actor", equalTo("analyst.ref"))
                .body("items[0].detail.name", equalTo("Audit Test Authority"));
    }

    @Test
    void the_trail_filters_by_action_prefix_and_pages_newest_first() {
        String actor = "pager-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> draft = Drafts.wangJunzheng();
            draft.put("sourceId", "PAGE-" + UUID.randomUUID());
            given().header("Authorization", analyst(actor)).contentType(ContentType.JSON).body(draft)
                    .when().post("/api/v1/designations").then().statusCode(201);
        }
        int next = audit(Map.of("actor", actor, "action", "designation.", "limit", 2))
                .body("items", hasSize(2)).body("nextBefore", notNullValue())
                .extract().path("nextBefore");
        audit(Map.of("actor", actor, "before", next, "limit", 2))
                .body("items", hasSize(1)).body("items[0].action", startsWith("designation."))
                .body("nextBefore", nullValue());
        audit(Map.of("actor", actor, "action", "designation")).body("items", hasSize(0));
        audit(Map.of("actor", actor, "until", "2000-01-01T00:00:00Z")).body("items", hasSize(0));
    }

    @Test
    void a_bad_query_names_the_field() {
        given().queryParam("since", "yesterday").when().get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("since"));
        given().queryParam("limit", 0).when().get("/api/v1/audit").then().statusCode(400);
    }

    @Test
    void only_an_auditor_reads_the_trail_and_nobody_edits_it_through_the_api() {
        given().header("Authorization", analyst("analyst.curious")).when().get("/api/v1/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("actor", "someone-else"))
                .when().post("/api/v1/audit").then().statusCode(405);
        given().when().delete("/api/v1/audit").then().statusCode(405);
    }

    @Test
    void the_table_itself_refuses_updates_deletes_and_truncation() throws SQLException {
        given().header("Authorization", analyst("analyst.db")).contentType(ContentType.JSON)
                .body(Map.of("name", "Append Only", "country", "FR"))
                .when().put("/api/v1/authorities/APPEND-ONLY").then().statusCode(200);
        for (String sql : List.of("UPDATE audit_record SET actor = 'someone-else'", "DELETE FROM audit_record",
                "TRUNCATE audit_record")) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        audit(Map.of("actor", "analyst.db")).body("items[0].target", equalTo("authority/APPEND-ONLY"));
    }

    private static String analyst(String name) {
        return TestTokens.bearer(name, List.of("analyst"), List.of());
    }

    private static ValidatableResponse audit(Map<String, ?> query) {
        return given().header("Authorization", TestTokens.bearer("auditor.ana", List.of("auditor"), List.of()))
                .queryParams(query).when().get("/api/v1/audit").then().statusCode(200);
    }
}
