package io.sanctionsradar.designation.sources;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sanctionsradar.designation.imports.UsCslCsv;
import io.sanctionsradar.infra.testing.EventSchemas;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list source synced from a publisher on loopback, against the real database and broker: the first sync
 * imports, an unchanged list costs a 304 and nothing else, a changed one gives its exact diff, and a truncated
 * file, a server error or a redirect off the allow-list keep the last good list serving and say why.
 */
@QuarkusTest
@QuarkusTestResource(value = ListServer.class, restrictToAnnotatedClass = true)
class ListSyncTest {

    private static final Path FIXTURE = Path.of("src/test/resources/lists/us-csl/consolidated.csv");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ListSchedule schedule;

    @Inject
    MeterRegistry registry;

    @Test
    void a_list_source_syncs_its_changes_and_keeps_the_last_good_list_through_failures() throws IOException {
        String csv = Files.readString(FIXTURE);
        int entries = new UsCslCsv().parse(Map.of("consolidated.csv", FIXTURE)).entries().size();
        ListServer.publish(csv.getBytes(StandardCharsets.UTF_8));

        JsonPath first = sync("IMPORTED");
        assertEquals(entries, first.getInt("report.listed") + first.getInt("report.amended")
                + first.getInt("report.unchanged"));
        assertEquals(sha256(csv), first.getString("contentHash"));
        JsonPath source = source();
        assertEquals(entries, source.getInt("activeEntries"));
        assertFalse(source.getBoolean("stale"));
        assertEquals("IMPORTED", source.getString("lastOutcome"));
        String lastSuccess = source.getString("lastSuccessAt");

        int notModified = ListServer.notModified.get();
        sync("UNCHANGED");
        assertEquals(notModified + 1, ListServer.notModified.get(), "asked with the ETag and answered 304");

        // one entry renamed, one gone, one new: exactly that diff
        List<CSVRecord> rows = rows(csv);
        List<List<String>> changed = new ArrayList<>();
        for (int i = 0; i < rows.size() - 1; i++) {
            List<String> row = new ArrayList<>(rows.get(i).toList());
            if (i == 0) {
                row.set(5, row.get(5) + " TRADING");
            }
            changed.add(row);
        }
        List<String> added = new ArrayList<>(rows.get(1).toList());
        added.set(0, "0000000000000000000000000000000000000001");
        added.set(5, "QORVANTH MERIDIAN EXPORTS");
        changed.add(added);
        ListServer.publish(write(rows.get(0).getParser().getHeaderNames(), changed).getBytes(StandardCharsets.UTF_8));
        JsonPath diff = sync("IMPORTED");
        assertEquals(List.of(1, 1, 1), List.of(diff.getInt("report.listed"), diff.getInt("report.amended"),
                diff.getInt("report.delisted")));
        assertEquals(1, assertEvent(diff.getString("importId"), ListEvents.SYNCED).getInt("delisted"));

        // a truncated download is refused whole: the list stays as it was
        ListServer.publish(write(rows.get(0).getParser().getHeaderNames(),
                changed.subList(0, 5)).getBytes(StandardCharsets.UTF_8));
        JsonPath refused = sync("REFUSED");
        assertTrue(refused.getString("error").contains("would delist"), refused.getString("error"));
        assertEquals(entries, source().getInt("activeEntries"));
        assertEquals(entries, registry.get("list.active.entries").tag("list", "US-CSL").gauge().value(), "the gauge");
        double age = registry.get("list.age").tag("list", "US-CSL").gauge().value();
        assertTrue(age >= 0 && age < 120, "the list's age counts from its last good import: " + age);
        assertEquals(1, registry.get("list.syncs").tags("list", "US-CSL", "outcome", "REFUSED", "trigger", "MANUAL")
                .counter().count());
        assertEquals("REFUSED", assertEvent(refused.getString("importId"), ListEvents.SYNC_FAILED).getString("outcome"));

        // a server error, tried twice, and a redirect off the allow-list: failed, the last good list serving
        int requests = ListServer.requests.get();
        ListServer.failWith(503);
        JsonPath failed = sync("FAILED");
        assertTrue(failed.getString("error").contains("503"), failed.getString("error"));
        assertEquals(requests + 2, ListServer.requests.get(), "one retry after a 503");
        ListServer.redirectTo("http://169.254.169.254/latest/meta-data");
        assertTrue(sync("FAILED").getString("error").contains("refused"));
        source = source();
        assertEquals(entries, source.getInt("activeEntries"));
        assertEquals("FAILED", source.getString("lastOutcome"));
        assertNotNull(source.getString("lastError"));
        assertTrue(source.getString("lastSuccessAt").compareTo(lastSuccess) > 0, "the diff import was the last success");

        // the history, newest first; the schedule does not sync a list attempted a moment ago
        long history = given().queryParam("list", "US-CSL").get("/api/v1/imports").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertTrue(history >= 6);
        schedule.tick();
        given().queryParam("list", "US-CSL").get("/api/v1/imports").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo((int) history))
                .body("items[0].outcome", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("items[0].trigger", org.hamcrest.Matchers.equalTo("MANUAL"));
    }

    @Test
    void an_unknown_list_source_is_a_problem() {
        given().post("/api/v1/list-sources/NO-SUCH-LIST/sync").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/list-sources/NO-SUCH-LIST").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The event announcing this import, of this type and valid against its schema. */
    private JsonPath assertEvent(String importId, String type) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> seen = kafka.readUntil("sanctions.designations",
                    r -> "US-CSL".equals(r.key()) && r.value().contains(importId), Duration.ofSeconds(30));
            ConsumerRecord<String, String> event = seen.get(seen.size() - 1);
            assertEquals(type, header(event, "ce_type"));
            assertEquals(List.of(), EventSchemas.violations(type, event.value()));
            return JsonPath.from(event.value());
        }
    }

    private static JsonPath sync(String outcome) {
        return given().post("/api/v1/list-sources/US-CSL/sync").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo(outcome)).extract().jsonPath();
    }

    private static JsonPath source() {
        return given().get("/api/v1/list-sources/US-CSL").then().statusCode(200).extract().jsonPath();
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    private static String write(List<String> header, List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString();
    }

    private static String sha256(String content) {
        return HexFormat.of().formatHex(ListDownloader.sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
