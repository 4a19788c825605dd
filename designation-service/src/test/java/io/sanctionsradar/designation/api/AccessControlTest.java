package io.sanctionsradar.designation.api;

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
            endpoint("POST", "/api/v1/designations", ANALYST),
            endpoint("GET", "/api/v1/designations", ANALYST, AUDITOR, SCREENER),
            endpoint("GET", "/api/v1/designations/{id}", ANALYST, AUDITOR, SCREENER),
            endpoint("PUT", "/api/v1/designations/{id}", ANALYST),
            endpoint("POST", "/api/v1/designations/{id}/delisting", ANALYST),
            endpoint("GET", "/api/v1/designations/{id}/history", ANALYST, AUDITOR, SCREENER),
            endpoint("GET", "/api/v1/designations/{id}/versions/{version}", ANALYST, AUDITOR, SCREENER),
            endpoint("GET", "/api/v1/designations/{id}/subject-links", ANALYST, AUDITOR, SCREENER),
            endpoint("PUT", "/api/v1/subject-links", ANALYST),
            endpoint("POST", "/api/v1/countermeasures", ANALYST),
            endpoint("GET", "/api/v1/countermeasures", ANALYST, AUDITOR, SCREENER),
            endpoint("POST", "/api/v1/imports", ANALYST)
                    .consuming("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; "
                            + "name=\"format\"\r\n\r\nofac-sdn-csv\r\n--b--\r\n"),
            endpoint("GET", "/api/v1/imports", ANALYST, AUDITOR),
            endpoint("GET", "/api/v1/imports/{importId}", ANALYST, AUDITOR),
            endpoint("GET", "/api/v1/list-sources", ANALYST, AUDITOR, SCREENER),
            endpoint("GET", "/api/v1/list-sources/{list}", ANALYST, AUDITOR, SCREENER),
            endpoint("POST", "/api/v1/list-sources/{list}/sync", ANALYST),
            endpoint("GET", "/api/v1/authorities", ANALYST, AUDITOR, SCREENER),
            endpoint("PUT", "/api/v1/authorities/{code}", ANALYST),
            endpoint("GET", "/api/v1/programmes", ANALYST, AUDITOR, SCREENER),
            endpoint("PUT", "/api/v1/programmes/{code}", ANALYST),
            endpoint("GET", "/api/v1/audit", AUDITOR));

    @TestHTTPResource("/")
    URI base;

    @Test
    void every_endpoint_refuses_bad_tokens_and_the_roles_it_does_not_admit_and_health_stays_open() {
        assertEquals(List.of(), AccessCheck.brokenRules(base, ENDPOINTS));
    }
}
