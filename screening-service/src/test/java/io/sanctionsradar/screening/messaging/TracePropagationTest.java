package io.sanctionsradar.screening.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.screening.TestEvents;
import io.sanctionsradar.screening.monitoring.AlertEvents;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.sanctionsradar.infra.testing.KafkaTestClient.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A designation event's trace goes on through the watchlist and the alert outbox to the alert event. */
@QuarkusTest
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void the_alert_a_designation_event_raises_is_published_in_the_trace_of_that_event() {
        String portfolio = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Oskar Valentinovich Draganescu " + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).queryParam("portfolio", portfolio)
                .body(Map.of("name", name, "type", "PERSON"))
                .put("/api/v1/monitored-parties/p-1").then().statusCode(201);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String sentBy = HexFormat.of().formatHex(randomBytes(8));
        ObjectNode listed = TestEvents.designation(name.toUpperCase());

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.createCompactedTopic(TestEvents.TOPIC, 3);
            TestEvents.publishListed(kafka, listed, "00-" + traceId + "-" + sentBy + "-01");
            String key = portfolio + "/p-1";
            List<ConsumerRecord<String, String>> alerts = kafka.readUntil("screening.alerts",
                    r -> key.equals(r.key()) && AlertEvents.FOUND.equals(header(r, "ce_type")), WAIT);
            String traceparent = header(alerts.get(alerts.size() - 1), "traceparent");

            assertNotNull(traceparent, "the alert event has no traceparent header");
            assertEquals(traceId, traceparent.split("-")[1], "the alert event is in the designation's trace");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            SpanData processing = trace.stream()
                    .filter(span -> span.getName().equals("sanctions.designations process")).findFirst()
                    .orElseThrow(() -> new AssertionError("no processing span in trace " + traceId));
            assertEquals(SpanKind.CONSUMER, processing.getKind());
            assertEquals(sentBy, processing.getParentSpanId(), "a child of the span that sent the event");
            assertTrue(trace.stream().anyMatch(span -> span.getKind() == SpanKind.PRODUCER
                    && span.getName().equals("screening.alerts publish")
                    && span.getParentSpanId().equals(processing.getSpanId())), "the alert published under it");
        });
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
