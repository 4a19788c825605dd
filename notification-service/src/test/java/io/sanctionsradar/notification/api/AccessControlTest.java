package io.sanctionsradar.notification.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.AccessCheck;
import io.sanctionsradar.infra.testing.AccessCheck.Endpoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.sanctionsradar.infra.testing.AccessCheck.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccessControlTest {

    private static final String ADMIN = "subscriptions-admin";
    private static final String AUDITOR = "auditor";

    /** Who may do what: every /api/ operation of the OpenAPI document must be listed here. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("POST", "/api/v1/subscriptions", ADMIN),
            endpoint("GET", "/api/v1/subscriptions", ADMIN, AUDITOR),
            endpoint("GET", "/api/v1/subscriptions/{id}", ADMIN, AUDITOR),
            endpoint("PUT", "/api/v1/subscriptions/{id}", ADMIN),
            endpoint("DELETE", "/api/v1/subscriptions/{id}", ADMIN),
            endpoint("POST", "/api/v1/subscriptions/{id}/test", ADMIN),
            endpoint("POST", "/api/v1/subscriptions/{id}/secret/rotate", ADMIN),
            endpoint("GET", "/api/v1/subscriptions/{id}/deliveries", ADMIN, AUDITOR),
            endpoint("GET", "/api/v1/deliveries/{id}", ADMIN, AUDITOR),
            endpoint("POST", "/api/v1/deliveries/{id}/retry", ADMIN),
            endpoint("GET", "/api/v1/audit", AUDITOR));

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_endpoint_refuses_bad_tokens_and_the_roles_it_does_not_admit_and_health_stays_open() {
        assertEquals(List.of(), AccessCheck.brokenRules(base, ENDPOINTS));
    }
}
