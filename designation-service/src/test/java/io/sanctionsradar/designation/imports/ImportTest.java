package io.sanctionsradar.designation.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.designation.messaging.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
    void an_upload_answers_the_import_it_recorded_in_the_history() {
        JsonPath answer = importFiles(true, FIXTURE.resolve("sdn.csv"), FIXTURE.resolve("alt.csv"))
                .statusCode(200).body("source", equalTo("US-OFAC-SDN")).extract().jsonPath();
        String importId = answer.getString("importId");
        assertNotNull(importId);

        given().queryParam("list", "US-OFAC-SDN").get("/api/v1/imports").then().statusCode(200)
                .body("items[0].importId", equalTo(importId))
                .body("items[0].trigger", equalTo("UPLOAD"));
        given().get("/api/v1/imports/" + importId).then().statusCode(200)
                .body("importId", equalTo(importId))
                .body("outcome", equalTo("IMPORTED"))
                .body("files", contains("alt.csv", "sdn.csv"))
                .body("report.listed", equalTo(answer.getInt("listed")))
                .body("report.amended", equalTo(answer.getInt("amended")))
                .body("report.delisted", equalTo(answer.getInt("delisted")))
                .body("report.unchanged", equalTo(answer.getInt("unchanged")));
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
        importsWholePublishedFile("un-xml", "un-2026-02", "consolidated.xml", "UN-SC-CONSOLIDATED", 1003);
    }

    @Test
    void the_whole_2018_uk_consolidated_list_imports_one_designation_per_group_id() {
        importsWholePublishedFile("uk-ofsi-csv", "uk-ofsi-2018", "ConList.csv", "UK-OFSI-CONSOLIDATED", 2106);
    }

    @Test
    void the_2025_uk_list_uploaded_as_xlsx_continues_the_2018_csv_import_of_the_same_list() throws IOException {
        Path csv2018 = HISTORY.getParent().resolve("uk-ofsi-2018").resolve("ConList.csv");
        Path xlsx = HISTORY.getParent().resolve("uk-ofsi-2025-04").resolve("ConList_2022format_2025-04-14.xlsx");
        assumeTrue(Files.exists(csv2018) && Files.exists(xlsx), "needs the shared data folder beside the repository");
        Set<String> in2018 = sourceIds(new UkOfsiCsv().parse(Map.of("conlist.csv", csv2018)));
        Set<String> in2025 = sourceIds(new UkOfsi2022().parse(Map.of("conlist.xlsx", xlsx)));
        Set<String> inBoth = new HashSet<>(in2018);
        inBoth.retainAll(in2025);
        emptyTheUkList(); // the whole-2018-file test imports the same list: start from none, in either test order
        try {
            upload("uk-ofsi-csv", "ConList.csv", csv2018).statusCode(200).body("listed", equalTo(in2018.size()));

            ValidatableResponse report = upload("uk-ofsi-2022", "ConList_2022format_2025-04-14.xlsx", xlsx)
                    .statusCode(200).body("source", equalTo("UK-OFSI-CONSOLIDATED")).body("rejected", hasSize(0))
                    .body("listed", equalTo(in2025.size() - inBoth.size()))
                    .body("delisted", equalTo(in2018.size() - inBoth.size()));
            assertEquals(inBoth.size(), report.extract().<Integer>path("amended")
                    + report.extract().<Integer>path("unchanged"), "a party on both lists is the same designation");
            given().queryParam("sourceList", "UK-OFSI-CONSOLIDATED").queryParam("sourceId", "14078")
                    .when().get("/api/v1/designations")
                    .then().body("items[0].subject.name", equalTo("ZHU, HAILUN"))
                    .body("items[0].programs[0]", equalTo("UK-GLOBAL-HUMAN-RIGHTS"))
                    .body("items[0].listedOn", equalTo("2021-03-22"));
        } finally {
            emptyTheUkList();
        }
    }

    @Test
    void the_whole_2025_ofac_non_sdn_list_imports_from_its_xml() {
        importsWholePublishedFile("ofac-xml", "ofac-consolidated-2025", "consolidated.xml", "US-OFAC-CONSOLIDATED", 443);
    }

    @Test
    void the_2016_eu_financial_sanctions_file_imports_whole() {
        importsWholePublishedFile("eu-fsf-xml", "eu-fsf-2016", "data.xml", "EU-FSF", 595);
    }

    @Test
    void the_whole_2025_canadian_list_imports_with_its_xinjiang_listings_of_21_march_2021() {
        importsWholePublishedFile("ca-sema-xml", "ca-sema-2025-09", "sema-lmes.xml", "CA-SEMA", 5090);

        given().queryParam("sourceList", "CA-SEMA").queryParam("sourceId", "CN/1/1")
                .when().get("/api/v1/designations")
                .then().body("items[0].subject.name", equalTo("Zhu, Hailun"))
                .body("items[0].authority", equalTo("CA-GAC"))
                .body("items[0].programs[0]", equalTo("CA-SEMA-CN"))
                .body("items[0].listedOn", equalTo("2021-03-21"));
    }

    @Test
    void the_whole_australian_list_uploaded_as_xlsx_imports_one_designation_per_base_reference() {
        Path xlsx = HISTORY.getParent().resolve("au-dfat-2024-12").resolve("regulation8_consolidated_2024-12.xlsx");
        assumeTrue(Files.exists(xlsx), "needs the shared data folder beside the repository");

        upload("au-dfat-xlsx", "regulation8_consolidated.xlsx", xlsx).statusCode(200)
                .body("source", equalTo("AU-DFAT-CONSOLIDATED")).body("rejected", hasSize(0))
                .body("listed", equalTo(3062));
        given().queryParam("sourceList", "AU-DFAT-CONSOLIDATED").queryParam("sourceId", "7566")
                .when().get("/api/v1/designations")
                .then().body("items[0].subject.name", equalTo("Andrei Removich BELOUSOV"))
                .body("items[0].authority", equalTo("AU-DFAT"))
                .body("items[0].programs[0]", equalTo("AU-AUTONOMOUS-RUSSIA"))
                .body("items[0].listedOn", equalTo("2023-07-20"))
                .body("items[0].measures.type",
                        equalTo(List.of("ASSET_FREEZE", "FINANCIAL_DEALINGS_BAN", "ENTRY_BAN")));
        upload("au-dfat-xlsx", "regulation8_consolidated.xlsx", xlsx).statusCode(200)
                .body("unchanged", equalTo(3062)).body("listed", equalTo(0)).body("amended", equalTo(0));
    }

    @Test
    void chinas_countermeasures_import_linked_to_the_eu_listings_they_answer_and_keep_an_analysts_correction() {
        Path file = HISTORY.getParent().resolve("cn-countermeasures-opensanctions")
                .resolve("cn_sanctions_opensanctions_2026-08-07.csv");
        assumeTrue(Files.exists(file), "needs the shared data folder beside the repository");
        // the EU's Xinjiang listings of 22 March 2021, a Russian listed the same day, a Chinese one a week later
        String zhu = recordEuListing("ZHU Hailun", "2021-03-22", "CN");
        String wang = recordEuListing("WANG Junzheng", "2021-03-23", "CN");
        String russian = recordEuListing("KADYROV Ramzan", "2021-03-22", "RU");
        String later = recordEuListing("LATER Listing", "2021-03-30", "CN");

        given().multiPart("format", "cn-countermeasures-csv").multiPart("force", "true")
                .multiPart("file", file.getFileName().toString(), readAll(file))
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("source", equalTo("CN-COUNTERMEASURES"))
                .body("listed", equalTo(528)).body("rejected", hasSize(82));

        String zenz = given().queryParam("kind", "COUNTERMEASURE").queryParam("sourceList", "CN-COUNTERMEASURES")
                .queryParam("sourceId", "MFA/CM/2021-03-22/adrian-zenz").when().get("/api/v1/designations")
                .then().body("items", hasSize(1))
                .body("items[0].kind", equalTo("COUNTERMEASURE"))
                .body("items[0].authority", equalTo("CN-MFA"))
                .body("items[0].respondsTo[0].authority", equalTo("EU-COUNCIL"))
                .body("items[0].respondsTo[0].actionDate", equalTo("2021-03-22"))
                .body("items[0].respondsTo.designationId", hasItems(zhu, wang))
                .body("items[0].respondsTo.designationId", not(hasItem(russian)))
                .body("items[0].respondsTo.designationId", not(hasItem(later)))
                .extract().path("items[0].designationId");
        given().queryParam("sourceList", "CN-COUNTERMEASURES")
                .queryParam("sourceId", "TAO/TI/2023-04-07/bi-khim-hsiao").when().get("/api/v1/designations")
                .then().body("items[0].kind", equalTo("DESIGNATION")).body("items[0].authority", equalTo("CN-TAO"));

        // an analyst drops one link; the next import of the same file keeps the correction
        Map<String, Object> draft = new HashMap<>(given().when().get("/api/v1/designations/" + zenz).then()
                .extract().jsonPath().getMap("$"));
        List.of("designationId", "kind", "version", "status", "delistedOn", "delistingReason", "recordedAt")
                .forEach(draft::remove);
        draft.put("respondsTo", ((List<?>) draft.get("respondsTo")).stream()
                .filter(a -> !wang.equals(((Map<?, ?>) a).get("designationId"))).toList());
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(draft)
                .when().put("/api/v1/designations/" + zenz).then().statusCode(200).body("version", equalTo(2));
        given().multiPart("format", "cn-countermeasures-csv")
                .multiPart("file", file.getFileName().toString(), readAll(file))
                .when().post("/api/v1/imports").then().statusCode(200)
                .body("listed", equalTo(0)).body("amended", equalTo(0)).body("unchanged", equalTo(528));
        given().when().get("/api/v1/designations/" + zenz).then().body("version", equalTo(2))
                .body("respondsTo.designationId", hasItem(zhu))
                .body("respondsTo.designationId", not(hasItem(wang)));
    }

    /** Records a designation of the EU's Global Human Rights regime as an analyst would; returns its id. */
    private static String recordEuListing(String name, String listedOn, String nationality) {
        Map<String, Object> draft = Map.of("authority", "EU-COUNCIL", "programs", List.of("EU-GHRSR"),
                "listedOn", listedOn, "sourceList", "EU-FSF", "sourceId", "test-" + UUID.randomUUID(),
                "measures", List.of(Map.of("type", "ASSET_FREEZE")),
                "subject", Map.of("type", "PERSON", "name", name, "nationalities", List.of(nationality)));
        return given().contentType(ContentType.JSON).body(draft).when().post("/api/v1/designations")
                .then().statusCode(201).extract().path("designationId");
    }

    @Test
    void an_entry_repeating_a_list_id_or_lacking_one_is_rejected_and_the_others_import() {
        // ids the real UN file does not use: the whole-list test above lists its 1003 entries in either test order
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST><INDIVIDUALS>
                  <INDIVIDUAL><DATAID>9900001</DATAID><FIRST_NAME>FIRST</FIRST_NAME><SECOND_NAME>OF TWO</SECOND_NAME>
                    <UN_LIST_TYPE>DRC</UN_LIST_TYPE><LISTED_ON>2020-01-02</LISTED_ON></INDIVIDUAL>
                  <INDIVIDUAL><DATAID>9900001</DATAID><FIRST_NAME>SECOND</FIRST_NAME><SECOND_NAME>OF TWO</SECOND_NAME>
                    <UN_LIST_TYPE>DRC</UN_LIST_TYPE><LISTED_ON>2020-01-02</LISTED_ON></INDIVIDUAL>
                  <INDIVIDUAL><DATAID>9900002</DATAID><FIRST_NAME>ANOTHER</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME>
                    <UN_LIST_TYPE>DRC</UN_LIST_TYPE><LISTED_ON>2020-01-02</LISTED_ON></INDIVIDUAL>
                </INDIVIDUALS><ENTITIES>
                  <ENTITY><FIRST_NAME>NO ID TRADING</FIRST_NAME><UN_LIST_TYPE>DRC</UN_LIST_TYPE></ENTITY>
                </ENTITIES></CONSOLIDATED_LIST>
                """;

        given().multiPart("format", "un-xml").multiPart("force", "true")
                .multiPart("file", "consolidated.xml", xml.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("listed", equalTo(2))
                .body("rejected", hasSize(2))
                .body("rejected[0].sourceId", equalTo("9900001"))
                .body("rejected[0].reason", containsString("id 9900001 appears twice in the file"))
                .body("rejected[1].reason", containsString("no id"));
        given().queryParam("sourceList", "UN-SC-CONSOLIDATED").queryParam("sourceId", "9900001")
                .when().get("/api/v1/designations")
                .then().body("items", hasSize(1)).body("items[0].subject.name", equalTo("FIRST OF TWO"));
        given().queryParam("sourceList", "UN-SC-CONSOLIDATED").queryParam("sourceId", "9900002")
                .when().get("/api/v1/designations")
                .then().body("items[0].subject.name", equalTo("ANOTHER PERSON"));
    }

    /** Imports a real published file from the shared data folder whole: no rejection, every entry listed. */
    private static void importsWholePublishedFile(String format, String folder, String fileName, String source,
                                                  int listed) {
        Path file = HISTORY.getParent().resolve(folder).resolve(fileName);
        assumeTrue(Files.exists(file), "needs the shared data folder beside the repository");

        given().multiPart("format", format).multiPart("force", "true")
                .multiPart("file", fileName, readAll(file))
                .when().post("/api/v1/imports")
                .then().statusCode(200)
                .body("source", equalTo(source))
                .body("rejected", hasSize(0))
                .body("listed", equalTo(listed));
    }

    /** An upload of one file, forced: these files change far more of the list than an update would. */
    private static ValidatableResponse upload(String format, String fileName, Path file) {
        return given().multiPart("format", format).multiPart("force", "true")
                .multiPart("file", fileName, readAll(file), "application/octet-stream")
                .when().post("/api/v1/imports").then();
    }

    /** Delists every active entry of the UK list, with a file of the 2022 format that has a header and no row. */
    private static void emptyTheUkList() {
        String header = String.join(",", UkOfsi2022.REQUIRED);
        given().multiPart("format", "uk-ofsi-2022").multiPart("force", "true")
                .multiPart("file", "ConList.csv",
                        ("Last Updated,14/04/2025\n" + header + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(200).body("listed", equalTo(0));
    }

    private static Set<String> sourceIds(ParsedList parsed) {
        return parsed.entries().stream().map(e -> e.draft().sourceId()).collect(Collectors.toSet());
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
