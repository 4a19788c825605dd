package io.sanctionsradar.designation.messaging;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The trace of a POST goes on past the outbox: the event on Kafka names it in its traceparent header. */
@QuarkusTest
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void the_event_of_a_posted_designation_carries_the_trace_of_the_post() {
        String designationId = given().contentType(ContentType.JSON).body(designation())
                .when().post("/api/v1/designations")
                .then().statusCode(201).extract().path("designationId");

        ConsumerRecord<String, String> record = readUntilKey(designationId);
        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "the record has no traceparent header");
        String traceId = traceparent.split("-")[1];

        await().atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            SpanData post = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst()
                    .orElseThrow(() -> new AssertionError("no server span in trace " + traceId));
            assertEquals("POST /api/v1/designations", post.getName());
            SpanData publish = trace.stream().filter(span -> span.getKind() == SpanKind.PRODUCER).findFirst()
                    .orElseThrow(() -> new AssertionError("no publish span in trace " + traceId));
            assertEquals("sanctions.designations publish", publish.getName());
            assertEquals(publish.getSpanId(), traceparent.split("-")[2], "the header names the publish span");
        });
    }

    private ConsumerRecord<String, String> readUntilKey(String key) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.readUntil("sanctions.designations",
                    r -> key.equals(r.key()), WAIT);
            return records.get(records.size() - 1);
        }
    }

    private static Map<String, Object> designation() {
        return Map.of(
                "authority", "US-OFAC",
                "programs", List.of("GLOMAG"),
                "listedOn", "2021-03-22",
                "sourceList", "US-OFAC-SDN",
                "sourceId", "trace-" + UUID.randomUUID(),
                "measures", List.of(Map.of("type", "ASSET_FREEZE")),
                "subject", Map.of("type", "PERSON", "name", "WANG, Junzheng"));
    }
}
