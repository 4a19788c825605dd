package io.sanctionsradar.infra.testing;

import io.sanctionsradar.infra.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service's endpoints against their access rules over real HTTP: each refuses a missing, malformed,
 * expired, not yet valid, wrongly signed or foreign-issuer token with 401 problem+json and a Bearer challenge, refuses every role
 * it does not admit with 403 problem+json, and lets each role it admits through: the endpoint's own answer, 2xx or a
 * problem+json 4xx, never 5xx.
 * Every broken rule is collected, so one run names them all.
 */
public final class AccessCheck {

    /**
     * An endpoint (its path as the OpenAPI document writes it, {@code {id}} and all), the roles it admits, and a body
     * of the type it consumes (so that a 415 never hides a 401).
     */
    public record Endpoint(String method, String path, Set<String> roles, String contentType, String body) {

        public Endpoint consuming(String type, String content) {
            return new Endpoint(method, path, roles, type, content);
        }
    }

    public static Endpoint endpoint(String method, String path, String... roles) {
        boolean withBody = method.equals("POST") || method.equals("PUT");
        return new Endpoint(method, path, Set.of(roles), withBody ? "application/json" : null, withBody ? "{}" : null);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final List<String> broken = new ArrayList<>();
    /** The Authorization headers every endpoint must refuse with 401, by what is wrong with them. */
    private final Map<String, String> refused = new LinkedHashMap<>();
    /** A valid token per role, over every portfolio. */
    private final Map<String, String> byRole = new LinkedHashMap<>();

    private AccessCheck(URI base) {
        this.base = base;
        DevTokens keys = TestTokens.keys();
        DevTokens strangerKeys = DevTokens.in(Path.of("target", "test-keys-stranger"));
        List<String> all = TestTokens.ALL_ROLES;
        List<String> any = List.of("*");
        Instant now = Instant.now();
        refused.put("no token", null);
        refused.put("a malformed token", "Bearer not-a-jwt");
        refused.put("a token without the Bearer scheme", keys.mint("mallory", all, any, Duration.ofMinutes(5)));
        refused.put("an expired token", "Bearer " + keys.mint("mallory", all, any, now.minusSeconds(7200),
                now.minusSeconds(3600), DevTokens.ISSUER));
        refused.put("a token issued a day ahead", "Bearer " + keys.mint("mallory", all, any,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), DevTokens.ISSUER));
        refused.put("a token valid only from tomorrow", "Bearer " + keys.mintNotBefore("mallory", all, any,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));
        refused.put("a token signed by another key", "Bearer " + strangerKeys.mint("mallory", all, any,
                Duration.ofMinutes(5)));
        refused.put("a token from another issuer", "Bearer " + keys.mint("mallory", all, any, now,
                now.plusSeconds(300), "https://issuer.example/elsewhere"));
        refused.put("a token whose claims were changed after signing", "Bearer " + altered(keys.mint("mallory",
                List.of(), List.of(), Duration.ofMinutes(5))));
        all.forEach(role -> byRole.put(role, TestTokens.bearer("role-" + role, List.of(role), any)));
    }

    /**
     * Every access rule the service breaks, empty when all hold: the rules of each endpoint, an /api/ operation of
     * its OpenAPI document missing from {@code endpoints} (every one must have its rule written down), and health,
     * metrics or the API document not answering 200 to anyone, even a caller with a broken token.
     */
    public static List<String> brokenRules(URI base, List<Endpoint> endpoints) {
        AccessCheck check = new AccessCheck(base);
        endpoints.forEach(check::check);
        unlisted(check, endpoints).forEach(operation -> check.broken.add(operation + " has no access rule listed"));
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            Endpoint open = new Endpoint("GET", path, Set.of(), null, null);
            for (String authorization : java.util.Arrays.asList(null, "Bearer stale.or.broken")) {
                int status = check.send(open, authorization).statusCode();
                if (status != 200) {
                    check.broken.add("GET " + path + (authorization == null ? "" : " with a broken token") + ": "
                            + status + " instead of 200");
                }
            }
        }
        return check.broken;
    }

    private static List<String> unlisted(AccessCheck check, List<Endpoint> endpoints) {
        HttpResponse<String> document = check.send(new Endpoint("GET", "/q/openapi?format=json", Set.of(), null,
                null), null);
        Map<String, Map<String, Object>> paths = io.restassured.path.json.JsonPath.from(document.body())
                .getMap("paths");
        Set<String> listed = new java.util.HashSet<>();
        endpoints.forEach(e -> listed.add(e.method() + " " + e.path()));
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            if (path.startsWith("/api/") && !listed.contains(operation)) {
                missing.add(operation);
            }
        }));
        return missing;
    }

    private void check(Endpoint endpoint) {
        refused.forEach((what, authorization) -> {
            HttpResponse<String> answer = send(endpoint, authorization);
            if (answer.statusCode() != 401) {
                broken.add(endpoint.method() + " " + endpoint.path() + " with " + what + ": " + answer.statusCode()
                        + " instead of 401");
            } else if (!isProblem(answer)
                    || !answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                broken.add(endpoint.method() + " " + endpoint.path() + " with " + what
                        + ": 401 without problem+json and a Bearer challenge");
            }
        });
        byRole.forEach((role, authorization) -> {
            HttpResponse<String> answer = send(endpoint, authorization);
            boolean admitted = endpoint.roles().contains(role);
            if (admitted && (answer.statusCode() == 401 || answer.statusCode() == 403)) {
                broken.add(endpoint.method() + " " + endpoint.path() + " refuses " + role + " (" + answer.statusCode()
                        + ")");
            } else if (admitted && answer.statusCode() >= 500) {
                broken.add(endpoint.method() + " " + endpoint.path() + " fails for " + role + " ("
                        + answer.statusCode() + ")");
            } else if (admitted && answer.statusCode() >= 400 && !isProblem(answer)) {
                broken.add(endpoint.method() + " " + endpoint.path() + " answers " + role + " "
                        + answer.statusCode() + " without problem+json");
            } else if (!admitted && answer.statusCode() != 403) {
                broken.add(endpoint.method() + " " + endpoint.path() + " lets " + role + " in ("
                        + answer.statusCode() + " instead of 403)");
            } else if (!admitted && !isProblem(answer)) {
                broken.add(endpoint.method() + " " + endpoint.path() + ": 403 without problem+json");
            }
        });
    }

    private static boolean isProblem(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    /** The token with every role granted in its claims, under the signature of the original claims. */
    private static String altered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[]", "\"groups\":[\"analyst\",\"screener\",\"subscriptions-admin\",\"auditor\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private HttpResponse<String> send(Endpoint endpoint, String authorization) {
        HttpRequest.BodyPublisher body = endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint.body());
        // a path template's parameters get a value of the usual shape: the answer may be 404, never 401/403 wrongly
        String path = endpoint.path().replaceAll("\\{version}", "1")
                .replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).method(endpoint.method(), body);
        if (endpoint.contentType() != null) {
            request.header("Content-Type", endpoint.contentType());
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(endpoint.method() + " " + endpoint.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
