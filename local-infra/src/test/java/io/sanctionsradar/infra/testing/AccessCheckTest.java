package io.sanctionsradar.infra.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.sanctionsradar.infra.testing.AccessCheck.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The access matrix itself, against a fake service that gets authentication right and then answers the admitted
 * role with a chosen status: only the endpoint's own 2xx or problem+json 4xx passes.
 */
class AccessCheckTest {

    private static final List<AccessCheck.Endpoint> ONE_ENDPOINT = List.of(endpoint("GET", "/api/v1/things",
            "auditor"));

    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_admitted_role_answered_with_the_endpoints_own_answer_passes() throws IOException {
        assertEquals(List.of(), AccessCheck.brokenRules(fakeService(200, "application/json"), ONE_ENDPOINT));
        stop();
        assertEquals(List.of(), AccessCheck.brokenRules(fakeService(404, "application/problem+json"), ONE_ENDPOINT));
    }

    @Test
    void an_admitted_role_answered_with_a_server_error_fails_the_check() throws IOException {
        assertEquals(List.of("GET /api/v1/things fails for auditor (500)"),
                AccessCheck.brokenRules(fakeService(500, "application/problem+json"), ONE_ENDPOINT));
    }

    @Test
    void an_admitted_role_answered_with_a_4xx_that_is_no_problem_json_fails_the_check() throws IOException {
        assertEquals(List.of("GET /api/v1/things answers auditor 415 without problem+json"),
                AccessCheck.brokenRules(fakeService(415, "text/plain"), ONE_ENDPOINT));
    }

    /** A service whose one endpoint admits auditors and then answers {@code status} of {@code type}. */
    private URI fakeService(int status, String type) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/", exchange -> answer(exchange, 200, "application/json",
                "{\"paths\": {\"/api/v1/things\": {\"get\": {}}}}"));
        server.createContext("/api/v1/things", exchange -> {
            String role = roleOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (role == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                answer(exchange, 401, "application/problem+json", "{\"status\": 401}");
            } else if (!role.equals("auditor")) {
                answer(exchange, 403, "application/problem+json", "{\"status\": 403}");
            } else {
                answer(exchange, status, type, "{}");
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The role of a token AccessCheck minted for one role ("role-auditor"), null for every token it must refuse. */
    private static String roleOf(String authorization) {
        String[] parts = authorization == null || !authorization.startsWith("Bearer ") ? new String[0]
                : authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher subject = java.util.regex.Pattern.compile("\"sub\":\"role-([^\"]+)\"").matcher(claims);
        return subject.find() ? subject.group(1) : null;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
