package io.sanctionsradar.notification.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With loopback not allowed, as in production: a host name is judged by the addresses it resolves to. */
@QuarkusTest
@TestProfile(StrictAddressesTest.Production.class)
class StrictAddressesTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("webhooks.allow-loopback", "false");
        }
    }

    @Test
    void a_host_name_that_resolves_to_a_refused_address_is_refused_like_the_address() {
        for (String url : List.of("http://localhost:9/hook", "http://127.0.0.1:9/hook",
                "http://[::1]:9/hook")) {
            SubscriptionApiTest.create(SubscriptionApiTest.subscription(url, List.of("sanctions.entity.listed"),
                            Map.of()))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("loopback"));
        }
        given().get("/api/v1/subscriptions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void an_ipv6_address_that_carries_a_refused_ipv4_address_is_refused() {
        for (String url : List.of("http://[::7f00:1]:9/hook", "http://[64:ff9b::7f00:1]:9/hook",
                "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a00:1::1]/hook")) {
            SubscriptionApiTest.create(SubscriptionApiTest.subscription(url, List.of("sanctions.entity.listed"),
                            Map.of()))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("which carries"));
        }
        given().get("/api/v1/subscriptions").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
