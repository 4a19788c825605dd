package io.sanctionsradar.designation.api;

import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.DevTokens;
import io.sanctionsradar.infra.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token from the future is refused beyond the clock skew (60 s); a verified token is not verified again. */
@QuarkusTest
class TokenTimeTest {

    private static final List<String> AUDITOR = List.of("auditor");

    @Inject
    JWTParser parser;

    @Test
    void a_token_issued_a_day_ahead_is_refused() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        String token = TestTokens.keys().mint("early", AUDITOR, List.of(), tomorrow, tomorrow.plusSeconds(3600),
                DevTokens.ISSUER);
        readAuthorities(token).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_valid_only_from_tomorrow_is_refused() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        String token = TestTokens.keys().mintNotBefore("early", AUDITOR, List.of(), tomorrow,
                tomorrow.plusSeconds(3600));
        readAuthorities(token).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_issued_30_seconds_ahead_is_within_the_clock_skew() {
        Instant soon = Instant.now().plusSeconds(30);
        String token = TestTokens.keys().mint("a-fast-clock", AUDITOR, List.of(), soon, soon.plusSeconds(3600),
                DevTokens.ISSUER);
        readAuthorities(token).then().statusCode(200);
    }

    @Test
    void a_token_sent_again_costs_no_second_verification() throws Exception {
        String token = TestTokens.keys().mint("repeat", AUDITOR, List.of(), Duration.ofMinutes(5));
        parser.parse(token);
        int rounds = 2000;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            parser.parse(token);
        }
        double micros = (System.nanoTime() - started) / 1000.0 / rounds;
        System.out.printf("bearer token parse, the same token again: %.2f µs per request%n", micros);
        assertTrue(micros < 50, "an RSA verification per request: " + micros + " µs");
    }

    private static io.restassured.response.Response readAuthorities(String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/api/v1/authorities");
    }
}
