package io.sanctionsradar.notification.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.AccessCheck;
import io.sanctionsradar.infra.testing.AccessCheck.Endpoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.sanctionsradar.infra.testing.AccessCheck.endpoint;
import static io.sanctionsradar.support.security.Roles.AUDITOR;
import static io.sanctionsradar.support.security.Roles.SUBSCRIPTIONS_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccessControlTest {

    /** Who may do what: every /api/ operation of the OpenAPI document must be listed here. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("POST", "/api/v1/subscriptions", SUBSCRIPTIONS_ADMIN),
            endpoint("GET", "/api/v1/subscriptions", SUBSCRIPTIONS_ADMIN, AUDITOR),
            endpoint("GET", "/api/v1/subscriptions/{id}", SUBSCRIPTIONS_ADMIN, AUDITOR),
            endpoint("PUT", "/api/v1/subscriptions/{id}", SUBSCRIPTIONS_ADMIN),
            endpoint("DELETE", "/api/v1/subscriptions/{id}", SUBSCRIPTIONS_ADMIN),
            endpoint("POST", "/api/v1/subscriptions/{id}/test", SUBSCRIPTIONS_ADMIN),
            endpoint("POST", "/api/v1/subscriptions/{id}/secret/rotate", SUBSCRIPTIONS_ADMIN),
            endpoint("GET", "/api/v1/subscriptions/{id}/deliveries", SUBSCRIPTIONS_ADMIN, AUDITOR),
            endpoint("GET", "/api/v1/deliveries/{id}", SUBSCRIPTIONS_ADMIN, AUDITOR),
            endpoint("POST", "/api/v1/deliveries/{id}/retry", SUBSCRIPTIONS_ADMIN),
            endpoint("GET", "/api/v1/audit", AUDITOR));

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_endpoint_refuses_bad_tokens_and_the_roles_it_does_not_admit_and_health_stays_open() {
        assertEquals(List.of(), AccessCheck.brokenRules(base, ENDPOINTS));
    }
}
