package io.sanctionsradar.screening.screenings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.screening.TestEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.screening.TestEvents.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ScreeningApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static final String LISTED_NAME = "Quorvath Delmarine Shipping " + UUID.randomUUID().toString().substring(0, 6);
    private static ObjectNode listed;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach // not @BeforeAll: RestAssured knows the application's port only per test
    void aDesignationIsOnTheWatchlist() {
        if (listed == null) {
            listed = TestEvents.listOrganization(bootstrapServers, LISTED_NAME);
        }
    }

    @Test
    void every_screening_is_kept_as_a_receipt_with_its_watchlist_version_and_algorithm() {
        var answer = given().contentType(ContentType.JSON).body(Map.of("name", LISTED_NAME))
                .post("/api/v1/screenings").then().statusCode(200)
                .header("Location", containsString("/api/v1/screenings/"))
                .body("watchlistVersion", notNullValue())
                .body("algorithm", notNullValue())
                .body("matches[0].entryId", equalTo(id(listed)))
                .extract();
        String screeningId = answer.path("screeningId");

        given().get("/api/v1/screenings/" + screeningId).then().statusCode(200)
                .body("screeningId", equalTo(screeningId))
                .body("watchlistVersion", equalTo(answer.path("watchlistVersion")))
                .body("algorithm", equalTo(answer.path("algorithm")))
                .body("query.name", equalTo(LISTED_NAME))
                .body("matches[0].entryId", equalTo(id(listed)))
                .body("matches[0].score", equalTo(1.0f));
        given().get("/api/v1/screenings/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/screenings/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void hostile_bodies_are_refused_as_problems_and_store_nothing() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000); // past Jackson's nesting limit of 1,000
        given().contentType(ContentType.JSON).body("{\"name\": " + deep + "}").post("/api/v1/screenings")
                .then().statusCode(400).contentType("application/problem+json");
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        given().contentType(ContentType.JSON).body(invalidUtf8).post("/api/v1/screenings")
                .then().statusCode(400).contentType("application/problem+json");
        String portfolio = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        // over api.max-json-body-size (16M): refused from its Content-Length, before it is read
        String huge = "[{\"partyId\": \"p-1\", \"name\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}]";
        given().contentType(ContentType.JSON).queryParam("portfolio", portfolio).body(huge)
                .post("/api/v1/monitored-parties/bulk").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
        given().queryParam("portfolio", portfolio).get("/api/v1/monitored-parties").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void bad_queries_are_refused_with_the_field_at_fault() {
        refused(Map.of("name", ""), "name");
        refused(Map.of("name", "x".repeat(513)), "name");
        refused(Map.of("name", "Ivan\u0000Petrov"), "name");
        refused(Map.of("name", "Ivan\nPetrov"), "name");
        refused(Map.of("name", "Ivan Petrov", "birthDate", "1970-13-01"), "birthDate");
        refused(Map.of("name", "Ivan Petrov", "birthDate", "01.02.1970"), "birthDate");
        refused(Map.of("name", "Ivan Petrov", "country", "XX"), "country");
        refused(Map.of("name", "Ivan Petrov", "threshold", 1.5), "threshold");
        refused(Map.of("name", "Ivan Petrov", "limit", 0), "limit");
        refused(Map.of("name", "Ivan Petrov", "type", "SPACESHIP"), "type");
        given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/screenings").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("").post("/api/v1/screenings").then()
                .statusCode(400).contentType("application/problem+json");
        // a name of 512 characters in another script is fine
        given().contentType(ContentType.JSON).body(Map.of("name", "Ж".repeat(512))).post("/api/v1/screenings")
                .then().statusCode(200);
    }

    @Test
    void a_json_batch_is_screened_against_one_watchlist_version_and_kept_as_a_batch_receipt() {
        List<Map<String, Object>> queries = List.of(Map.of("name", LISTED_NAME), Map.of("name", "Nobody Atall Here"),
                Map.of("name", LISTED_NAME, "type", "PERSON"));
        var batch = given().contentType(ContentType.JSON).body(queries).post("/api/v1/screenings/batch")
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("matched", equalTo(1))
                .body("results", hasSize(3))
                .body("results[0].matches[0].entryId", equalTo(id(listed)))
                .body("results[1].matches", hasSize(0))
                .body("results[2].matches", hasSize(0))
                .extract();
        String batchId = batch.path("batchId");
        assertEquals((String) batch.path("watchlistVersion"), batch.path("results[0].watchlistVersion"));

        given().get("/api/v1/screenings/batches/" + batchId).then().statusCode(200)
                .body("batch.queryCount", equalTo(3))
                .body("batch.matchedCount", equalTo(1))
                .body("results", hasSize(3))
                .body("results[0].query.name", equalTo(LISTED_NAME))
                .body("results[1].query.name", equalTo("Nobody Atall Here"));
        String second = batch.path("results[1].screeningId");
        given().get("/api/v1/screenings/" + second).then().statusCode(200).body("batchId", equalTo(batchId));
    }

    @Test
    void a_json_batch_with_an_invalid_query_screens_nothing_and_names_the_item() {
        List<Map<String, Object>> queries = List.of(Map.of("name", "Fine Name"), Map.of("name", " "));
        given().contentType(ContentType.JSON).body(queries).post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[1].name"));
        given().contentType(ContentType.JSON).body(List.of()).post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = new ArrayList<>(Collections.nCopies(ScreeningService.MAX_BATCH + 1,
                Map.of("name", "A")));
        given().contentType(ContentType.JSON).body(tooMany).post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("CSV"));
    }

    @Test
    void a_csv_file_is_answered_line_by_line_with_bad_records_named_and_a_summary() throws Exception {
        String csv = "Name,Type,Country,Reference\n"
                + "\"" + LISTED_NAME + "\",ORGANIZATION,,cust-1\n"
                + "Nobody Atall Here,PERSON,de,cust-2\n"
                + "Someone,SPACESHIP,,cust-3\n"
                + ",PERSON,,cust-4\n";
        String body = given().contentType("text/csv").body(csv).post("/api/v1/screenings/batch")
                .then().statusCode(200).contentType(containsString("application/x-ndjson"))
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(5, lines.size(), body);
        assertEquals(2, lines.get(0).get("line").asInt());
        assertEquals("cust-1", lines.get(0).get("reference").asText());
        assertEquals(id(listed), lines.get(0).get("result").get("matches").get(0).get("entryId").asText());
        assertEquals(0, lines.get(1).get("result").get("matches").size());
        assertNull(lines.get(2).get("result"));
        assertEquals("type", lines.get(2).get("errors").get(0).get("field").asText());
        assertEquals(5, lines.get(3).get("line").asInt());
        assertEquals("name", lines.get(3).get("errors").get(0).get("field").asText());
        JsonNode summary = lines.get(4).get("summary");
        assertEquals(2, summary.get("count").asInt());
        assertEquals(1, summary.get("matched").asInt());
        assertEquals(2, summary.get("rejected").asInt());
        assertTrue(summary.get("complete").asBoolean());
        given().get("/api/v1/screenings/batches/" + summary.get("batchId").asText()).then().statusCode(200)
                .body("batch.source", equalTo("csv")).body("results", hasSize(2));
    }

    @Test
    void the_options_of_a_csv_batch_apply_to_records_that_do_not_set_them() throws Exception {
        String csv = "name,type\n\"" + LISTED_NAME + "\",\n\"" + LISTED_NAME + "\",ORGANIZATION\n";
        String body = given().contentType("text/csv").queryParam("type", "PERSON").body(csv)
                .post("/api/v1/screenings/batch").then().statusCode(200).extract().asString();
        String[] lines = body.split("\n");
        // the listing is an organization: the batch's type keeps it out unless the record names its own type
        assertEquals(0, JSON.readTree(lines[0]).get("result").get("matches").size(), body);
        assertEquals(id(listed), JSON.readTree(lines[1]).get("result").get("matches").get(0).get("entryId").asText());
    }

    @Test
    void a_csv_file_with_an_unknown_column_or_a_bad_option_is_refused_before_anything_is_screened() {
        given().contentType("text/csv").body("nom,pays\nJean,FR\n").post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("header"));
        given().contentType("text/csv").queryParam("threshold", 2).body("name\nJean\n")
                .post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("threshold"));
    }

    @Test
    void a_csv_file_with_an_unterminated_quote_is_refused_whole_naming_the_line() {
        given().contentType("text/csv").body("name\nGood Name\n\"unclosed quote\nNext Name\n")
                .post("/api/v1/screenings/batch").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[line 3]"));
    }

    @Test
    void a_client_that_sends_the_whole_csv_file_before_reading_gets_every_answer() throws Exception {
        int rows = 100_000;
        StringBuilder csv = new StringBuilder("name,type,country,reference\n");
        for (int i = 0; i < rows; i++) { // every other row a hit: answers much longer than the rows, as in real books
            csv.append(i % 2 == 0 ? "\"" + LISTED_NAME + "\"" : "Customer " + i + " Trading")
                    .append(",ORGANIZATION,DE,").append(String.format("customer-reference-%07d", i)).append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            // a stalled exchange fails here; leaving the block closes the socket, which frees the blocked thread
            List<String> answer = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> writeAllThenRead(socket, body),
                    "the answer stalled while the client was still sending the file");
            System.out.printf("CSV batch of %,d rows, sent whole before reading: %d ms%n", rows,
                    (System.nanoTime() - started) / 1_000_000);
            assertEquals("HTTP/1.1 200 OK", answer.get(0));
            JsonNode summary = JSON.readTree(answer.get(answer.size() - 1)).get("summary");
            assertEquals(rows, summary.get("count").asInt(), summary.toString());
            assertEquals(rows + 1, answer.size() - answer.indexOf("") - 1, "a line per row and the summary");
        }
    }

    /** What Python's http.client does: the request whole, then the answer (status, headers, "", NDJSON lines). */
    private static List<String> writeAllThenRead(Socket socket, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/screenings/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + TestTokens.everything() + "\r\nContent-Type: text/csv\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        byte[] answer = socket.getInputStream().readAllBytes(); // Connection: close ends it
        String text = new String(answer, StandardCharsets.ISO_8859_1); // byte for byte, to find the chunk sizes
        int headEnd = text.indexOf("\r\n\r\n");
        List<String> lines = new ArrayList<>(List.of(text.substring(0, headEnd).split("\r\n")));
        lines.add("");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int at = headEnd + 4;
        for (int size; (size = Integer.parseInt(text.substring(at, text.indexOf("\r\n", at)), 16)) > 0; ) {
            at = text.indexOf("\r\n", at) + 2; // chunked transfer encoding: a hexadecimal size, the bytes, CRLF
            content.write(answer, at, size);
            at += size + 2;
        }
        lines.addAll(List.of(content.toString(StandardCharsets.UTF_8).split("\n")));
        return lines;
    }

    private static void refused(Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/screenings").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
