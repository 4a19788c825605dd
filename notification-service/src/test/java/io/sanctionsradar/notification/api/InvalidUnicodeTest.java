package io.sanctionsradar.notification.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A string that is not valid Unicode is refused, naming its field, not stored with a "?" (issue #24 item 12). */
@QuarkusTest
class InvalidUnicodeTest {

    @Test
    void an_unpaired_surrogate_in_a_subscription_is_refused_naming_the_field() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String start = "{\"url\": \"" + receiver.url() + "\", \"eventTypes\": [\"sanctions.entity.listed\"], ";
            refused(start + "\"description\": \"desk \\ud800\"}", "description");
            refused(start + "\"filter\": {\"authorities\": [\"US-OFAC\", \"\\udfff\"]}}", "filter.authorities[1]");
        }
    }

    private static void refused(String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
