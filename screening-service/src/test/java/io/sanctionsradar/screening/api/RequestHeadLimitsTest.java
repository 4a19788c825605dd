package io.sanctionsradar.screening.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request line or headers over the service's limits are refused as problem+json, naming the part at fault. */
@QuarkusTest
class RequestHeadLimitsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_request_line_over_4096_bytes_is_refused_414_as_problem_json() {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/watchlist/status?q=" + "x".repeat(5000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n");
        assertEquals(414, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertTrue(answer.body().contains("\"field\":\"uri\""), answer.body());
    }

    @Test
    void headers_over_20_kb_are_refused_431_as_problem_json_naming_the_largest() {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/watchlist/status HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "x".repeat(30 * 1024) + "\r\n\r\n");
        assertEquals(431, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertTrue(answer.body().contains("\"field\":\"headers.X-Padding\""), answer.body());
    }
}
