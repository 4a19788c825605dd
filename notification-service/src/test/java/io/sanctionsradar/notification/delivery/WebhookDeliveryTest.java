package io.sanctionsradar.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sanctionsradar.infra.testing.EventSchemas;
import io.sanctionsradar.infra.testing.KafkaTestClient;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events on the real broker to a real HTTP receiver, through the queue in the real database. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String DESIGNATIONS = "sanctions.designations";
    private static final String ALERTS = "screening.alerts";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InMemorySpanExporter spans;

    private KafkaTestClient kafka;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void topicsExist() {
        kafka = new KafkaTestClient(bootstrapServers);
        kafka.createCompactedTopic(DESIGNATIONS, 3);
        kafka.createCompactedTopic(ALERTS, 3);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> given().delete("/api/v1/subscriptions/" + id));
        receiver.close();
        kafka.close();
    }

    @Test
    void a_designation_event_arrives_as_a_signed_structured_cloud_event() throws Exception {
        JsonPath subscription = subscribe(receiver, List.of("sanctions.entity.listed"), Map.of());
        String designationId = UUID.randomUUID().toString();
        String eventId = publishDesignation(designationId, "sanctions.entity.listed", "US-OFAC", "RU");

        WebhookReceiver.Received webhook = awaitOne(receiver, designationId);
        assertTrue(webhook.signedWith(subscription.getString("secret")), "a valid Standard Webhooks signature");
        long timestamp = Long.parseLong(webhook.header("webhook-timestamp"));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - timestamp) < 60, "timestamp is now: " + timestamp);
        JsonNode event = JSON.readTree(webhook.body());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(eventId, event.path("id").asText());
        assertEquals("sanctions.entity.listed", event.path("type").asText());
        assertEquals("urn:sanctions-radar:designation-service", event.path("source").asText());
        assertEquals(designationId, event.path("subject").asText());
        assertEquals("2026-11-23T10:00:00Z", event.path("time").asText());
        assertEquals("application/json", event.path("datacontenttype").asText());
        assertEquals(designationId, event.path("data").path("designationId").asText());
        assertEquals("US-OFAC", event.path("data").path("authority").asText());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/deliveries/" + webhook.webhookId()).then().statusCode(200)
                        .body("status", equalTo("DELIVERED"))
                        .body("eventId", equalTo(eventId))
                        .body("attempts", equalTo(1))
                        .body("attemptLog[0].statusCode", equalTo(200)));
    }

    @Test
    void only_subscriptions_whose_types_and_filters_match_receive_an_event() {
        WebhookReceiver ofac = new WebhookReceiver();
        WebhookReceiver eu = new WebhookReceiver();
        WebhookReceiver delistings = new WebhookReceiver();
        try (ofac; eu; delistings) {
            subscribe(ofac, List.of("sanctions.entity.listed"), Map.of("authorities", List.of("US-OFAC"),
                    "countries", List.of("RU", "BY")));
            subscribe(eu, List.of("sanctions.entity.listed"), Map.of("authorities", List.of("EU-COUNCIL")));
            subscribe(delistings, List.of("sanctions.entity.delisted"), Map.of());
            String designationId = UUID.randomUUID().toString();
            publishDesignation(designationId, "sanctions.entity.listed", "US-OFAC", "BY");
            String witness = UUID.randomUUID().toString();
            publishDesignation(witness, "sanctions.entity.listed", "EU-COUNCIL", "BY");

            awaitOne(ofac, designationId);
            awaitOne(eu, witness);
            assertEquals(0, eu.about(designationId).size());
            assertEquals(0, ofac.about(witness).size());
            assertEquals(0, delistings.received().size());
        }
    }

    @Test
    void an_analysts_link_reaches_the_subscribers_of_its_type_only() throws Exception {
        WebhookReceiver unlinks = new WebhookReceiver();
        try (unlinks) {
            subscribe(receiver, List.of("sanctions.subject.linked"), Map.of());
            subscribe(unlinks, List.of("sanctions.subject.unlinked"), Map.of());
            List<String> pair = new ArrayList<>(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
            pair.sort(null);
            String key = pair.get(0) + "+" + pair.get(1);
            String data = EventSchemas.valid("sanctions.subject.linked", """
                    {"designationIds": ["%s", "%s"], "relation": "SAME_SUBJECT", "comment": "same passport",
                     "decidedAt": "2026-11-23T10:00:00Z", "version": 1}""".formatted(pair.get(0), pair.get(1)));
            kafka.send(DESIGNATIONS, key, data, Map.of(
                    "ce_id", UUID.randomUUID().toString(), "ce_type", "sanctions.subject.linked",
                    "ce_source", "urn:sanctions-radar:designation-service", "ce_specversion", "1.0",
                    "ce_subject", key, "ce_time", "2026-11-23T10:00:00Z", "content-type", "application/json"));
            String witness = UUID.randomUUID().toString();
            subscribe(unlinks, List.of("sanctions.entity.listed"), Map.of());
            publishDesignation(witness, "sanctions.entity.listed", "US-OFAC", "RU");

            JsonNode event = JSON.readTree(awaitOne(receiver, key).body());
            assertEquals("sanctions.subject.linked", event.path("type").asText());
            assertEquals(key, event.path("subject").asText());
            assertEquals(pair.get(1), event.path("data").path("designationIds").get(1).asText());
            awaitOne(unlinks, witness);
            assertEquals(0, unlinks.about(key).size());
        }
    }

    @Test
    void a_redelivered_event_is_sent_once() {
        String subscription = subscribe(receiver, List.of("sanctions.entity.listed", "sanctions.entity.amended"),
                Map.of()).getString("id");
        String designationId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishDesignation(designationId, eventId, "sanctions.entity.listed", "US-OFAC", "RU");
        publishDesignation(designationId, eventId, "sanctions.entity.listed", "US-OFAC", "RU");
        String witness = publishDesignation(designationId, "sanctions.entity.amended", "US-OFAC", "RU");

        // the witness proves both copies were consumed (same key, same partition), not that a second one was sent
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.about(witness).size() == 1);
        awaitQuiescence(subscription);
        assertEquals(1, receiver.about(eventId).size());
    }

    @Test
    void retry_after_is_honoured_and_the_retry_keeps_its_webhook_id() {
        JsonPath subscription = subscribe(receiver, List.of("sanctions.entity.listed"), Map.of());
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() == 1 ? new WebhookReceiver.Answer(503, "2")
                : WebhookReceiver.Answer.ok());
        String designationId = UUID.randomUUID().toString();
        publishDesignation(designationId, "sanctions.entity.listed", "US-OFAC", "RU");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.about(designationId).size() == 2);
        List<WebhookReceiver.Received> both = receiver.about(designationId);
        assertEquals(both.get(0).webhookId(), both.get(1).webhookId());
        long gapMs = (both.get(1).receivedAtNanos() - both.get(0).receivedAtNanos()) / 1_000_000;
        assertTrue(gapMs >= 1_900, "waited the 2 s asked for, not the 200 ms schedule: " + gapMs + " ms");
        assertTrue(both.get(1).signedWith(subscription.getString("secret")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/deliveries/" + both.get(0).webhookId()).then()
                        .body("status", equalTo("DELIVERED"))
                        .body("attemptLog.statusCode", equalTo(List.of(503, 200))));
    }

    @Test
    void gone_disables_the_subscription_and_it_receives_nothing_more() {
        String id = subscribe(receiver, List.of("sanctions.entity.listed"), Map.of()).getString("id");
        receiver.answer(r -> new WebhookReceiver.Answer(410, null));
        String first = UUID.randomUUID().toString();
        publishDesignation(first, "sanctions.entity.listed", "US-OFAC", "RU");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/subscriptions/" + id).then()
                .body("enabled", equalTo(false)));
        given().get("/api/v1/subscriptions/" + id).then().body("disabledReason",
                org.hamcrest.Matchers.containsString("410"));
        given().get("/api/v1/subscriptions/" + id + "/deliveries").then()
                .body("items[0].status", equalTo("DEAD"))
                .body("items[0].attempts", equalTo(1));

        receiver.answer(r -> WebhookReceiver.Answer.ok());
        String second = UUID.randomUUID().toString();
        publishDesignation(second, "sanctions.entity.listed", "US-OFAC", "RU");
        WebhookReceiver witnessReceiver = new WebhookReceiver();
        try (witnessReceiver) {
            subscribe(witnessReceiver, List.of("sanctions.entity.listed"), Map.of());
            String witness = UUID.randomUUID().toString();
            publishDesignation(witness, "sanctions.entity.listed", "US-OFAC", "RU");
            awaitOne(witnessReceiver, witness);
        }
        assertEquals(1, receiver.about(first).size());
        assertEquals(0, receiver.about(second).size());
    }

    @Test
    void exhausted_retries_leave_a_dead_delivery_that_a_manual_retry_sends() {
        subscribe(receiver, List.of("sanctions.entity.listed"), Map.of());
        receiver.answer(r -> new WebhookReceiver.Answer(500, null));
        String designationId = UUID.randomUUID().toString();
        publishDesignation(designationId, "sanctions.entity.listed", "US-OFAC", "RU");

        // the test schedule: 5 retries after the first attempt
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.about(designationId).size() == 6);
        String webhookId = receiver.about(designationId).get(0).webhookId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/deliveries/" + webhookId)
                .then().body("status", equalTo("DEAD")).body("attempts", equalTo(6)));

        receiver.answer(r -> WebhookReceiver.Answer.ok());
        given().post("/api/v1/deliveries/" + webhookId + "/retry").then().statusCode(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/deliveries/" + webhookId)
                .then().body("status", equalTo("DELIVERED")).body("attempts", equalTo(7)));
        assertEquals(Set.of(webhookId), new HashSet<>(receiver.about(designationId).stream()
                .map(WebhookReceiver.Received::webhookId).toList()));
        given().post("/api/v1/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(404);
    }

    @Test
    void a_receiver_that_was_down_gets_every_event_once() {
        String subscription = subscribe(receiver, List.of("sanctions.entity.listed"), Map.of()).getString("id");
        receiver.stop();
        List<String> designations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            designations.add(id);
            publishDesignation(id, "sanctions.entity.listed", "US-OFAC", "RU");
        }
        sleep(Duration.ofSeconds(2)); // refused connections meanwhile, each retried on the schedule
        receiver.restart();

        await().atMost(Duration.ofSeconds(30)).until(() ->
                designations.stream().allMatch(d -> !receiver.about(d).isEmpty()));
        awaitQuiescence(subscription);
        Set<String> webhookIds = new HashSet<>();
        for (String designation : designations) {
            List<WebhookReceiver.Received> got = receiver.about(designation);
            assertEquals(1, got.size(), "received once: " + designation);
            webhookIds.add(got.get(0).webhookId());
        }
        assertEquals(20, webhookIds.size());
    }

    @Test
    void alerts_are_filtered_by_portfolio_and_a_clearing_follows_its_alert() {
        WebhookReceiver retail = new WebhookReceiver();
        try (retail) {
            subscribe(receiver, List.of("screening.match.found", "screening.match.cleared", "screening.match.amended"),
                    Map.of("portfolios", List.of("corporate"), "authorities", List.of("US-BIS")));
            subscribe(retail, List.of("screening.match.found", "screening.match.cleared"),
                    Map.of("portfolios", List.of("retail")));
            String alertId = UUID.randomUUID().toString();
            publishAlert(alertId, "screening.match.found", found(alertId, "corporate", "c-1", "US-BIS"));
            publishAlert(alertId, "screening.match.amended", amended(alertId, "corporate", "c-1", "US-BIS"));
            publishAlert(alertId, "screening.match.amended", amended(alertId, "corporate", "c-1", "UK-OFSI"));
            publishAlert(alertId, "screening.match.cleared", cleared(alertId, "corporate", "c-1"));
            String witness = UUID.randomUUID().toString();
            publishAlert(witness, "screening.match.found", found(witness, "retail", "r-1", "US-OFAC"));

            awaitOne(retail, witness);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.about(alertId).size() == 3);
            // both arrive, in either order: deliveries are sent in parallel, and webhooks promise no order
            List<String> bodies = receiver.about(alertId).stream().map(WebhookReceiver.Received::body).toList();
            assertTrue(bodies.stream().anyMatch(b -> b.contains("\"type\":\"screening.match.found\"")), bodies::toString);
            assertTrue(bodies.stream().anyMatch(b -> b.contains("\"type\":\"screening.match.cleared\"")),
                    "the clearing passes the authority filter with its alert's authority");
            assertEquals(1, bodies.stream().filter(b -> b.contains("\"type\":\"screening.match.amended\"")).count(),
                    "an amendment passes the authority filter by its own listing's authority: " + bodies);
            assertEquals(0, retail.about(alertId).size());
            assertEquals(0, receiver.about(witness).size());
        }
    }

    @Test
    void an_alert_event_in_a_trace_is_delivered_in_that_trace() {
        subscribe(receiver, List.of("screening.match.found"), Map.of("portfolios", List.of("traced")));
        String alertId = UUID.randomUUID().toString();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String sentBy = HexFormat.of().formatHex(randomBytes(8));

        publishAlert(alertId, "screening.match.found", found(alertId, "traced", "t-1", "US-BIS"),
                Map.of("traceparent", "00-" + traceId + "-" + sentBy + "-01"));

        String traceparent = awaitOne(receiver, alertId).header("traceparent");
        assertNotNull(traceparent, "the webhook request has no traceparent header");
        assertEquals(traceId, traceparent.split("-")[1], "the webhook is sent in the alert event's trace");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            SpanData processing = trace.stream().filter(span -> span.getName().equals("screening.alerts process"))
                    .findFirst().orElseThrow(() -> new AssertionError("no processing span in trace " + traceId));
            assertEquals(sentBy, processing.getParentSpanId(), "a child of the span that sent the event");
            SpanData post = trace.stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst()
                    .orElseThrow(() -> new AssertionError("no webhook span in trace " + traceId));
            assertEquals("webhook POST", post.getName());
            assertEquals(processing.getSpanId(), post.getParentSpanId(), "sent under the event's processing");
            assertEquals(post.getSpanId(), traceparent.split("-")[2], "the header names the webhook span");
        });
    }

    private JsonPath subscribe(WebhookReceiver to, List<String> eventTypes, Map<String, Object> filter) {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("url", to.url(), "eventTypes", eventTypes, "filter", filter))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return created;
    }

    private String publishDesignation(String designationId, String type, String authority, String country) {
        return publishDesignation(designationId, UUID.randomUUID().toString(), type, authority, country);
    }

    private String publishDesignation(String designationId, String eventId, String type, String authority,
                                      String country) {
        // an amendment is a later version; each event is checked against its published schema before it is sent
        String data = EventSchemas.valid(type, """
                {"designationId": "%s", "kind": "DESIGNATION", "version": %d, "status": "ACTIVE", "authority": "%s",
                 "programs": ["RUSSIA-EO14024"], "listedOn": "2026-11-20", "sourceList": "TEST",
                 "measures": [{"type": "ASSET_FREEZE"}],
                 "subject": {"type": "ORGANIZATION", "name": "Test Trading LLC", "nationalities": ["%s"]},
                 "recordedAt": "2026-11-23T10:00:00Z"}""".formatted(designationId,
                type.equals("sanctions.entity.amended") ? 2 : 1, authority, country));
        kafka.send(DESIGNATIONS, designationId, data, Map.of(
                "ce_id", eventId, "ce_type", type, "ce_source", "urn:sanctions-radar:designation-service",
                "ce_specversion", "1.0", "ce_subject", designationId, "ce_time", "2026-11-23T10:00:00Z",
                "content-type", "application/json"));
        return eventId;
    }

    private void publishAlert(String alertId, String type, String data) {
        publishAlert(alertId, type, data, Map.of());
    }

    private void publishAlert(String alertId, String type, String data, Map<String, String> moreHeaders) {
        Map<String, String> headers = new HashMap<>(Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "urn:sanctions-radar:screening-service", "ce_specversion", "1.0", "ce_subject", alertId,
                "ce_time", "2026-11-23T10:00:00Z", "content-type", "application/json"));
        headers.putAll(moreHeaders);
        kafka.send(ALERTS, "portfolio/party", EventSchemas.valid(type, data), headers);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A hit of an organization in China on an entry of this authority, as screening-service publishes it. */
    private static String found(String alertId, String portfolio, String partyId, String authority) {
        String entryId = UUID.randomUUID().toString();
        return """
                {"alertId": "%s", "portfolio": "%s",
                 "party": {"partyId": "%s", "name": "Acme Trading", "type": "ORGANIZATION", "country": "CN",
                  "version": 1},
                 "match": {"entryId": "%s", "entryVersion": 1, "source": "TEST", "name": "ACME TRADING",
                  "matchedName": "ACME TRADING", "score": 0.97, "subjectType": "ORGANIZATION", "authority": "%s",
                  "programs": ["ENTITY-LIST"], "measures": [{"type": "EXPORT_LICENSE_REQUIRED"}], "status": "ACTIVE",
                  "explanation": {"summary": "exact match on the listed name"}},
                 "trigger": %s, "watchlistVersion": "3f9a0c1e", "algorithm": "test", "threshold": 0.85,
                 "foundAt": "2026-11-23T10:00:00Z"}""".formatted(alertId, portfolio, partyId, entryId, authority,
                trigger(entryId));
    }

    /** A further listing of the alert's subject, of this authority, added to the alert's evidence. */
    private static String amended(String alertId, String portfolio, String partyId, String authority) {
        JsonPath found = JsonPath.from(found(alertId, portfolio, partyId, authority));
        return """
                {"alertId": "%s", "portfolio": "%s", "partyId": "%s", "subjectId": "s-1", "change": "LISTING_ADDED",
                 "party": %s, "match": %s, "trigger": %s, "watchlistVersion": "3f9a0c1f", "threshold": 0.85,
                 "amendedAt": "2026-11-23T11:00:00Z"}""".formatted(alertId, portfolio, partyId,
                json(found.getMap("party")), json(found.getMap("match")), trigger(found.getString("match.entryId")));
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clearing of an alert by the delisting of its entry; it names no authority of its own. */
    private static String cleared(String alertId, String portfolio, String partyId) {
        String entryId = UUID.randomUUID().toString();
        return """
                {"alertId": "%s", "portfolio": "%s", "partyId": "%s", "partyVersion": 1, "entryId": "%s",
                 "entryVersion": 1, "reason": "DELISTED", "trigger": %s, "foundAt": "2026-11-23T10:00:00Z",
                 "clearedAt": "2026-11-24T10:00:00Z"}""".formatted(alertId, portfolio, partyId, entryId,
                trigger(entryId));
    }

    private static String trigger(String entryId) {
        return """
                {"kind": "WATCHLIST_CHANGE", "eventId": "%s", "eventType": "sanctions.entity.listed",
                 "designationId": "%s", "designationVersion": 1}""".formatted(UUID.randomUUID(), entryId);
    }

    /**
     * Until none of the subscription's deliveries is waiting or in flight (a claimed delivery stays PENDING until
     * its attempt is recorded, after the receiver answered): any second copy has reached the receiver by then.
     */
    private static void awaitQuiescence(String subscriptionId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/subscriptions/" + subscriptionId + "/deliveries?status=PENDING").then()
                        .statusCode(200).body("items", org.hamcrest.Matchers.empty()));
    }

    private static WebhookReceiver.Received awaitOne(WebhookReceiver receiver, String about) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.about(about).isEmpty());
        return receiver.about(about).get(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
