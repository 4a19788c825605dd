package io.sanctionsradar.screening.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.HttpLimitChecks;
import io.sanctionsradar.infra.testing.RawHttp;
import io.sanctionsradar.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A chunked JSON body is held to api.max-json-body-size (16M) by the bytes that arrive, refused long before its end. */
@QuarkusTest
class BodyLimitTest {

    private static final long MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_chunked_json_batch_over_16_mb_is_refused_before_its_end() {
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/screenings/batch",
                Map.of("Authorization", TestTokens.everything(), "Content-Type", "application/json"),
                "[{\"name\": \"", (byte) 'x', 200 * MB);
        HttpLimitChecks.assertRefusedEarly(answer, 16 * MB + 32 * MB);
    }

    @Test
    void a_chunked_json_screening_under_the_limit_is_answered() {
        String query = "{\"name\": \"Xinjiang Production and Construction Corps\"}";
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/screenings",
                Map.of("Authorization", TestTokens.everything(), "Content-Type", "application/json"),
                query, (byte) ' ', query.length());
        assertEquals(200, answer.status(), answer.body());
    }
}
