package io.sanctionsradar.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.EventSchemas;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The webhook figures by subscription, read from the registry after real attempts against a real receiver: each
 * attempt's time, each failure with its reason, and the deliveries waiting in the queue.
 */
@QuarkusTest
class DeliveryMetricsTest {

    private static final String DESIGNATIONS = "sanctions.designations";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    private KafkaTestClient kafka;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private String subscription;

    @BeforeEach
    void subscribe() {
        kafka = new KafkaTestClient(bootstrapServers);
        kafka.createCompactedTopic(DESIGNATIONS, 3);
        subscription = given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("sanctions.entity.listed"), "filter", Map.of()))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath().getString("id");
    }

    @AfterEach
    void cleanUp() {
        given().delete("/api/v1/subscriptions/" + subscription);
        receiver.close();
        kafka.close();
    }

    @Test
    void every_attempt_is_timed_and_a_failed_one_counted_with_its_reason() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() == 1 ? new WebhookReceiver.Answer(503, null)
                : WebhookReceiver.Answer.ok());
        String designationId = publishListing();

        await().atMost(WAIT).until(() -> receiver.about(designationId).size() == 2);
        await().atMost(WAIT).until(() -> attempts() == 2);
        assertEquals(1, failures("http_5xx"));
        assertNull(registry.find(DeliveryMetrics.FAILURES).tags("subscription", subscription, "reason", "connection")
                .counter(), "no other failure");
    }

    @Test
    void deliveries_wait_in_the_queue_while_the_receiver_is_down_and_leave_it_once_it_is_back() {
        receiver.stop();
        String designationId = publishListing();

        await().atMost(WAIT).until(() -> pending() >= 1);
        await().atMost(WAIT).until(() -> failures("connection") >= 1);
        receiver.restart();
        await().atMost(WAIT).until(() -> receiver.about(designationId).size() == 1);
        await().atMost(WAIT).until(() -> pending() == 0);
    }

    @Test
    void failure_reasons_are_a_short_fixed_list() {
        assertEquals("gone", DeliveryMetrics.reason(new Outcome(410, 5, "HTTP 410", Optional.empty())));
        assertEquals("http_4xx", DeliveryMetrics.reason(new Outcome(429, 5, "HTTP 429", Optional.empty())));
        assertEquals("http_3xx", DeliveryMetrics.reason(new Outcome(302, 5, "HTTP 302", Optional.empty())));
        assertEquals("timeout", DeliveryMetrics.reason(new Outcome(null, 3000, "timed out after 3000 ms",
                Optional.empty())));
        assertEquals("address_refused", DeliveryMetrics.reason(new Outcome(null, 1,
                "refused: 10.0.0.1 is a private address", Optional.empty())));
        assertEquals("connection", DeliveryMetrics.reason(new Outcome(null, 1, "Connection refused",
                Optional.empty())));
    }

    private long attempts() {
        var timer = registry.find(DeliveryMetrics.DURATION).tag("subscription", subscription).timer();
        return timer == null ? 0 : timer.count();
    }

    private double failures(String reason) {
        var counter = registry.find(DeliveryMetrics.FAILURES).tags("subscription", subscription, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double pending() {
        return registry.get("webhook.deliveries.pending").gauge().value();
    }

    private String publishListing() {
        String designationId = UUID.randomUUID().toString();
        String data = EventSchemas.valid("sanctions.entity.listed", """
                {"designationId": "%s", "kind": "DESIGNATION", "version": 1, "status": "ACTIVE", "authority": "US-OFAC",
                 "programs": ["RUSSIA-EO14024"], "listedOn": "2026-11-20", "sourceList": "TEST",
                 "measures": [{"type": "ASSET_FREEZE"}],
                 "subject": {"type": "ORGANIZATION", "name": "Metrics Trading LLC", "nationalities": ["RU"]},
                 "recordedAt": "2026-11-23T10:00:00Z"}""".formatted(designationId));
        kafka.send(DESIGNATIONS, designationId, data, Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "sanctions.entity.listed",
                "ce_source", "urn:sanctions-radar:designation-service", "ce_specversion", "1.0",
                "ce_subject", designationId, "ce_time", "2026-11-23T10:00:00Z", "content-type", "application/json"));
        return designationId;
    }
}
