package io.sanctionsradar.notification.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.HttpLimitChecks;
import io.sanctionsradar.infra.testing.RawHttp;
import io.sanctionsradar.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A chunked JSON body is held to api.max-json-body-size (256K) by the bytes that arrive, refused long before its end. */
@QuarkusTest
class BodyLimitTest {

    private static final long MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_chunked_subscription_over_256_kb_is_refused_before_its_end() {
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/subscriptions",
                Map.of("Authorization", TestTokens.everything(), "Content-Type", "application/json"),
                "{\"description\": \"", (byte) 'x', 200 * MB);
        HttpLimitChecks.assertRefusedEarly(answer, 32 * MB);
    }
}
