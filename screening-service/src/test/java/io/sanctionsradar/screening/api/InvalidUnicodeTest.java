package io.sanctionsradar.screening.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Text that is not valid Unicode is refused, naming where it is, not stored with a "?" or a U+FFFD in its place
 * (issue #24 item 12): unpaired surrogates in JSON, malformed UTF-8 in CSV uploads.
 */
@QuarkusTest
class InvalidUnicodeTest {

    @Test
    void a_monitored_party_with_an_unpaired_surrogate_is_refused_naming_the_field() {
        given().queryParam("portfolio", "unicode").contentType(ContentType.JSON).body("{\"name\": \"\\ud800x\"}")
                .when().put("/api/v1/monitored-parties/u-1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().queryParam("portfolio", "unicode").get("/api/v1/monitored-parties/u-1").then().statusCode(404);
    }

    @Test
    void a_screening_batch_names_the_query_at_fault() {
        given().contentType(ContentType.JSON).body("[{\"name\": \"Fine Name\"}, {\"name\": \"x\\udc00\"}]")
                .when().post("/api/v1/screenings/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].name"));
    }

    @Test
    void a_csv_book_with_malformed_utf8_is_refused_naming_the_line() {
        byte[] book = csv("partyId,name\nc-1,Fine Name\nc-2,Bad ", new byte[] {(byte) 0xC3, '(' }, " Name\n");
        given().queryParam("portfolio", "unicode").contentType("text/csv").body(book)
                .when().post("/api/v1/monitored-parties/bulk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[line 3]"));
        given().queryParam("portfolio", "unicode").get("/api/v1/monitored-parties/c-1").then().statusCode(404);
    }

    @Test
    void a_csv_screening_batch_with_malformed_utf8_is_refused_naming_the_line() {
        // an encoded surrogate (CESU-8), which is not UTF-8, on the fourth line
        byte[] batch = csv("name\nFirst Name\nSecond Name\nThird ", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "\nFourth Name\n");
        given().contentType("text/csv").body(batch).when().post("/api/v1/screenings/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[line 4]"));
        byte[] header = csv("na", new byte[] {(byte) 0xFF}, "me\nFirst Name\n");
        given().contentType("text/csv").body(header).when().post("/api/v1/screenings/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[line 1]"));
    }

    private static byte[] csv(String before, byte[] malformed, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(malformed);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
