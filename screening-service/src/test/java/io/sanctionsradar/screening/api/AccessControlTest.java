package io.sanctionsradar.screening.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.AccessCheck;
import io.sanctionsradar.infra.testing.AccessCheck.Endpoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.sanctionsradar.infra.testing.AccessCheck.endpoint;
import static io.sanctionsradar.support.security.Roles.ANALYST;
import static io.sanctionsradar.support.security.Roles.AUDITOR;
import static io.sanctionsradar.support.security.Roles.SCREENER;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccessControlTest {

    /** Who may do what: every /api/ operation of the OpenAPI document must be listed here. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("POST", "/api/v1/screenings", SCREENER),
            endpoint("POST", "/api/v1/screenings/batch", SCREENER),
            endpoint("GET", "/api/v1/screenings/{screeningId}", SCREENER, AUDITOR),
            endpoint("GET", "/api/v1/screenings/batches/{batchId}", SCREENER, AUDITOR),
            endpoint("PUT", "/api/v1/monitored-parties/{partyId}", SCREENER),
            endpoint("GET", "/api/v1/monitored-parties/{partyId}", SCREENER, AUDITOR),
            endpoint("DELETE", "/api/v1/monitored-parties/{partyId}", SCREENER),
            endpoint("GET", "/api/v1/monitored-parties", SCREENER, AUDITOR),
            endpoint("POST", "/api/v1/monitored-parties/bulk", SCREENER),
            endpoint("GET", "/api/v1/alerts", SCREENER, AUDITOR),
            endpoint("GET", "/api/v1/alerts/{alertId}", SCREENER, AUDITOR),
            endpoint("POST", "/api/v1/alerts/{alertId}/disposition", SCREENER),
            endpoint("GET", "/api/v1/portfolios", SCREENER, AUDITOR),
            endpoint("GET", "/api/v1/watchlist/status", SCREENER, ANALYST, AUDITOR),
            endpoint("GET", "/api/v1/watchlist/entries/{entryId}", SCREENER, ANALYST, AUDITOR),
            endpoint("GET", "/api/v1/subjects/{subjectId}", SCREENER, ANALYST, AUDITOR),
            endpoint("GET", "/api/v1/audit", AUDITOR),
            // the CSV forms of two of them, which the OpenAPI document lists once per path and method
            endpoint("POST", "/api/v1/screenings/batch", SCREENER).consuming("text/csv", "name\nAcme\n"),
            endpoint("POST", "/api/v1/monitored-parties/bulk", SCREENER).consuming("text/csv", "partyId,name\n"));

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_endpoint_refuses_bad_tokens_and_the_roles_it_does_not_admit_and_health_stays_open() {
        assertEquals(List.of(), AccessCheck.brokenRules(base, ENDPOINTS));
    }
}
