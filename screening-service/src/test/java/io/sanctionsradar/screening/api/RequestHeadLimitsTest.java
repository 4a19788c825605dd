package io.sanctionsradar.screening.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.HttpLimitChecks;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** A request line or headers over the service's limits are refused as problem+json, naming the part at fault. */
@QuarkusTest
class RequestHeadLimitsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_request_line_over_4096_bytes_is_refused_414_as_problem_json() {
        HttpLimitChecks.assertLongRequestLineRefused(base, "/api/v1/watchlist/status");
    }

    @Test
    void headers_over_20_kb_are_refused_431_as_problem_json_naming_the_largest() {
        HttpLimitChecks.assertLargeHeadersRefused(base, "/api/v1/watchlist/status");
    }
}
