package io.sanctionsradar.notification.api;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every paged listing refuses a page it cannot read (issue #24 item 11), naming the parameter. */
@QuarkusTest
class PagingTest {

    private static final List<Object> BAD_LIMITS = List.of(0, -1, 501, "2147483648", "99999999999999999999", "all");

    @Test
    void deliveries_refuse_a_bad_limit_naming_it_and_a_good_one_still_works() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = SubscriptionApiTest.create(SubscriptionApiTest.subscription(receiver.url(),
                    List.of("sanctions.entity.listed"), Map.of())).statusCode(201).extract().path("id");
            try {
                for (Object limit : BAD_LIMITS) {
                    given().queryParam("limit", limit).when().get("/api/v1/subscriptions/" + id + "/deliveries")
                            .then().statusCode(400).contentType("application/problem+json")
                            .body("errors[0].field", equalTo("limit"));
                }
                given().queryParam("limit", 500).when().get("/api/v1/subscriptions/" + id + "/deliveries")
                        .then().statusCode(200);
            } finally {
                given().delete("/api/v1/subscriptions/" + id).then().statusCode(204);
            }
        }
    }

    @Test
    void the_audit_trail_refuses_a_bad_limit_or_cursor_naming_it() {
        for (Object limit : List.of(0, 1001, "99999999999")) {
            given().queryParam("limit", limit).when().get("/api/v1/audit")
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
        given().queryParam("before", "99999999999999999999").when().get("/api/v1/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("before"));
        given().queryParam("limit", 1000).when().get("/api/v1/audit").then().statusCode(200);
    }
}
