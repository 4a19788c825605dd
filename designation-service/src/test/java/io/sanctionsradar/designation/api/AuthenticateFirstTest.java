package io.sanctionsradar.designation.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication and roles come before content negotiation and routing: a stranger learns nothing else first. */
@QuarkusTest
class AuthenticateFirstTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI base;

    @Test
    void an_import_with_a_plain_text_body_is_refused_401_without_a_token() throws Exception {
        HttpResponse<String> answer = postImport(null);
        assertEquals(401, answer.statusCode(), answer.body());
        assertProblem(answer);
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void an_import_with_a_plain_text_body_is_refused_401_with_a_bad_token() throws Exception {
        HttpResponse<String> answer = postImport("Bearer not-a-jwt");
        assertEquals(401, answer.statusCode(), answer.body());
        assertProblem(answer);
    }

    @Test
    void an_import_with_a_plain_text_body_is_refused_403_to_a_token_without_the_analyst_role() throws Exception {
        HttpResponse<String> answer = postImport(TestTokens.bearer("screener", List.of("screener", "auditor"),
                List.of("*")));
        assertEquals(403, answer.statusCode(), answer.body());
        assertProblem(answer);
    }

    @Test
    void an_analyst_is_told_the_body_is_of_the_wrong_type() throws Exception {
        HttpResponse<String> answer = postImport(TestTokens.bearer("analyst", List.of("analyst"), List.of()));
        assertEquals(415, answer.statusCode(), answer.body());
        assertProblem(answer);
    }

    @Test
    void an_unknown_api_path_is_refused_401_without_a_token() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/no-such-thing")).GET(), null);
        assertEquals(401, answer.statusCode(), answer.body());
        assertProblem(answer);
    }

    private HttpResponse<String> postImport(String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/imports")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("format=ofac-sdn-csv")), authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization)
            throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "not problem+json: " + answer.headers().map());
    }
}
