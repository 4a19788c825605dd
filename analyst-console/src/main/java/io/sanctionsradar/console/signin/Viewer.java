package io.sanctionsradar.console.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Who is looking at this page: their name, roles and portfolios from the access token the services will see, the
 * token itself for the calls made on their behalf, and their time zone (the {@code tz} cookie console.js sets;
 * UTC without it). Templates reach it as {@code inject:viewer}.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    public static final String TIME_ZONE_COOKIE = "tz";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;

    private List<String> portfolios;
    private ZoneId zone;

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean can(String role) {
        return identity.hasRole(role);
    }

    public java.util.Set<String> roles() {
        return new java.util.TreeSet<>(identity.getRoles());
    }

    /** Refuses a page whose only purpose is an action this person's roles do not allow (a 403 page). */
    public void require(String role, String forWhat) {
        if (!can(role)) {
            throw new io.sanctionsradar.console.services.ServiceProblem(403, "Forbidden",
                    "Only a " + role + " " + forWhat + ".", java.util.Map.of());
        }
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The portfolios of the access token; {@code *} is every portfolio. */
    public List<String> portfolios() {
        if (portfolios == null) {
            portfolios = new ArrayList<>();
            JsonNode claim = claims().path("portfolios");
            claim.forEach(p -> portfolios.add(p.asText()));
        }
        return portfolios;
    }

    public boolean allPortfolios() {
        return portfolios().contains("*");
    }

    /** "Bearer …" for the services. */
    public String authorization() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in this session");
        }
        return "Bearer " + token.getToken();
    }

    public ZoneId zone() {
        if (zone == null) {
            Cookie cookie = request.getCookie(TIME_ZONE_COOKIE);
            zone = ZoneOffset.UTC;
            if (cookie != null) {
                try {
                    zone = ZoneId.of(java.net.URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
                } catch (DateTimeException ignored) {
                    // a made-up zone: stay in UTC
                }
            }
        }
        return zone;
    }

    /** An ISO-8601 instant from a service, in the viewer's zone: "2021-03-22 10:15:00 CET". Blank stays blank. */
    public String time(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            Instant at = OffsetDateTime.parse(iso.toString()).toInstant();
            return at.atZone(zone()).format(SHOWN) + " " + zoneName();
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** The zone as the page footer names it: UTC, or the short name of the viewer's zone (CET, EST …). */
    public String zoneName() {
        return zone().equals(ZoneOffset.UTC) ? "UTC"
                : zone().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
    }

    private JsonNode claims() {
        try {
            String token = authorization().substring("Bearer ".length());
            String payload = token.split("\\.")[1];
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
