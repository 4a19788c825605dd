package io.sanctionsradar.notification.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.sanctionsradar.infra.testing.TestTokens;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SubscriptionApiTest {

    private final WebhookReceiver receiver = new WebhookReceiver();

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @AfterEach
    void cleanUp() {
        // nothing of this test goes on receiving the events of others
        List<String> ids = given().get("/api/v1/subscriptions").then().extract().path("items.id");
        ids.forEach(id -> given().delete("/api/v1/subscriptions/" + id).then().statusCode(204));
        receiver.close();
    }

    static Map<String, Object> subscription(String url, List<String> eventTypes, Map<String, Object> filter) {
        return Map.of("url", url, "eventTypes", eventTypes, "filter", filter, "description", "compliance desk");
    }

    private JsonPath subscribedToListings() {
        return create(subscription(receiver.url(), List.of("sanctions.entity.listed"), Map.of()))
                .statusCode(201).extract().jsonPath();
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/subscriptions").then();
    }

    @Test
    void every_subscription_change_is_audited_with_who_made_it_and_never_the_secret() {
        String admin = TestTokens.bearer("admin.ola", List.of("subscriptions-admin"), List.of());
        Map<String, Object> body = subscription(receiver.url(), List.of("sanctions.entity.listed"),
                Map.of("authorities", List.of("UN")));
        JsonPath created = given().header("Authorization", admin).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(subscription(receiver.url(), List.of("sanctions.entity.delisted"), Map.of()))
                .when().put("/api/v1/subscriptions/" + id).then().statusCode(200);
        String rotated = given().header("Authorization", admin).queryParam("overlap", "PT1H")
                .when().post("/api/v1/subscriptions/" + id + "/secret/rotate").then().statusCode(200)
                .extract().path("secret");
        given().header("Authorization", admin).when().delete("/api/v1/subscriptions/" + id).then().statusCode(204);

        String trail = given().header("Authorization", TestTokens.bearer("auditor.ana", List.of("auditor"), List.of()))
                .queryParam("target", "subscription/" + id).when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.action", contains("subscription.deleted", "subscription.secret-rotated",
                        "subscription.replaced", "subscription.created"))
                .body("items.actor", everyItem(equalTo("admin.ola")))
                .body("items[3].detail.url", equalTo(receiver.url()))
                .body("items[3].detail.filter.authorities", contains("UN"))
                .body("items[2].detail.eventTypes", contains("sanctions.entity.delisted"))
                .body("items[1].detail.overlap", equalTo("PT1H"))
                .extract().asString();
        assertTrue(!trail.contains(created.getString("secret")) && !trail.contains(rotated) && !trail.contains("whsec_"),
                "the audit trail holds a signing secret: " + trail);
    }

    @Test
    void a_subscription_is_created_with_a_secret_shown_once() {
        String id = create(subscription(receiver.url(), List.of("sanctions.entity.listed"),
                Map.of("authorities", List.of("US-OFAC"), "countries", List.of("RU"))))
                .statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("secret", startsWith("whsec_"))
                .body("enabled", equalTo(true))
                .body("filter.authorities", equalTo(List.of("US-OFAC")))
                .body("filter.countries", equalTo(List.of("RU")))
                .body("eventTypes", equalTo(List.of("sanctions.entity.listed")))
                .extract().path("id");

        given().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo(receiver.url()))
                .body("description", equalTo("compliance desk"))
                .body("$", not(hasKey("secret")));
        given().get("/api/v1/subscriptions").then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(notNullValue())));
    }

    @Test
    void the_secret_is_stored_sealed_not_in_plain_text() throws Exception {
        JsonPath created = subscribedToListings();
        String id = created.getString("id");
        String secret = created.getString("secret");
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement st = c.prepareStatement("SELECT secret FROM subscription WHERE id = ?")) {
            st.setObject(1, UUID.fromString(id));
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertTrue(stored.startsWith("aesgcm1:"), stored);
                assertTrue(!stored.contains(secret.substring("whsec_".length())), "no plain secret in the database");
            }
        }
        given().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200).body("status", equalTo("DELIVERED"));
        assertTrue(receiver.received().get(0).signedWith(secret), "signed with the secret the sealed value holds");
    }

    @Test
    void analysts_subject_links_can_be_subscribed_to_without_designation_filters() {
        List<String> types = List.of("sanctions.subject.linked", "sanctions.subject.unlinked");
        create(subscription(receiver.url(), types, Map.of())).statusCode(201)
                .body("eventTypes", equalTo(types));
    }

    @Test
    void invalid_subscriptions_are_refused_naming_each_field() {
        create(subscription(receiver.url(), List.of("sanctions.entity.listed", "sanctions.entity.renamed"),
                Map.of("countries", List.of("Russia"), "subjectTypes", List.of("SHIP"))))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("eventTypes[1]", "filter.subjectTypes[0]",
                        "filter.countries[0]")));
        create(subscription(receiver.url(), List.of("sanctions.entity.listed", "screening.match.found"),
                Map.of("portfolios", List.of("retail"))))
                .statusCode(400).body("errors[0].field", equalTo("filter.portfolios"));
        create(subscription(receiver.url(), List.of("sanctions.entity.listed", "sanctions.subject.unlinked"),
                Map.of("portfolios", List.of("retail"))))
                .statusCode(400).body("errors.field", equalTo(List.of("filter.portfolios")));
        create(subscription(receiver.url(), List.of("sanctions.subject.linked"),
                Map.of("authorities", List.of("US-OFAC"), "countries", List.of("RU"))))
                .statusCode(400).body("errors.field", equalTo(List.of("filter.authorities", "filter.countries")));
        create(Map.of("eventTypes", List.of("sanctions.entity.listed")))
                .statusCode(400).body("errors[0].field", equalTo("url"));
        create(Map.of("url", receiver.url(), "eventTypes", List.of()))
                .statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        create(subscription("not a url", List.of("sanctions.entity.listed"), Map.of()))
                .statusCode(400).body("errors[0].field", equalTo("url"));
    }

    @Test
    void hostile_bodies_are_refused_before_they_cost_anything() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000); // past Jackson's nesting limit of 1,000
        given().contentType(ContentType.JSON).body("{\"url\": " + deep + "}").post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        byte[] invalidUtf8 = {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        given().contentType(ContentType.JSON).body(invalidUtf8).post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"description\": \"" + "x".repeat(300_000) + "\"}")
                .post("/api/v1/subscriptions").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        given().get("/api/v1/subscriptions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void urls_into_private_networks_or_cloud_metadata_are_refused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook",
                "http://192.168.1.20/hook", "http://[fd00:ec2::254]/", "ftp://127.0.0.1/hook",
                "http://user:secret@127.0.0.1/hook")) {
            create(subscription(url, List.of("sanctions.entity.listed"), Map.of()))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
    }

    @Test
    void a_subscription_is_replaced_disabled_and_deleted() {
        String id = create(subscription(receiver.url(), List.of("sanctions.entity.listed"), Map.of()))
                .statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url() + "/v2", "eventTypes", List.of("sanctions.entity.delisted"),
                        "enabled", false))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo(receiver.url() + "/v2"))
                .body("eventTypes", equalTo(List.of("sanctions.entity.delisted")))
                .body("enabled", equalTo(false))
                .body("disabledReason", equalTo("disabled by a user"))
                .body("description", nullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("sanctions.entity.listed"), "enabled", true))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("$", not(hasKey("disabledReason")));

        given().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().get("/api/v1/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("sanctions.entity.listed")))
                .put("/api/v1/subscriptions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void a_redirect_is_never_followed_so_it_cannot_lead_a_webhook_inside_the_network() {
        try (WebhookReceiver inside = new WebhookReceiver()) {
            String id = subscribedToListings().getString("id");
            for (int status : List.of(301, 302, 303, 307, 308)) {
                receiver.answer(r -> new WebhookReceiver.Answer(status, null, inside.url()));
                given().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200)
                        .body("status", equalTo("DEAD"))
                        .body("lastStatusCode", equalTo(status));
            }
            assertEquals(5, receiver.received().size());
            assertEquals(List.of(), inside.received(), "a redirect was followed");
        }
    }

    @Test
    void a_test_ping_is_signed_sent_once_and_logged() {
        JsonPath created = subscribedToListings();
        String id = created.getString("id");
        String secret = created.getString("secret");

        String deliveryId = given().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("eventType", equalTo("webhook.ping"))
                .body("attempts", equalTo(1))
                .body("attemptLog[0].statusCode", equalTo(200))
                .body("attemptLog[0].durationMs", notNullValue())
                .extract().path("id");
        assertEquals(1, receiver.received().size());
        WebhookReceiver.Received ping = receiver.received().get(0);
        assertEquals(deliveryId, ping.webhookId());
        assertTrue(ping.signedWith(secret), "signed with the secret shown at creation");
        assertTrue(ping.body().contains("\"type\":\"webhook.ping\""), ping.body());
        assertEquals("application/cloudevents+json; charset=utf-8", ping.header("content-type"));

        receiver.answer(r -> new WebhookReceiver.Answer(500, null));
        given().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200)
                .body("status", equalTo("DEAD"))
                .body("lastStatusCode", equalTo(500))
                .body("attemptLog.size()", equalTo(1))
                .body("attemptLog[0].error", startsWith("HTTP 500"));

        given().get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].status", equalTo("DEAD"))
                .body("items[1].status", equalTo("DELIVERED"));
        given().get("/api/v1/subscriptions/" + id + "/deliveries?status=DELIVERED").then().statusCode(200)
                .body("items.id", equalTo(List.of(deliveryId)));
        given().get("/api/v1/subscriptions/" + id + "/deliveries?status=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().post("/api/v1/subscriptions/" + UUID.randomUUID() + "/test").then().statusCode(404);
        given().get("/api/v1/subscriptions/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }

    @Test
    void a_rotated_secret_signs_alongside_the_old_one_during_the_overlap() {
        JsonPath created = subscribedToListings();
        String id = created.getString("id");
        String oldSecret = created.getString("secret");

        String newSecret = given().post("/api/v1/subscriptions/" + id + "/secret/rotate?overlap=PT1H").then()
                .statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue())
                .extract().path("secret");
        assertNotEquals(oldSecret, newSecret);
        given().get("/api/v1/subscriptions/" + id).then().body("previousSecretValidUntil", notNullValue());

        given().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200);
        WebhookReceiver.Received during = receiver.received().get(0);
        assertTrue(during.signedWith(newSecret));
        assertTrue(during.signedWith(oldSecret));

        given().post("/api/v1/subscriptions/" + id + "/secret/rotate?overlap=PT0S").then().statusCode(200);
        given().post("/api/v1/subscriptions/" + id + "/test").then().statusCode(200);
        WebhookReceiver.Received after = receiver.received().get(1);
        assertEquals(1, after.header("webhook-signature").split(" ").length);
        assertTrue(!after.signedWith(newSecret) && !after.signedWith(oldSecret), "both old secrets are retired");

        given().post("/api/v1/subscriptions/" + id + "/secret/rotate?overlap=tomorrow").then().statusCode(400)
                .body("errors[0].field", equalTo("overlap"));
    }
}
