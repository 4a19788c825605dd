package io.sanctionsradar.designation.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The OpenSanctions entity file imported whole, then its real delta applied as a delta: the ids it deletes are
 * delisted, its ADD and MOD entities listed or amended, and every other entry of the list left as it was.
 */
@QuarkusTest
class OpenSanctionsImportTest {

    private static final Path DIR = Path.of(System.getProperty("sanctions.data.dir", "../../shared/data"), "lists",
            "opensanctions-ftm-2024-05");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ADDed by the delta: absent from the earlier file, listed by the delta. */
    private static final String ADDED = "NK-mpPgbiv7TrdJsvPny2hHFY";
    /** MODified by the delta: another caption in the earlier file, amended by the delta. */
    private static final String MODIFIED = "NK-isN8jF8SKo86cNhRGX2AvU";
    private static final String UNTOUCHED = "test-not-in-the-delta";

    @Test
    void the_delta_delists_exactly_the_ids_it_deletes_and_leaves_every_other_entry_alone(@TempDir Path dir)
            throws IOException {
        Path entities = DIR.resolve("entities.ftm.json");
        Path delta = DIR.resolve("entities.delta.json");
        assumeTrue(Files.exists(entities) && Files.exists(delta), "needs the shared data folder beside the repository");
        List<String> deleted = new ArrayList<>();
        for (String line : Files.readAllLines(delta)) {
            if (deleted.size() < 3 && JSON.readTree(line).path("op").asText().equals("DEL")) {
                deleted.add(JSON.readTree(line).path("entity").path("id").asText());
            }
        }
        Path earlier = earlierFile(dir, entities, deleted);

        import_("entities.ftm.json", earlier).body("delisted", equalTo(0)).body("rejected", hasSize(0))
                .body("listed", equalTo(576 - 1 + deleted.size() + 1));
        import_("entities.delta.json", delta).body("rejected", hasSize(0))
                .body("listed", equalTo(1)).body("amended", equalTo(1)).body("delisted", equalTo(deleted.size()))
                .body("unchanged", equalTo(576 - 2));

        for (String id : deleted) {
            entry(id).body("items[0].status", equalTo("DELISTED"))
                    .body("items[0].delistingReason", startsWith("Deleted by a delta of OPENSANCTIONS"));
        }
        entry(UNTOUCHED).body("items[0].status", equalTo("ACTIVE")).body("items[0].version", equalTo(1));
        entry(ADDED).body("items[0].status", equalTo("ACTIVE")).body("items[0].subject.name", equalTo("MOHAMMAD SADIQ"));
        entry(MODIFIED).body("items[0].version", equalTo(2))
                .body("items[0].subject.name", equalTo("Abdul Quddus Mazhari"));
        given().queryParam("sourceList", "OPENSANCTIONS").queryParam("status", "DELISTED").queryParam("size", "1")
                .when().get("/api/v1/designations").then().body("total", equalTo(deleted.size()));
        given().queryParam("sourceList", "OPENSANCTIONS").queryParam("status", "ACTIVE").queryParam("size", "1")
                .when().get("/api/v1/designations").then().body("total", equalTo(576 + 1));
    }

    /**
     * The list as an earlier whole file had it: without the delta's ADDed entity, the MODified one under another
     * caption, the deleted ids as persons (copies of a real one), and one person the delta does not mention.
     */
    private static Path earlierFile(Path dir, Path entities, List<String> deleted) throws IOException {
        List<String> lines = new ArrayList<>();
        String template = null;
        for (String line : Files.readAllLines(entities)) {
            ObjectNode entity = (ObjectNode) JSON.readTree(line);
            String id = entity.path("id").asText();
            if (id.equals(MODIFIED)) {
                template = line;
                entity.put("caption", "ABDUL QUDDUS MAZHARI (earlier)");
            }
            if (!id.equals(ADDED)) {
                lines.add(JSON.writeValueAsString(entity));
            }
        }
        for (String id : deleted) {
            lines.add(JSON.writeValueAsString(((ObjectNode) JSON.readTree(template)).put("id", id)));
        }
        lines.add(JSON.writeValueAsString(((ObjectNode) JSON.readTree(template)).put("id", UNTOUCHED)));
        return Files.write(dir.resolve("entities.ftm.json"), lines);
    }

    private static ValidatableResponse import_(String name, Path file) throws IOException {
        return given().multiPart("format", "opensanctions-ftm")
                .multiPart("file", name, Files.readAllBytes(file), "application/octet-stream")
                .when().post("/api/v1/imports").then().statusCode(200).body("source", equalTo("OPENSANCTIONS"));
    }

    private static ValidatableResponse entry(String id) {
        return given().queryParam("sourceList", "OPENSANCTIONS").queryParam("sourceId", id)
                .when().get("/api/v1/designations").then().body("items", hasSize(1));
    }
}
