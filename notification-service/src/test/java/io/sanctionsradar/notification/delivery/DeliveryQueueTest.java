package io.sanctionsradar.notification.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import io.sanctionsradar.notification.events.ReceivedEvent;
import io.sanctionsradar.notification.events.ReceivedEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims that keep two workers (or a worker that died mid-send) from recording one attempt twice. */
@QuarkusTest
class DeliveryQueueTest {

    @Inject
    DeliveryStore deliveries;

    @Inject
    ReceivedEvents events;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private String subscriptionId;

    @AfterEach
    void cleanUp() {
        given().delete("/api/v1/subscriptions/" + subscriptionId);
        receiver.close();
    }

    @Test
    void only_the_holder_of_a_live_claim_records_the_attempt_and_no_one_retries_it_meanwhile() {
        UUID subscription = disabledSubscription();
        UUID holder = UUID.randomUUID();
        Delivery.Claimed claim = claimedDelivery(subscription, holder, Duration.ofMinutes(10));

        given().post("/api/v1/deliveries/" + claim.id() + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        Delivery.Claimed stranger = new Delivery.Claimed(claim.id(), subscription, UUID.randomUUID(), 0, claim.url(),
                claim.body(), claim.secrets(), claim.traceparent());
        Outcome ok = new Outcome(200, 5, null, Optional.empty());
        assertFalse(record(stranger, ok), "a worker whose claim is not the live one writes nothing");
        assertTrue(record(claim, ok));
        assertFalse(record(claim, ok), "a claim is used up by its attempt");

        given().get("/api/v1/deliveries/" + claim.id()).then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("attempts", equalTo(1))
                .body("attemptLog.size()", equalTo(1));
    }

    @Test
    void a_claim_that_ran_out_mid_send_is_taken_over_and_sent_with_the_same_webhook_id() throws Exception {
        UUID subscription = disabledSubscription();
        Delivery.Claimed crashed = claimedDelivery(subscription, UUID.randomUUID(), Duration.ofMillis(1));
        Thread.sleep(20);

        given().post("/api/v1/deliveries/" + crashed.id() + "/retry").then().statusCode(202);
        given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("sanctions.entity.listed"), "enabled", true))
                .put("/api/v1/subscriptions/" + subscription).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
        assertEquals(crashed.id().toString(), receiver.received().get(0).webhookId());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/v1/deliveries/" + crashed.id())
                .then().body("status", equalTo("DELIVERED")));
        assertFalse(record(crashed, new Outcome(500, 5, "HTTP 500", Optional.empty())),
                "the worker that lost its claim cannot overwrite the outcome");
    }

    private UUID disabledSubscription() {
        subscriptionId = given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("sanctions.entity.listed"), "enabled", false))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        return UUID.fromString(subscriptionId);
    }

    private Delivery.Claimed claimedDelivery(UUID subscription, UUID token, Duration claimFor) {
        String eventId = UUID.randomUUID().toString();
        ReceivedEvent event = ReceivedEvent.local(eventId, "sanctions.entity.listed", "urn:test", "d-1",
                Instant.now().toString(), JsonNodeFactory.instance.objectNode().put("designationId", "d-1"));
        return QuarkusTransaction.requiringNew().call(() -> {
            events.firstTime(event);
            deliveries.insertClaimed(subscription, eventId, event.type(), token, claimFor);
            return deliveries.claimedOne(token);
        });
    }

    private boolean record(Delivery.Claimed claim, Outcome outcome) {
        return QuarkusTransaction.requiringNew().call(() -> deliveries.record(claim, Instant.now(), outcome,
                Optional.empty()));
    }
}
