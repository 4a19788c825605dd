package io.sanctionsradar.designation.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.designation.messaging.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** POST /api/v1/imports: a list file becomes listings, amendments and delistings, all or nothing. */
@QuarkusTest
class ImportTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/ofac-sdn");
    private static final Path HISTORY = Path.of(System.getProperty("sanctions.data.dir",
            "../../shared/data"), "lists", "ofac-sdn-history");

    @Test
    void importing_the_same_file_again_changes_nothing_and_emits_no_event(@TempDir Path dir) throws IOException {
        importFiles(true, FIXTURE.resolve("sdn.csv"), FIXTURE.resolve("alt.csv"), FIXTURE.resolve("add.csv"))
                .statusCode(200).body("source", equalTo("US-OFAC-SDN"));
        long events = outboxEvents();

        importFiles(false, FIXTURE.resolve("sdn.csv"), FIXTURE.resolve("alt.csv"), FIXTURE.resolve("add.csv"))
                .statusCode(200)
                .body("listed", equalTo(0)).body("amended", equalTo(0)).body("delisted", equalTo(0))
                .body("unchanged", equalTo(35)).body("rejected", hasSize(0));
        assertEquals(events, outboxEvents());
        given().queryParam("sourceList", "US-OFAC-SDN").queryParam("sourceId", "31492")
                .when().get("/api/v1/designations")
                .then().body("items[0].subject.name", equalTo("WANG, Junzheng"))
                .body("items[0].measures[0].type", equalTo("ASSET_FREEZE"));
    }

    @Test
    void a_consolidated_screening_list_imports_every_list_it_consolidates() {
        Path csl = Path.of("src/test/resources/lists/us-csl/consolidated.csv");
        given().multiPart("format", "us-csl-csv").multiPart("force", "true")
                .multiPart("file", "consolidated.csv", readAll(csl))
                .when().post("/api/v1/imports").then().statusCode(200).body("source", equalTo("US-CSL"));

        given().queryParam("sourceList", "US-CSL").queryParam("sourceId", "f095626c9f8becc70b5948507fb6de6e443b257a")
                .when().get("/api/v1/designations")
                .then().body("items[0].authority", equalTo("US-BIS"))
                .body("items[0].programs[0]", equalTo("ENTITY-LIST"))
                .body("items[0].measures[0].type", equalTo("EXPORT_LICENSE_REQUIRED"))
                .body("items[0].listedOn", equalTo("2019-10-09"));
        given().multiPart("format", "us-csl-csv").multiPart("file", "consolidated.csv", readAll(csl))
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("unchanged", equalTo(43)).body("listed", equalTo(0)).body("amended", equalTo(0));
    }

    @Test
    void a_truncated_file_is_refused_unless_forced(@TempDir Path dir) throws IOException {
        importFiles(true, FIXTURE.resolve("sdn.csv")).statusCode(200);
        Path truncated = dir.resolve("sdn.csv");
        List<String> lines = Files.readAllLines(FIXTURE.resolve("sdn.csv"));
        Files.write(truncated, lines.subList(0, 10));
        long events = outboxEvents();

        importFiles(false, truncated).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("would delist 25 of the 35"));
        assertEquals(events, outboxEvents(), "a refused import changes nothing");

        importFiles(true, truncated).statusCode(200).body("delisted", equalTo(25)).body("unchanged", equalTo(10));
    }

    @Test
    void a_file_of_the_wrong_format_is_refused_whole_with_the_line_at_fault(@TempDir Path dir) throws IOException {
        Path wrong = dir.resolve("sdn.csv");
        Files.writeString(wrong, "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                + "this line,is not,an sdn row\n");
        long events = outboxEvents();

        importFiles(false, wrong).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("line 2"));
        assertEquals(events, outboxEvents());
    }

    @Test
    void an_unknown_format_is_refused_naming_the_known_ones() {
        given().multiPart("format", "pdf-scan").multiPart("file", FIXTURE.resolve("sdn.csv").toFile())
                .when().post("/api/v1/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("ofac-sdn-csv"));
    }

    @Test
    void the_spring_2022_sdn_snapshots_import_as_the_real_list_changes() {
        Path first = HISTORY.resolve("sdn-2022-02-17.csv");
        assumeTrue(Files.exists(first), "needs the shared data folder beside the repository: " + HISTORY.toAbsolutePath());
        importSnapshot("sdn-2022-02-17.csv", true).statusCode(200);

        importSnapshot("sdn-2022-02-28.csv", false).statusCode(200)
                .body("listed", equalTo(166)).body("amended", equalTo(8)).body("delisted", equalTo(0));
        importSnapshot("sdn-2022-03-25.csv", false).statusCode(200)
                .body("listed", equalTo(588)).body("amended", equalTo(26)).body("delisted", equalTo(1));
    }

    @Test
    void the_whole_un_consolidated_list_imports_without_a_rejection() {
        Path un = HISTORY.getParent().resolve("un-2026-02").resolve("consolidated.xml");
        assumeTrue(Files.exists(un), "needs the shared data folder beside the repository");

        given().multiPart("format", "un-xml").multiPart("force", "true")
                .multiPart("file", "consolidated.xml", readAll(un))
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("source", equalTo("UN-SC-CONSOLIDATED"))
                .body("rejected", hasSize(0))
                .body("listed", equalTo(1003));
    }

    @Test
    void the_whole_2018_uk_consolidated_list_imports_one_designation_per_group_id() {
        Path uk = HISTORY.getParent().resolve("uk-ofsi-2018").resolve("ConList.csv");
        assumeTrue(Files.exists(uk), "needs the shared data folder beside the repository");

        given().multiPart("format", "uk-ofsi-csv").multiPart("force", "true")
                .multiPart("file", "ConList.csv", readAll(uk))
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("source", equalTo("UK-OFSI-CONSOLIDATED"))
                .body("rejected", hasSize(0))
                .body("listed", equalTo(2106));
    }

    @Test
    void the_whole_2025_ofac_non_sdn_list_imports_from_its_xml() {
        Path xml = HISTORY.getParent().resolve("ofac-consolidated-2025").resolve("consolidated.xml");
        assumeTrue(Files.exists(xml), "needs the shared data folder beside the repository");

        given().multiPart("format", "ofac-xml").multiPart("force", "true")
                .multiPart("file", "consolidated.xml", readAll(xml))
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("source", equalTo("US-OFAC-CONSOLIDATED"))
                .body("rejected", hasSize(0))
                .body("listed", equalTo(443));
    }

    @Test
    void the_2016_eu_financial_sanctions_file_imports_whole() {
        Path eu = HISTORY.getParent().resolve("eu-fsf-2016").resolve("data.xml");
        assumeTrue(Files.exists(eu), "needs the shared data folder beside the repository");

        given().multiPart("format", "eu-fsf-xml").multiPart("force", "true")
                .multiPart("file", "data.xml", readAll(eu))
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("source", equalTo("EU-FSF"))
                .body("rejected", hasSize(0))
                .body("listed", equalTo(595));
    }

    private static ValidatableResponse importSnapshot(String name, boolean force) {
        return given().multiPart("format", "ofac-sdn-csv").multiPart("force", Boolean.toString(force))
                .multiPart("file", "sdn.csv", readAll(HISTORY.resolve(name)))
                .when().post("/api/v1/imports").then();
    }

    private static ValidatableResponse importFiles(boolean force, Path... files) {
        var request = given().multiPart("format", "ofac-sdn-csv").multiPart("force", Boolean.toString(force));
        for (Path file : files) {
            File f = file.toFile();
            request = request.multiPart("file", f.getName(), readAll(file));
        }
        return request.when().post("/api/v1/imports").then();
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long outboxEvents() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }
}
